package org.capgov.telemetry.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The edition of the transmission standard a logger speaks (docs/reference/hj212.md §7): HJ 212-2017, and HJ/T 212-2005
 * read as its 2017 equivalent ({@link Hjt2005Parser}, §12), chosen at the logger's registration. HJ 212-2025 replaces it from 2026-01-01 but its content is not known: when it is, it becomes a second
 * constant here with its own {@link PacketParser} (its version bits in Flag, code tables and any changed fields), the
 * logger's {@code protocol} column names it, and the gateway picks the parser by the logger. Until then a 2025 logger
 * is refused (Flag version bits other than 000001), not guessed at.
 */
public enum Dialect {
    HJ212_2017(new Hj212Parser()),
    HJT212_2005(new Hjt2005Parser());

    private final PacketParser parser;

    Dialect(PacketParser parser) {
        this.parser = parser;
    }

    public PacketParser parser() {
        return parser;
    }

    public static Optional<Dialect> of(String code) {
        return Arrays.stream(values()).filter(d -> d.name().equals(code)).findFirst();
    }
}
