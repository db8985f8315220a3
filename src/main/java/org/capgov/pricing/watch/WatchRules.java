package org.capgov.pricing.watch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three rules of the power-use watch (seed 004 二、（五）4; docs/decisions/pricing-readings.md P6), on one
 * account's monthly figures. Each hit carries the figures an officer needs to judge it.
 */
public final class WatchRules {

    /** A rule that fired, with its figures (name → value, in the order shown). */
    public record Hit(String rule, Map<String, BigDecimal> figures) {
    }

    private final WatchSettings settings;

    public WatchRules(WatchSettings settings) {
        this.settings = settings;
    }

    /**
     * (a) An enterprise or all of its equipment out of production (CLOSED, EXITED, SEALED, DISMANTLED, power cut)
     * draws more than the threshold per day.
     */
    public Optional<Hit> closedButDrawing(boolean outOfProduction, BigDecimal kwh, int days) {
        if (!outOfProduction) {
            return Optional.empty();
        }
        BigDecimal limit = settings.closedThresholdKwhPerDay().multiply(BigDecimal.valueOf(days));
        if (kwh.compareTo(limit) <= 0) {
            return Optional.empty();
        }
        Map<String, BigDecimal> f = new LinkedHashMap<>();
        f.put("kwh", kwh);
        f.put("threshold", limit);
        return Optional.of(new Hit("CLOSED_DRAWING", f));
    }

    /**
     * (b) The month's consumption lies more than k × MAD above the median of the trailing months (at least the
     * minimum number of them). A MAD of zero (a flat history) is replaced by 1 % of the median, so a flat account
     * is not flagged for every kilowatt-hour more.
     */
    public Optional<Hit> jump(List<BigDecimal> trailing, BigDecimal kwh) {
        if (trailing.size() < settings.jumpMinimumMonths()) {
            return Optional.empty();
        }
        List<BigDecimal> window = trailing.size() > settings.jumpTrailingMonths()
                ? trailing.subList(trailing.size() - settings.jumpTrailingMonths(), trailing.size()) : trailing;
        BigDecimal median = median(window);
        List<BigDecimal> deviations = new ArrayList<>();
        for (BigDecimal v : window) {
            deviations.add(v.subtract(median).abs());
        }
        BigDecimal mad = median(deviations);
        BigDecimal floor = median.multiply(new BigDecimal("0.01"));
        BigDecimal spread = mad.max(floor);
        BigDecimal limit = median.add(spread.multiply(settings.jumpMadFactor()));
        if (kwh.compareTo(limit) <= 0 || spread.signum() == 0 && kwh.signum() == 0) {
            return Optional.empty();
        }
        Map<String, BigDecimal> f = new LinkedHashMap<>();
        f.put("kwh", kwh);
        f.put("median", median);
        f.put("mad", mad);
        f.put("threshold", limit);
        return Optional.of(new Hit("JUMP", f));
    }

    /**
     * (c) An induction-furnace load profile (continuous high load: average load at least the configured kW and,
     * average / peak at least the load factor (the peak must be sent)) on an account of an enterprise without
     * registered steel-making equipment.
     */
    public Optional<Hit> inductionProfile(boolean hasSteelEquipment, BigDecimal kwh, int hours, BigDecimal peakKw) {
        if (hasSteelEquipment || hours <= 0 || peakKw == null) {
            // without the peak a month's average cannot tell continuous load from a busy plant
            return Optional.empty();
        }
        BigDecimal average = kwh.divide(BigDecimal.valueOf(hours), 2, RoundingMode.HALF_UP);
        if (average.compareTo(settings.inductionMinimumKw()) < 0) {
            return Optional.empty();
        }
        BigDecimal factor = null;
        if (peakKw != null && peakKw.signum() > 0) {
            factor = average.divide(peakKw, 3, RoundingMode.HALF_UP);
            if (factor.compareTo(settings.inductionMinimumLoadFactor()) < 0) {
                return Optional.empty();
            }
        }
        Map<String, BigDecimal> f = new LinkedHashMap<>();
        f.put("kwh", kwh);
        f.put("averageKw", average);
        if (factor != null) {
            f.put("loadFactor", factor);
        }
        f.put("threshold", settings.inductionMinimumKw());
        return Optional.of(new Hit("INDUCTION_PROFILE", f));
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return BigDecimal.ZERO;
        }
        return n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    }
}
