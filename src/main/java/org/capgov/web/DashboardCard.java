package org.capgov.web;

/**
 * A card another module puts on the home page: its figures under one model attribute, which the dashboard template
 * shows when present. The module depends on web, not web on it, so modules that web already uses can in turn use
 * modules that depend on web (docs/architecture.md).
 */
public interface DashboardCard {

    /** The model attribute the template reads, e.g. {@code taskBoard}. */
    String attribute();

    /** The card's figures as the caller may see them. */
    Object content();
}
