package org.capgov.telemetry.validity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code capgov.telemetry.validity.*}: how many valid minute values make an hourly mean valid, how many valid hourly
 * means a daily one (readings T1, T2 of docs/decisions/telemetry-readings.md), and how long after its end a period is
 * averaged (late packets still count); {@code scheduled=false} leaves the passes to callers (the tests move the clock).
 */
@ConfigurationProperties("capgov.telemetry.validity")
public record ValidityProperties(Integer minValidMinutes, Integer minValidHours, Integer graceMinutes,
        Boolean scheduled) {

    public ValidityProperties {
        minValidMinutes = minValidMinutes == null ? 45 : minValidMinutes;
        minValidHours = minValidHours == null ? 20 : minValidHours;
        graceMinutes = graceMinutes == null ? 10 : graceMinutes;
        scheduled = scheduled == null || scheduled;
    }
}
