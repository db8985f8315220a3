package org.capgov.pricing.scale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * One cited, dated price scale of the catalogue (catalog/pricing/price-scales.yaml): what triggers it, what it adds
 * and on which consumption. A draft has no amount yet: the coordinator must fill it in, and it is never billed.
 *
 * @param industries   industries of the enterprise it binds; empty = any industry
 * @param jurisdiction region code of the subtree it governs, null for national
 */
public record PriceScale(String id, SurchargeKind kind, List<String> industries, Trigger trigger, Amount amount,
        Brackets brackets, String base, String jurisdiction, LocalDate effectiveFrom, LocalDate effectiveTo,
        String confidence, boolean draft, ScaleCitation citation) {

    public PriceScale {
        industries = industries == null ? List.of() : List.copyOf(industries);
    }

    /** What makes the scale apply. */
    public record Trigger(String type, List<String> equipmentTypes, String metric, String dimension, String activity,
            BigDecimal overLimitFactor) {

        public Trigger {
            equipmentTypes = equipmentTypes == null ? List.of() : List.copyOf(equipmentTypes);
        }
    }

    /** A flat amount: yuan per kWh or a percentage of the tariff. */
    public record Amount(String unit, BigDecimal value) {
    }

    /** A step of a single-amount scale: values strictly above {@code above} pay {@code amount}. */
    public record Step(BigDecimal above, BigDecimal amount) {
    }

    /**
     * A bracket scale on a metric value. {@code single_amount}: the amount of the highest step whose threshold the
     * value exceeds. {@code marginal_rate}: each step's amount per unit of the value within it, summed (OpenFisca).
     * {@code per_started_step}: above {@code threshold}, {@code amount} per {@code step} begun ("不足…按…计算").
     */
    public record Brackets(String type, String unit, List<Step> steps, BigDecimal threshold, BigDecimal step,
            BigDecimal amount) {

        public Brackets {
            steps = steps == null ? List.of() : steps.stream()
                    .sorted(java.util.Comparator.comparing(Step::above)).toList();
        }

        /** The surcharge for {@code value}; zero when the value is at or below the first threshold. */
        public BigDecimal rate(BigDecimal value) {
            return switch (type) {
                case "single_amount" -> {
                    BigDecimal r = BigDecimal.ZERO;
                    for (Step s : steps) {
                        if (value.compareTo(s.above()) > 0) {
                            r = s.amount();
                        }
                    }
                    yield r;
                }
                case "marginal_rate" -> {
                    BigDecimal r = BigDecimal.ZERO;
                    for (int i = 0; i < steps.size(); i++) {
                        Step s = steps.get(i);
                        if (value.compareTo(s.above()) <= 0) {
                            break;
                        }
                        BigDecimal top = i + 1 < steps.size() ? steps.get(i + 1).above().min(value) : value;
                        r = r.add(top.subtract(s.above()).multiply(s.amount()));
                    }
                    yield r;
                }
                case "per_started_step" -> {
                    if (value.compareTo(threshold) <= 0) {
                        yield BigDecimal.ZERO;
                    }
                    BigDecimal started = value.subtract(threshold).divide(step, 0, RoundingMode.CEILING);
                    yield started.multiply(amount);
                }
                default -> throw new IllegalStateException("bracket type " + type);
            };
        }
    }

    /** Where the value comes from: document, section and the quoted words. */
    public record ScaleCitation(String document, String section, String text) {
    }

    /** In force on {@code date}: the last day ({@code effectiveTo}) included (reading R1 of the seed readings). */
    public boolean inForce(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** The unit of the rate: 元/kWh or % of the tariff. */
    public String unit() {
        return brackets != null ? brackets.unit() : amount == null ? null : amount.unit();
    }

    /** Governs an enterprise in {@code regionPath} ('/500000/500102/') of these industries. */
    public boolean binds(String regionPath, List<String> enterpriseIndustries) {
        boolean region = jurisdiction == null || regionPath.contains("/" + jurisdiction + "/");
        boolean industry = industries.isEmpty() || enterpriseIndustries.stream().anyMatch(industries::contains);
        return region && industry;
    }
}
