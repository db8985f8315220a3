package org.capgov.pricing.scale;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What the surcharge rules read about one enterprise for one month: the adverse findings of the latest compliance
 * run, the verified metric values of the previous calendar year (the ladder's annual cycle), registered activities,
 * and the capacity-cut targets missed in regions and industries that take in the enterprise.
 */
public record EnterpriseFacts(String regionPath, List<String> industries, List<Eliminated> eliminated,
        List<Noncompliance> noncompliant, List<VerifiedValue> verified, Set<String> activities,
        List<MissedTarget> missedTargets) {

    public EnterpriseFacts {
        industries = List.copyOf(industries);
        eliminated = List.copyOf(eliminated);
        noncompliant = List.copyOf(noncompliant);
        verified = List.copyOf(verified);
        activities = Set.copyOf(activities);
        missedTargets = missedTargets == null ? List.of() : List.copyOf(missedTargets);
    }

    public EnterpriseFacts(String regionPath, List<String> industries, List<Eliminated> eliminated,
            List<Noncompliance> noncompliant, List<VerifiedValue> verified, Set<String> activities) {
        this(regionPath, industries, eliminated, noncompliant, verified, activities, List.of());
    }

    /**
     * A capacity-cut target (elimination or cap) that was missed at its deadline: its region subtree ({@code regionPath})
     * and industry (null: every industry) say whom it concerns.
     */
    public record MissedTarget(String targetId, String documentId, String regionPath, String industry) {

        public boolean concerns(String enterprisePath, List<String> enterpriseIndustries) {
            return enterprisePath.startsWith(regionPath)
                    && (industry == null || enterpriseIndustries.contains(industry));
        }
    }

    /** An ELIMINATED finding on an equipment of this type. */
    public record Eliminated(String findingId, String ruleId, String equipmentType, String catalogueVersion) {
    }

    /** A NONCOMPLIANT finding of a metric with its value and limit (numbers, when the rule has them). */
    public record Noncompliance(String findingId, String ruleId, String dimension, String metric, BigDecimal value,
            BigDecimal limit, String catalogueVersion) {
    }

    /** A verified value of a metric for a calendar year (the measurement it rests on). */
    public record VerifiedValue(String metric, int year, BigDecimal value, long measurementId) {
    }
}
