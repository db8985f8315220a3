package org.capgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SourceRateLimitTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void eachSourceHasItsOwnAllowanceWhichComesBackAfterAnHour() {
        HandClock clock = new HandClock();
        SourceRateLimit limit = new SourceRateLimit(3, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
        }
        assertThat(limit.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limit.tryAcquire("10.0.0.2")).isTrue();
        assertThat(limit.tryAcquire(null)).isTrue();

        clock.now = clock.now.plusSeconds(3_599);
        assertThat(limit.tryAcquire("10.0.0.1")).isFalse();
        clock.now = clock.now.plusSeconds(2);
        assertThat(limit.tryAcquire("10.0.0.1")).isTrue();

        limit.reset();
        assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
    }
}
