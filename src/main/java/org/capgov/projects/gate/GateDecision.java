package org.capgov.projects.gate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.capgov.catalog.Citation;

/**
 * The gate's answer: {@code ALLOWED}, {@code NEEDS_REPLACEMENT} (with the ratio in force and the capacity to retire)
 * or {@code REFUSED}, each reason citing the catalogue entry it comes from, as compliance findings do.
 */
public record GateDecision(String catalogueVersion, LocalDate asOf, String region, boolean keyAirRegion,
        String industry, String kind, Decision decision, BigDecimal ratio, Quantity requiredRetirement,
        List<Reason> reasons, PlanCoverage replacementPlan) {

    public GateDecision(String catalogueVersion, LocalDate asOf, String region, boolean keyAirRegion, String industry,
            String kind, Decision decision, BigDecimal ratio, Quantity requiredRetirement, List<Reason> reasons) {
        this(catalogueVersion, asOf, region, keyAirRegion, industry, kind, decision, ratio, requiredRetirement, reasons,
                null);
    }

    public enum Decision { ALLOWED, NEEDS_REPLACEMENT, REFUSED }

    /** What a reason does to the decision. */
    public enum Effect { REFUSES, REQUIRES_REPLACEMENT, ADVISES, INFORMS }

    /**
     * The replacement plan a stateless request names: its status, when and under which document it was announced,
     * the capacity it retires, and whether it covers the required retirement as of the request's date (reading P6).
     */
    public record PlanCoverage(String code, String status, LocalDate announcedOn, String announcement,
            BigDecimal covered, boolean covers) {
    }

    public record Quantity(String product, BigDecimal quantity, String unit) {
    }

    /**
     * One reason. {@code source} is PROJECT_RULE or ELIMINATION (a finding on the project's equipment, with its
     * subject, value and limit), BAN, RATIO or SUSPENSION (a rule on new capacity) or NO_NET_CAPACITY.
     */
    public record Reason(String ruleId, String source, Effect effect, String text, String subject, String status,
            String metric, Object value, String comparator, Object limit, String unit, String severity,
            String confidence, List<String> flags, Citation citation) {
    }
}
