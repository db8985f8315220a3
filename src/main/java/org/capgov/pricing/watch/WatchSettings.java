package org.capgov.pricing.watch;

import java.math.BigDecimal;

/** The watch's thresholds as the price-scales file sets them, with the provision that asks for the watch. */
public record WatchSettings(BigDecimal closedThresholdKwhPerDay, BigDecimal jumpMadFactor, int jumpTrailingMonths,
        int jumpMinimumMonths, BigDecimal inductionMinimumKw, BigDecimal inductionMinimumLoadFactor, String citation) {
}
