package org.capgov.monitoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a measured value comes from; imports also accept the Chinese name. */
public enum MeasurementSource {
    INSPECTION("监督检查"), SELF_REPORT("企业自报"), ENERGY_AUDIT("能源审计"), QUALITY_SAMPLING("质量抽检"),
    SAFETY_CHECK("安全检查"), ONLINE_MONITORING("在线监测");

    private final String nameZh;

    MeasurementSource(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** By code (any case) or Chinese name. */
    public static Optional<MeasurementSource> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(s -> s.name().equals(t.toUpperCase(Locale.ROOT)) || s.nameZh.equals(t))
                .findFirst();
    }
}
