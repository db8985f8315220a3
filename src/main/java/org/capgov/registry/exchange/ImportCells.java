package org.capgov.registry.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.capgov.registry.validation.EnterpriseValidator;

/** Parsing of import cells: lists, dates, numbers, equipment parameters, and the formula test. */
final class ImportCells {

    /** No field of the registry is longer (an address is at most 500); longer cells are rejected, not cut. */
    static final int MAX_CELL = 1000;
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})");
    private static final String LIST_SEPARATORS = ";；,，、";
    private static final String PARAMETER_SEPARATORS = ";；";

    private ImportCells() {
    }

    /**
     * A cell a spreadsheet would run as a formula (=, +, -, @ first). A plain signed number is not one: "-5" in a
     * capacity column is a negative number and gets that clearer reason from the validator.
     */
    static boolean looksLikeFormula(String s) {
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !NUMBER.matcher(s).matches();
    }

    /** yyyy-MM-dd (also yyyy/M/d and yyyy.M.d, as spreadsheets write them); null when not a date. */
    static LocalDate date(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            // the template's own form, read without the pattern (millions of rows in a large import)
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (java.time.DateTimeException e) {
                    return null;
                }
            }
        }
        var m = DATE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * The number written with ASCII digits in {@code s} from index {@code from} up to, not including, {@code to}; or
     * -1.
     */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** A decimal number; null when not one. */
    static BigDecimal decimal(String s) {
        if (!plainDecimal(s) && !NUMBER.matcher(s).matches()) {
            return null;
        }
        BigDecimal d = new BigDecimal(s);
        // an exponent like 1e999999 would make later arithmetic crawl; nothing real is that large or small
        return d.precision() - d.scale() > 30 || d.scale() > 30 ? null : d;
    }

    /** Digits with at most one inner decimal point: the common case, checked without the pattern. */
    private static boolean plainDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > 40 || s.charAt(0) == '.' || s.charAt(n - 1) == '.') {
            return false;
        }
        boolean point = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.' && !point) {
                point = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Items separated by ; (also ；, comma and 、), blanks dropped. */
    static List<String> list(String s) {
        return s == null ? new ArrayList<>() : parts(s, LIST_SEPARATORS);
    }

    /** The parts of {@code s} between any of the {@code separators}, stripped, blanks dropped (a loop: once per row). */
    private static List<String> parts(String s, String separators) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || separators.indexOf(s.charAt(i)) >= 0) {
                String t = s.substring(start, i).strip();
                if (!t.isEmpty()) {
                    out.add(t);
                }
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * 'key=value;key=value' into an ordered map; a part without '=' or a repeated key is a problem (returned in
     * {@code problems}, Chinese).
     */
    static Map<String, Object> parameters(String s, List<String> problems) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (s == null) {
            return out;
        }
        for (String p : parts(s, PARAMETER_SEPARATORS)) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                problems.add("参数「" + EnterpriseValidator.abbreviate(p) + "」应写成 参数代码=值，多个参数用 ; 分隔");
                continue;
            }
            String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).strip();
            if (out.containsKey(key)) {
                problems.add("参数 " + EnterpriseValidator.abbreviate(key) + " 重复填写");
                continue;
            }
            out.put(key, value);
        }
        return out;
    }
}
