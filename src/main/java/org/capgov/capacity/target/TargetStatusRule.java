package org.capgov.capacity.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The status of a target as of a date: {@code MET} / {@code MISSED} once the deadline has passed; before it,
 * {@code ON_TRACK} or {@code AT_RISK} by a linear projection to the deadline; {@code NO_DATA} without a value. A
 * cumulative target (an elimination quantity) reached early is MET, since what has been eliminated stays eliminated;
 * its projection is the pace so far carried to the deadline. A level (utilisation, cap, count, share) is projected
 * from its value at the start of the target's period through today's value.
 */
final class TargetStatusRule {

    /** The status and, before the deadline, the projected value at the deadline. */
    record Outcome(String status, BigDecimal projected) {
    }

    private TargetStatusRule() {
    }

    static Outcome status(String comparator, BigDecimal goal, BigDecimal value, boolean cumulative, LocalDate start,
            BigDecimal startValue, LocalDate asOf, LocalDate deadline) {
        if (value == null) {
            return new Outcome("NO_DATA", null);
        }
        if (!asOf.isBefore(deadline)) {
            return new Outcome(meets(comparator, value, goal) ? "MET" : "MISSED", null);
        }
        if (cumulative && meets(comparator, value, goal)) {
            return new Outcome("MET", null);
        }
        long elapsed = start == null ? 0 : ChronoUnit.DAYS.between(start, asOf);
        long total = start == null ? 0 : ChronoUnit.DAYS.between(start, deadline);
        BigDecimal projected = value;
        if (elapsed > 0) {
            if (cumulative) {
                projected = value.multiply(BigDecimal.valueOf(total)).divide(BigDecimal.valueOf(elapsed), 4,
                        RoundingMode.HALF_UP);
            } else if (startValue != null) {
                BigDecimal slope = value.subtract(startValue).divide(BigDecimal.valueOf(elapsed), 10, RoundingMode.HALF_UP);
                projected = value.add(slope.multiply(BigDecimal.valueOf(total - elapsed))).setScale(4, RoundingMode.HALF_UP);
            }
        }
        return new Outcome(meets(comparator, projected, goal) ? "ON_TRACK" : "AT_RISK",
                org.capgov.shared.Decimals.plain(projected));
    }

    static boolean meets(String comparator, BigDecimal value, BigDecimal goal) {
        int c = value.compareTo(goal);
        return switch (comparator) {
            case ">=" -> c >= 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            case "<" -> c < 0;
            case "==" -> c == 0;
            default -> throw new IllegalArgumentException("comparator " + comparator);
        };
    }
}
