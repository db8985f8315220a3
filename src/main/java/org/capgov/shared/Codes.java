package org.capgov.shared;

import java.util.Locale;

/** Codes as people type them: USCCs, type, product and status codes, parameter values. */
public final class Codes {

    private Codes() {
    }

    /**
     * Upper case in the root locale (a Turkish default would turn i into İ). A code is mostly upper case already, and
     * an import checks several per row of millions: this scan is cheaper than {@link String#toUpperCase(Locale)}.
     */
    public static String upper(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c > 0x7F) {
                return s.toUpperCase(Locale.ROOT);
            }
        }
        return s;
    }
}
