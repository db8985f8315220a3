package org.capgov.shared;

/**
 * Fields of PostgreSQL's COPY text format, the one way every bulk load writes them: {@code \N} for null; backslash,
 * tab, line feed and carriage return escaped so that a value can never end its field or its row early.
 */
public final class CopyText {

    /** The text COPY reads as null. */
    public static final String NULL = "\\N";

    private CopyText() {
    }

    /** Appends {@code value} as one field (without the separator): {@code \N} for null, otherwise escaped. */
    public static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append(NULL);
        }
        return escape(out, value);
    }

    /** Appends {@code value} with COPY's backslash escapes (never null). */
    public static StringBuilder escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    /** The values as one row: fields separated by tabs (null as {@code \N}, others by {@code toString}), a line feed. */
    public static StringBuilder row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            field(out, values[i] == null ? null : values[i].toString());
        }
        return out.append('\n');
    }
}
