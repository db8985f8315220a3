package org.capgov.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * A rule (a limit on a metric or an equipment parameter) or an elimination item (淘汰类: equipment that must go,
 * with a deadline; {@code kind} ELIMINATION, no comparator). {@code limit} is a BigDecimal or a Boolean.
 */
public record CatalogRule(String id, String documentId, Kind kind, String dimension, String industry,
        String equipmentType, String subject, String metric, List<Condition> when, String comparator, Object limit,
        String unit, String severity, LocalDate deadline, LocalDate effectiveFrom, LocalDate effectiveTo,
        String confidence, Citation citation) {

    public enum Kind { RULE, ELIMINATION }

    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom)) && (effectiveTo == null || date.isBefore(effectiveTo));
    }

    /** Binds projects: a rule of scope PROJECT or BOTH (market-access conditions for what may be built). */
    public boolean gatesProjects() {
        return when.stream().anyMatch(c -> "PROJECT".equals(c.scope()) || "BOTH".equals(c.scope()));
    }

    public boolean forProjectsOnly() {
        return when.stream().anyMatch(c -> "PROJECT".equals(c.scope()));
    }
}
