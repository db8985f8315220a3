package org.capgov.telemetry.quality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Time stamps that cannot be right: a DataTime later than the packet's arrival by more than {@code skew} (the
 * logger's clock runs ahead, or the data were made up in advance), and a DataTime earlier than that of the packet
 * of the same CN that arrived before it (out of order) when not a declared resend.
 */
public record TimestampPolicy(Duration skew) implements QualityPolicy {

    @Override
    public String name() {
        return "TIMESTAMP";
    }

    @Override
    public String reason() {
        return "数据时间晚于接收时间说明数采仪时钟超前或数据预先生成；时间倒序说明时钟被调动";
    }

    @Override
    public List<LoggerWindow.Finding> check(LoggerWindow w) {
        List<LoggerWindow.Finding> out = new ArrayList<>();
        java.util.Map<String, java.time.LocalDateTime> previous = new java.util.HashMap<>();
        for (LoggerWindow.Packet p : w.packets()) {
            if (p.dataTime().isAfter(p.receivedAt().plus(skew))) {
                // reported once, and not taken as the reference for the order of the packets after it
                out.add(new LoggerWindow.Finding(name(), null, p.dataTime(), p.dataTime(), "数据时间 " + p.dataTime()
                        + " 晚于接收时间 " + p.receivedAt().withNano(0) + "（QN " + p.qn() + "）"));
                continue;
            }
            java.time.LocalDateTime before = previous.get(p.cn());
            if (before != null && p.dataTime().isBefore(before)) {
                out.add(new LoggerWindow.Finding(name(), null, p.dataTime(), before, "数据时间 " + p.dataTime()
                        + " 早于先到的数据包的 " + before + "（QN " + p.qn() + "）"));
            }
            if (before == null || p.dataTime().isAfter(before)) {
                previous.put(p.cn(), p.dataTime());
            }
        }
        return out;
    }
}
