package org.capgov.telemetry.quality;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * Stack concentrations (SO₂, NOx, particulate) sent without the oxygen content a19001 in the same packet: the limits
 * hold at a reference oxygen content, and without the measured oxygen the conversion cannot be checked.
 */
public record OxygenMissingPolicy() implements QualityPolicy {

    private static final Set<String> STACK = Set.of("a21026", "a21002", "a34013");

    @Override
    public String name() {
        return "OXYGEN_INPUT_MISSING";
    }

    @Override
    public String reason() {
        return "烟气排放浓度须按基准氧含量折算，缺少实测氧含量（a19001）则折算无法核对";
    }

    @Override
    public List<LoggerWindow.Finding> check(LoggerWindow w) {
        if (!"STACK".equals(w.monitoringPoint())) {
            return List.of();
        }
        LocalDateTime first = null;
        LocalDateTime last = null;
        int count = 0;
        for (LoggerWindow.Packet p : w.packets()) {
            if (p.values().keySet().stream().anyMatch(STACK::contains) && !p.values().containsKey("a19001")) {
                first = first == null || p.dataTime().isBefore(first) ? p.dataTime() : first;
                last = last == null || p.dataTime().isAfter(last) ? p.dataTime() : last;
                count++;
            }
        }
        return count == 0 ? List.of() : List.of(new LoggerWindow.Finding(name(), null, first, last,
                count + " 个烟气数据包有排放浓度而无氧含量"));
    }
}
