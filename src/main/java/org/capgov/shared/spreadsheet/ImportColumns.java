package org.capgov.shared.spreadsheet;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The header row of an import file read against the columns of its template: each known column's index; unknown,
 * repeated and missing required columns reported with the row number, in Chinese. One reading for every import
 * (output, measurements) so that the same header mistake gets the same answer everywhere.
 */
public final class ImportColumns {

    /** A column of an import template. */
    public interface Column {
        /** The code people may also write as the header, e.g. uscc. */
        String code();

        /** The Chinese header of the template. */
        String header();

        boolean required();
    }

    /** Where a problem of a cell is reported: row number, column header, value, reason. */
    @FunctionalInterface
    public interface Problems {
        void add(long row, String column, String value, String reason);
    }

    /** Headers longer than this are no column of any template, whatever they say. */
    static final int MAX_HEADER = 100;

    private ImportColumns() {
    }

    /**
     * The index of each column named in {@code header}; {@code ofHeader} recognises a header text. Problems go to
     * {@code problems}; blank header cells are skipped.
     */
    public static <C extends Enum<C> & Column> Map<C, Integer> read(SheetRow header, Class<C> type,
            Function<String, Optional<C>> ofHeader, Problems problems) {
        Map<C, Integer> columns = new EnumMap<>(type);
        C[] all = type.getEnumConstants();
        String[] cells = header.cells();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "" : cells[i].strip();
            if (cell.isEmpty()) {
                continue;
            }
            C c = cell.length() > MAX_HEADER ? null : ofHeader.apply(cell).orElse(null);
            if (c == null) {
                problems.add(header.number(), cell, cell, "未知列「" + abbreviate(cell) + "」；可用的列："
                        + String.join("、", Arrays.stream(all).map(Column::header).toList()));
            } else if (columns.containsKey(c)) {
                problems.add(header.number(), c.header(), cell, "列「" + c.header() + "」重复出现");
            } else {
                columns.put(c, i);
            }
        }
        for (C c : all) {
            if (c.required() && !columns.containsKey(c)) {
                problems.add(header.number(), c.header(), "", "缺少必填列「" + c.header() + "」（" + c.code() + "）");
            }
        }
        return columns;
    }

    /** At most 40 characters of {@code s}, with … when cut. */
    public static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** The trimmed cell, or null when blank or absent. */
    public static String value(SheetRow row, int index) {
        if (index >= row.cells().length || row.cells()[index] == null) {
            return null;
        }
        String s = row.cells()[index].strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * Why a cell is refused whatever its column, in Chinese, or null when it may be read: a formula (an .xlsx formula
     * cell, or text a spreadsheet would run as one; a signed number is not one), control characters other than tab
     * and line breaks, or more than {@code maxChars} characters.
     */
    public static String problem(SheetRow row, int index, int maxChars) {
        if (index >= row.cells().length || row.cells()[index] == null) {
            return null;
        }
        String raw = row.cells()[index];
        if (row.formula(index)) {
            return FORMULA;
        }
        if (raw.length() > maxChars) {
            return "内容过长（" + raw.length() + " 字，上限 " + maxChars + " 字）";
        }
        String s = raw.strip();
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "含有不可见的控制字符，请清除后再导入";
            }
        }
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0
                && !s.matches("[+-]?[0-9][0-9,]*(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            return FORMULA;
        }
        return null;
    }

    static final String FORMULA = "以 = + - @ 开头的内容或公式会被表格软件当作公式执行，不予接受；公式请“粘贴为数值”后再导入";
}
