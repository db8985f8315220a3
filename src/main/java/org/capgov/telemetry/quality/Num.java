package org.capgov.telemetry.quality;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;

/** Numbers as the alerts write them. */
final class Num {

    private Num() {
    }

    static String text(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String hours(LocalDateTime from, LocalDateTime to) {
        return text(Math.round(Duration.between(from, to).toMinutes() / 6.0) / 10.0);
    }
}
