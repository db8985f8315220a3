package org.capgov.telemetry.validity;

/**
 * Which statistic of online monitoring data a metric's limits are judged on ({@code HOURLY_MEAN} or
 * {@code DAILY_MEAN}), as rule data with its citation: {@code telemetry/statistics.yaml}.
 */
public record StatisticRule(String metric, Statistic statistic, String citation) {

    public enum Statistic {
        HOURLY_MEAN, DAILY_MEAN
    }
}
