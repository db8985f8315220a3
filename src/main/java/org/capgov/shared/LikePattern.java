package org.capgov.shared;

/**
 * LIKE / ILIKE patterns built from what a person typed: {@code %}, {@code _} and the escape character itself are
 * escaped so that they match only themselves ({@code q=%} finds names containing "%", not everything in scope).
 * PostgreSQL's default LIKE escape character, the backslash, is the one used; bind the result as a parameter.
 */
public final class LikePattern {

    private LikePattern() {
    }

    /** The text with {@code \}, {@code %} and {@code _} escaped. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Matches values containing the text. */
    public static String contains(String text) {
        return "%" + escape(text) + "%";
    }

    /** Matches values starting with the text. */
    public static String startsWith(String text) {
        return escape(text) + "%";
    }
}
