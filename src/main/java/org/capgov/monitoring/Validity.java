package org.capgov.monitoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The data-quality mark of a measurement. Only VALID values feed the evaluation; a SUSPECT value waits for a
 * check, an INVALID one stays on record (measurements are never deleted) but counts for nothing.
 */
public enum Validity {
    VALID("有效"), SUSPECT("存疑"), INVALID("无效");

    private final String nameZh;

    Validity(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** By code (any case) or Chinese name. */
    public static Optional<Validity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(v -> v.name().equals(t.toUpperCase(Locale.ROOT)) || v.nameZh.equals(t))
                .findFirst();
    }
}
