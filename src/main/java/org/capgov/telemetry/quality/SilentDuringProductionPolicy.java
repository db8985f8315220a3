package org.capgov.telemetry.quality;

import java.time.Duration;
import java.util.List;

/**
 * No packet for {@code min} or longer while the enterprise declares its equipment operating: a logger that goes
 * quiet while the plant runs hides its emissions. The window's {@code lastPacketAt} is the last packet, or the
 * registration for a logger that never sent one, so that one silence gives one alert however often it is checked.
 */
public record SilentDuringProductionPolicy(Duration min) implements QualityPolicy {

    @Override
    public String name() {
        return "SILENT_DURING_PRODUCTION";
    }

    @Override
    public String reason() {
        return "企业申报设备在生产，数采仪却长时间无数据：排放情况无从监控";
    }

    @Override
    public List<LoggerWindow.Finding> check(LoggerWindow w) {
        if (!w.producing()) {
            return List.of();
        }
        java.time.LocalDateTime since = w.lastPacketAt() == null ? w.from() : w.lastPacketAt();
        if (Duration.between(since, w.now()).compareTo(min) < 0) {
            return List.of();
        }
        return List.of(new LoggerWindow.Finding(name(), null, since.withSecond(0).withNano(0),
                w.now().withSecond(0).withNano(0), "设备申报为在产，数采仪自 " + since.withNano(0) + " 起无数据（"
                        + Num.hours(since, w.now()) + " 小时）"));
    }
}
