package org.capgov.shared;

import java.math.BigDecimal;

/** Numbers as people write them: no trailing zeros and never in exponent form (350, not 3.5E+2). */
public final class Decimals {

    private Decimals() {
    }

    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
