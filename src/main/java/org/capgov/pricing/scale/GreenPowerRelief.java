package org.capgov.pricing.scale;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The green-power relief of 发改价格〔2021〕1239号 on the aluminium ladder (docs/reference/national-rules.md §1, "V
 * (wording)"): when an account's share of non-hydro renewable electricity is above 15 % and not below the province's
 * incentive weight of the year, each further percentage point cuts the ladder surcharge by 1 %. Readings G1–G3 of
 * docs/decisions/pricing-readings.md: the points are counted from 15 %, whole points only, on the share of the same
 * year as the verified consumption the tier rests on.
 */
public final class GreenPowerRelief {

    /** The 15 % the share must exceed, and the baseline the points count from (reading G1). */
    public static final BigDecimal THRESHOLD = new BigDecimal("15");

    /** An account's recorded share of a year, with the province's incentive weight of that year, in percent. */
    public record GreenShare(int year, BigDecimal sharePercent, BigDecimal provinceWeightPercent) {
    }

    private GreenPowerRelief() {
    }

    /** The cut in percent of the surcharge (0 when the share does not qualify), at most 100. */
    public static int reliefPercent(GreenShare share) {
        if (share == null || share.sharePercent().compareTo(THRESHOLD) <= 0
                || share.sharePercent().compareTo(share.provinceWeightPercent()) < 0) {
            return 0;
        }
        int points = share.sharePercent().subtract(THRESHOLD).setScale(0, RoundingMode.FLOOR).intValueExact();
        return Math.min(points, 100);
    }

    /** The ladder rate after the relief, to four decimals (yuan per kWh). */
    public static BigDecimal relieved(BigDecimal rate, int reliefPercent) {
        if (reliefPercent <= 0) {
            return rate;
        }
        return rate.multiply(BigDecimal.valueOf(100 - reliefPercent)).divide(BigDecimal.valueOf(100), 4,
                RoundingMode.HALF_UP);
    }

    /** A ladder due with the account's relief applied; any other kind, or no qualifying share, unchanged. */
    public static SurchargeRules.Due apply(SurchargeRules.Due due, GreenShare share) {
        if (due.kind() != SurchargeKind.LADDER || share == null) {
            return due;
        }
        int relief = reliefPercent(share);
        if (relief == 0) {
            return due;
        }
        return new SurchargeRules.Due(due.kind(), due.scaleId(), relieved(due.rate(), relief), due.unit(), due.base(),
                due.findingId(), due.ruleId(), due.measurementId(), due.value(), due.catalogueVersion(), due.citation(),
                due.confidence(), relief);
    }
}
