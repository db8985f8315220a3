package org.capgov.shared;

import java.util.regex.Pattern;

/**
 * Text written into a CSV or .xlsx cell that people open in a spreadsheet. A value starting with =, +, -, @, tab or
 * carriage return would be taken as a formula (CSV injection), so it gets a leading apostrophe and stays text; a plain
 * number such as -5 or +1.5 is left as it is.
 */
public final class SpreadsheetText {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private SpreadsheetText() {
    }

    /** The value as safe cell text; empty for null. */
    public static String guard(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if ("=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !NUMBER.matcher(value).matches()) {
            return "'" + value;
        }
        return value;
    }
}
