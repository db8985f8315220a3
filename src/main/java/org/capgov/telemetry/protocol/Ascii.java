package org.capgov.telemetry.protocol;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/**
 * Reading numbers, time stamps and names straight from the bytes of a frame, without building a String for each
 * field: the parser's hot path (docs/benchmarks.md, "HJ 212 parse"). Every method looks only at the bytes from
 * {@code from} (included) to {@code to} (excluded) and answers a sentinel instead of throwing.
 */
final class Ascii {

    /** Powers of ten that a double holds exactly: m / 10^k is then correctly rounded for any m below 2^53. */
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /** What {@link #decimal} answers for text that is not a plain decimal. */
    static final double NOT_A_NUMBER = Double.NaN;

    private Ascii() {
    }

    static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** True when the bytes from {@code from} to {@code to} are exactly the ASCII text {@code s}. */
    static boolean is(byte[] b, int from, int to, String s) {
        if (to - from != s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[from + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first {@code c} from {@code from} up to {@code to}, or -1. */
    static int indexOf(byte[] b, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The value of 1 to 9 decimal digits; -1 when empty, longer or not all digits. */
    static int digits(byte[] b, int from, int to) {
        if (to <= from || to - from > 9) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    static boolean allDigits(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** A letter, digit or underscore name of 1 to 24 characters, as factor codes and CP keys are. */
    static boolean isName(byte[] b, int from, int to) {
        if (to <= from || to - from > 24) {
            return false;
        }
        for (int i = from; i < to; i++) {
            byte c = b[i];
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A plain decimal as HJ 212 writes numbers (optional minus, 1 to 20 digits, an optional fraction after at least one
     * digit, no trailing point); {@link #NOT_A_NUMBER} for anything else. Up to 15 significant digits the value is the
     * integer of the digits divided by a power of ten, which IEEE division rounds exactly as
     * {@link Double#parseDouble} does; longer numbers go to it.
     */
    static double decimal(byte[] b, int from, int to) {
        int i = from;
        boolean negative = i < to && b[i] == '-';
        if (negative) {
            i++;
        }
        int digits = 0;
        int point = -1;
        long mantissa = 0;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                digits++;
                if (digits <= 18) {
                    mantissa = mantissa * 10 + (c - '0');
                }
            } else if (c == '.' && point < 0 && digits > 0) {
                point = i;
            } else {
                return NOT_A_NUMBER;
            }
        }
        if (digits == 0 || digits > 20 || b[to - 1] == '.') {
            return NOT_A_NUMBER;
        }
        if (digits > 15) {
            return Double.parseDouble(text(b, from, to));
        }
        int scale = point < 0 ? 0 : to - point - 1;
        double v = mantissa / POW10[scale];
        return negative ? -v : v;
    }

    /**
     * {@code yyyyMMddHHmmss} (14 digits) or {@code yyyyMMddHHmmssSSS} (17 digits) as a valid date and time, checked as
     * strictly as {@code ResolverStyle.STRICT} (month lengths, leap years); null otherwise.
     */
    static LocalDateTime time(byte[] b, int from, int to) {
        int n = to - from;
        if ((n != 14 && n != 17) || !allDigits(b, from, to)) {
            return null;
        }
        int year = digits(b, from, from + 4);
        int month = digits(b, from + 4, from + 6);
        int day = digits(b, from + 6, from + 8);
        int hour = digits(b, from + 8, from + 10);
        int minute = digits(b, from + 10, from + 12);
        int second = digits(b, from + 12, from + 14);
        int millis = n == 17 ? digits(b, from + 14, from + 17) : 0;
        if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month) || hour > 23 || minute > 59
                || second > 59) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000);
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
