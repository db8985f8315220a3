package org.capgov.telemetry.validity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code capgov.telemetry.validity.*}: how many valid minute values make an hourly mean valid, how many valid hourly
 * means a daily one (readings T1, T2 of docs/decisions/telemetry-readings.md), and how long after its end a period is
 * averaged; {@code lateLookbackHours} how far back each pass looks for packets received after their hour was averaged
 * (it must exceed the time between passes); {@code scheduled=false} leaves the passes to callers (the tests move the clock).
 */
@ConfigurationProperties("capgov.telemetry.validity")
public record ValidityProperties(Integer minValidMinutes, Integer minValidHours, Integer graceMinutes,
        Boolean scheduled, Integer lateLookbackHours) {

    public ValidityProperties {
        minValidMinutes = minValidMinutes == null ? 45 : minValidMinutes;
        minValidHours = minValidHours == null ? 20 : minValidHours;
        graceMinutes = graceMinutes == null ? 10 : graceMinutes;
        scheduled = scheduled == null || scheduled;
        lateLookbackHours = lateLookbackHours == null ? 24 : lateLookbackHours;
    }
}
