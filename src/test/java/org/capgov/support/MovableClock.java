package org.capgov.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.capgov.shared.ChinaTime;

/**
 * The integration tests' clock: the system clock in China time, moved forward by a test that needs time to pass (a
 * deadline to lapse) instead of sleeping or patching. A test that moves it puts it back ({@link #reset()}): the
 * tests share one application context.
 */
public final class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ChinaTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    public void moveBy(Duration duration) {
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
    }
}
