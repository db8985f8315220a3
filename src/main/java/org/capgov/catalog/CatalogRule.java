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

    /**
     * In force from {@code effectiveFrom} to {@code effectiveTo}, both days included: the catalogue files write the
     * last day a rule is in force (DOMAIN.md §7, docs/decisions/seed-readings.md).
     */
    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom)) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** A project-gate rule only (scope PROJECT): the engine, which judges existing capacity, skips it. */
    public boolean forProjectsOnly() {
        return when.stream().anyMatch(c -> "PROJECT".equals(c.scope()));
    }

    /** A rule that also gates projects (scope PROJECT or BOTH); its project check waits for the project gate. */
    public boolean hasProjectSide() {
        return when.stream().anyMatch(c -> "PROJECT".equals(c.scope()) || "BOTH".equals(c.scope()));
    }
}
