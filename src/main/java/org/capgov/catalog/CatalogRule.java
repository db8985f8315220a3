package org.capgov.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * A rule (a limit on a metric or an equipment parameter), an elimination item (淘汰类: equipment that must go,
 * with a deadline; {@code kind} ELIMINATION, no comparator), or a consequence ({@code kind} CONSEQUENCE: the rules of
 * its document and dimension that still fail after {@code deadline} are to be closed — seed 000 二、（一） "到2018年，
 * 对达不到行业环保、能耗、工艺与装备标准的企业实施关闭或淘汰"). {@code limit} is a BigDecimal or a Boolean.
 */
public record CatalogRule(String id, String documentId, Kind kind, String dimension, String industry,
        String equipmentType, String subject, String metric, List<Condition> when, String comparator, Object limit,
        String unit, String severity, LocalDate deadline, LocalDate effectiveFrom, LocalDate effectiveTo,
        String confidence, Citation citation) {

    public enum Kind { RULE, ELIMINATION, CONSEQUENCE }

    /** Does this consequence bind the rule: a rule of its document and dimension (and industry, when it names one)? */
    public boolean closes(CatalogRule rule) {
        return kind == Kind.CONSEQUENCE && rule.kind() == Kind.RULE && documentId.equals(rule.documentId())
                && java.util.Objects.equals(dimension, rule.dimension())
                && (industry == null || industry.equals(rule.industry()));
    }

    /** Binds projects: a rule of scope PROJECT or BOTH (market-access conditions for what may be built). */
    public boolean gatesProjects() {
        return when.stream().anyMatch(c -> "PROJECT".equals(c.scope()) || "BOTH".equals(c.scope()));
    }

    /**
     * In force from {@code effectiveFrom} to {@code effectiveTo}, both days included: the catalogue files write the
     * last day a rule is in force (docs/domain.md §7, docs/decisions/seed-readings.md).
     */
    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom)) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** A project-gate rule only (scope PROJECT): the engine, which judges existing capacity, skips it. */
    public boolean forProjectsOnly() {
        return when.stream().anyMatch(c -> "PROJECT".equals(c.scope()));
    }

}
