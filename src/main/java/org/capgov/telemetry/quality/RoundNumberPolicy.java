package org.capgov.telemetry.quality;

import java.time.Duration;
import java.util.List;

/**
 * Values that are all exact multiples of {@code step} (e.g. whole numbers) for {@code min} or longer: measured
 * concentrations carry decimals, a long run of round numbers looks typed in.
 */
public record RoundNumberPolicy(double step, Duration min) implements QualityPolicy {

    @Override
    public String name() {
        return "ROUND_NUMBER";
    }

    @Override
    public String reason() {
        return "实测浓度通常带有小数，长时间恰为整数（整倍数）的数据可能是人工填写或设定的";
    }

    @Override
    public List<LoggerWindow.Finding> check(LoggerWindow w) {
        return Runs.factors(w).stream().flatMap(f -> Runs.of(w, f, min, (first, v) -> round(v)).stream()
                .map(r -> new LoggerWindow.Finding(name(), f, r.start(), r.end(), "连续 " + r.count() + " 个数据均为 "
                        + Num.text(step) + " 的整倍数（" + Num.hours(r.start(), r.end()) + " 小时）")))
                .toList();
    }

    private boolean round(double v) {
        double q = v / step;
        return Math.abs(q - Math.rint(q)) < 1e-9;
    }
}
