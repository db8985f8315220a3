package org.capgov.pricing.surcharge;

import java.math.BigDecimal;

/**
 * One line of the monthly list: an account pays a kind at a rate, on a base, for a reason.
 *
 * @param rate yuan per kWh, or percent of the tariff ({@code unit})
 */
public record SurchargeItem(String uscc, String enterpriseName, String gridAccount, String regionPath, String kind,
        BigDecimal rate, String unit, String base, Basis basis) {

    /**
     * Why: the price scale ({@code ruleId}), the finding or measured value that triggered it, the scale's citation and
     * the catalogue version the trigger comes from; {@code greenReliefPercent} the green-power cut of 1239号 applied
     * to a ladder rate (null: none).
     */
    public record Basis(String ruleId, String findingId, String findingRuleId, Long measurementId, BigDecimal value,
            Citation citation, String catalogueVersion, String confidence, Integer greenReliefPercent) {
    }

    /** Document, section, quoted words. */
    public record Citation(String document, String section, String text) {
    }
}
