package org.capgov.capacity.utilisation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.capgov.shared.Decimals;

/**
 * Utilisation of a product in a region subtree over a period. {@code utilisation} is output ÷ capacity in percent
 * (one decimal; null without capacity); {@code missingCapacityShare} is the share (0 to 1) of that capacity whose
 * enterprise-months have no report, so that a figure resting on partial reports says so.
 */
public record Utilisation(String product, String region, String regionName, String period, BigDecimal output,
        BigDecimal capacity, String unit, BigDecimal utilisation, long enterprises, long reportingEnterprises,
        BigDecimal missingCapacityShare) {

    static Utilisation of(String product, String region, String regionName, String period, String unit,
            BigDecimal capacity, BigDecimal output, long enterprises, long reporting, BigDecimal missing) {
        BigDecimal u = capacity.signum() == 0 ? null
                : output.multiply(BigDecimal.valueOf(100)).divide(capacity, 1, RoundingMode.HALF_UP);
        BigDecimal share = capacity.signum() == 0 ? BigDecimal.ZERO.setScale(1)
                : missing.divide(capacity, 4, RoundingMode.HALF_UP).stripTrailingZeros();
        if (share.scale() < 1) {
            share = share.setScale(1);
        }
        return new Utilisation(product, region, regionName, period, Decimals.plain(output.setScale(3, RoundingMode.HALF_UP)),
                Decimals.plain(capacity.setScale(3, RoundingMode.HALF_UP)), unit, u, enterprises, reporting, share);
    }

    /** The unrounded ratio in percent, for threshold comparisons (a 79.96 % utilisation is below 80 %). */
    public static BigDecimal exactPercent(BigDecimal output, BigDecimal capacity) {
        return output.multiply(BigDecimal.valueOf(100)).divide(capacity, 8, RoundingMode.HALF_UP);
    }
}
