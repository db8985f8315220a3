package org.capgov.telemetry.quality;

import java.time.Duration;
import java.util.List;

/**
 * Values held just under the limit — between {@code band} × limit and the limit — for {@code min} or longer: real
 * emissions vary, a reading that hugs the limit suggests the analyser or the data were adjusted to it.
 */
public record PinnedUnderLimitPolicy(double band, Duration min) implements QualityPolicy {

    @Override
    public String name() {
        return "PINNED_UNDER_LIMIT";
    }

    @Override
    public String reason() {
        return "实际排放有波动，长时间紧贴限值之下的数据提示仪器或数据可能被调节";
    }

    @Override
    public List<LoggerWindow.Finding> check(LoggerWindow w) {
        return Runs.factors(w).stream().filter(f -> w.limits().get(f) != null).flatMap(f -> {
            double limit = w.limits().get(f);
            return Runs.of(w, f, min, (first, v) -> v <= limit && v >= band * limit).stream()
                    .map(r -> new LoggerWindow.Finding(name(), f, r.start(), r.end(), "连续 " + r.count() + " 个数据介于限值 "
                            + Num.text(limit) + " 的 " + Num.text(band * 100) + "% 与限值之间（" + Num.hours(r.start(), r.end())
                            + " 小时）"));
        }).toList();
    }
}
