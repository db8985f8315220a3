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
        List<Reason> reasons) {

    public enum Decision { ALLOWED, NEEDS_REPLACEMENT, REFUSED }

    /** What a reason does to the decision. */
    public enum Effect { REFUSES, REQUIRES_REPLACEMENT, ADVISES, INFORMS }

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
