package org.capgov.telemetry.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Negative values, and values beyond what the quantity can physically be: oxygen above 21 % (air), pH outside
 * 0–14, humidity above 100 %. Every value is checked, whatever its flag.
 */
public record ImpossibleValuePolicy(Map<String, double[]> ranges) implements QualityPolicy {

    /** Physical ranges by factor (docs/reference/hj212.md §5); other factors: not negative. */
    public static final Map<String, double[]> PHYSICAL = Map.of("a19001", new double[] {0, 21},
            "w01001", new double[] {0, 14}, "a01014", new double[] {0, 100});

    @Override
    public String name() {
        return "IMPOSSIBLE_VALUE";
    }

    @Override
    public String reason() {
        return "浓度不可能为负，氧含量不超过空气的 21%，pH 在 0 至 14 之间：超出物理范围的数据不可能真实";
    }

    @Override
    public List<LoggerWindow.Finding> check(LoggerWindow w) {
        List<LoggerWindow.Finding> out = new ArrayList<>();
        for (LoggerWindow.Packet p : w.packets()) {
            p.values().forEach((f, r) -> {
                if (r.value() == null) {
                    return;
                }
                double[] range = ranges.getOrDefault(f, new double[] {0, Double.POSITIVE_INFINITY});
                if (r.value() < range[0] || r.value() > range[1]) {
                    out.add(new LoggerWindow.Finding(name(), f, p.dataTime(), p.dataTime(), "数值 " + Num.text(r.value())
                            + " 超出可能范围 " + Num.text(range[0]) + (Double.isInfinite(range[1]) ? " 以上"
                                    : " 至 " + Num.text(range[1]))));
                }
            });
        }
        return out;
    }
}
