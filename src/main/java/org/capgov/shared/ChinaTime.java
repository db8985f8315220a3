package org.capgov.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The platform's one time zone. Every legal date (deadlines, effective dates, the months of reports) is a date in
 * China Standard Time, whatever zone the server runs in; take today from the injected {@link Clock} through
 * {@link #today(Clock)} so that tests can move time.
 */
public final class ChinaTime {

    /** China Standard Time; the zone of every date the seeds and the platform speak of. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The {@code zone} attribute of {@code @Scheduled} cron jobs, which needs a constant expression. */
    public static final String ZONE_ID = "Asia/Shanghai";

    private ChinaTime() {
    }

    /** Today in China by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
