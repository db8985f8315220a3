package org.capgov.registry;

/**
 * A section another module adds to the enterprise page (e.g. online monitoring's exceedances): a Thymeleaf fragment
 * and what it shows, computed for the caller's data scope. The module depends on the registry, not the registry on
 * it, as with the dashboard's cards (docs/architecture.md).
 */
public interface EnterprisePageSection {

    /** The template holding the fragment {@code section(content)}, e.g. {@code telemetry/enterprise}. */
    String template();

    /** What the section shows of the enterprise for the caller; null when the caller may not see it. */
    Object content(Enterprise enterprise);
}
