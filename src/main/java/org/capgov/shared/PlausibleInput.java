package org.capgov.shared;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Checks of what a person can type but no real record carries, each answering a Chinese reason or nothing: a name
 * made only of invisible characters, or carrying control characters or the direction overrides that make a name read
 * differently from what is stored (U+202E shows "abc" as "cba"); a date outside the years a record of this platform can
 * speak of. Each module reports the reason on its own field.
 */
public final class PlausibleInput {

    /** Older records (a kiln of the 1950s) stay well inside; year 0 or year 1 is a typing accident. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private PlausibleInput() {
    }

    /** Why a name (of a person, an enterprise, a department …) cannot be accepted, or empty. */
    public static Optional<String> nameProblem(String name) {
        if (name == null) {
            return Optional.empty();
        }
        boolean visible = false;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (isDirectionControl(c)) {
                return Optional.of(String.format("含有文字方向控制字符 U+%04X，名称显示会与实际内容不符", c));
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL) {
                return Optional.of(String.format("含有控制字符 U+%04X", c));
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && type != Character.FORMAT
                    && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && c != 0x3164 && c != 0x115F && c != 0x1160 && c != 0xFFA0) {
                visible = true;
            }
        }
        return visible ? Optional.empty() : Optional.of("只含空白或不可见字符（如零宽字符），没有可读的内容");
    }

    /** Why a date cannot be a real date of a record, or empty. */
    public static Optional<String> dateProblem(LocalDate date) {
        if (date == null || !date.isBefore(EARLIEST) && !date.isAfter(LATEST)) {
            return Optional.empty();
        }
        return Optional.of("日期 " + date + " 不在合理范围内（" + EARLIEST + " 至 " + LATEST + "）");
    }

    /** The invisible marks that reorder text: embeddings, overrides, isolates and the direction marks. */
    private static boolean isDirectionControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}
