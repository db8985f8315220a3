package org.capgov.telemetry.quality;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code capgov.telemetry.quality.*}: the thresholds of the data-quality policies (docs/reference/hj212.md §10) and
 * the policies switched off by name. They are the platform's choices, not figures of a standard.
 */
@ConfigurationProperties("capgov.telemetry.quality")
public record QualityProperties(Double frozenHours, Double roundStep, Double roundHours, Double pinnedBand,
        Double pinnedHours, Integer futureSkewMinutes, Double missingDayRate, Double missingMonthRate,
        Double silentHours, Integer lookbackHours, List<String> disabled) {

    public QualityProperties {
        frozenHours = frozenHours == null ? 3.0 : frozenHours;
        roundStep = roundStep == null ? 1.0 : roundStep;
        roundHours = roundHours == null ? 4.0 : roundHours;
        pinnedBand = pinnedBand == null ? 0.9 : pinnedBand;
        pinnedHours = pinnedHours == null ? 4.0 : pinnedHours;
        futureSkewMinutes = futureSkewMinutes == null ? 10 : futureSkewMinutes;
        missingDayRate = missingDayRate == null ? 0.1 : missingDayRate;
        missingMonthRate = missingMonthRate == null ? 0.1 : missingMonthRate;
        silentHours = silentHours == null ? 2.0 : silentHours;
        lookbackHours = lookbackHours == null ? 26 : lookbackHours;
        disabled = disabled == null ? List.of() : List.copyOf(disabled);
    }
}
