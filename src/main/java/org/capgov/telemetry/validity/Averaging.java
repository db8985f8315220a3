package org.capgov.telemetry.validity;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hourly and daily means with data marking (docs/reference/hj212.md §9): only values flagged {@code N} count; values
 * of any other flag (F M S D C T B, or none) are kept where they are stored but excluded here and counted per flag.
 * A mean is valid only when enough valid values stand behind it (readings T1 and T2 in
 * docs/decisions/telemetry-readings.md). Pure: no Spring, no database.
 */
public final class Averaging {

    /** The flag under which values without any flag are counted. */
    public static final String NO_FLAG = "-";

    /** One value with its time and HJ 212 flag (null when the packet gave none). */
    public record Point(LocalDateTime time, Double value, String flag) {
        public boolean valid() {
            return "N".equals(flag) && value != null && Double.isFinite(value);
        }
    }

    /**
     * A mean: null when there was no valid value; {@code excluded} counts the values left out per flag.
     * {@code valid} says whether it may stand for the period.
     */
    public record Mean(Double mean, int validCount, int invalidCount, Map<String, Integer> excluded, boolean valid) {
    }

    private Averaging() {
    }

    /** The mean of the valid points; valid when at least {@code minValid} of them stand behind it. */
    public static Mean of(List<Point> points, int minValid) {
        double sum = 0;
        int valid = 0;
        Map<String, Integer> excluded = new TreeMap<>();
        for (Point p : points) {
            if (p.valid()) {
                sum += p.value();
                valid++;
            } else {
                excluded.merge(p.flag() == null ? NO_FLAG : p.flag(), 1, Integer::sum);
            }
        }
        int invalid = points.size() - valid;
        Double mean = valid == 0 ? null : sum / valid;
        return new Mean(mean, valid, invalid, excluded, valid > 0 && valid >= minValid);
    }
}
