package org.capgov.telemetry.quality;

import java.time.Duration;
import java.util.List;

/**
 * The share of expected minute values that did not arrive as valid data over a period ({@code DAY} or
 * {@code MONTH}), above {@code maxRate}. Expected: one minute packet (CN 2051) per minute of the completed period;
 * a minute counts when it carries at least one value flagged N ({@link LoggerWindow.Coverage}).
 */
public record MissingDataPolicy(String period, double maxRate) implements QualityPolicy {

    @Override
    public String name() {
        return "MISSING_DATA_" + period;
    }

    @Override
    public String reason() {
        return "监测数据须完整（种子 004 二、（二）3 “真实、准确、完整、有效”），缺失过多的时段无法判断是否达标";
    }

    @Override
    public List<LoggerWindow.Finding> check(LoggerWindow w) {
        return w.coverage().stream().filter(c -> c.period().equals(period)).flatMap(c -> {
            long expected = Duration.between(c.start(), c.end()).toMinutes();
            double rate = expected <= 0 ? 0 : 1.0 - (double) c.validMinutes() / expected;
            if (rate <= maxRate) {
                return java.util.stream.Stream.empty();
            }
            return java.util.stream.Stream.of(new LoggerWindow.Finding(name(), null, c.start(), c.end(), "应有 "
                    + expected + " 个分钟数据，有效 " + c.validMinutes() + " 个，缺失率 "
                    + Num.text(Math.round(rate * 1000) / 10.0) + "%（上限 " + Num.text(maxRate * 100) + "%）"));
        }).toList();
    }
}
