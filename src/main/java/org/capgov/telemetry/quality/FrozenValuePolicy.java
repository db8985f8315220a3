package org.capgov.telemetry.quality;

import java.time.Duration;
import java.util.List;

/** The same value for {@code hours} hours or longer: a working analyser's reading moves. */
public record FrozenValuePolicy(Duration min) implements QualityPolicy {

    @Override
    public String name() {
        return "FROZEN_VALUE";
    }

    @Override
    public String reason() {
        return "正常运行的分析仪读数会有波动，长时间数值不变说明仪器故障、数据被冻结或人为设定";
    }

    @Override
    public List<LoggerWindow.Finding> check(LoggerWindow w) {
        return Runs.factors(w).stream().flatMap(f -> Runs.of(w, f, min, Double::equals).stream()
                .map(r -> new LoggerWindow.Finding(name(), f, r.start(), r.end(), "连续 " + r.count() + " 个数据恒为 "
                        + Num.text(r.first()) + "（" + Num.hours(r.start(), r.end()) + " 小时）")))
                .toList();
    }
}
