package org.capgov.shared.spreadsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One row of an uploaded file as read: its spreadsheet row number (the header is row 1) and its raw cells (null for
 * an empty cell), and for .xlsx which cells held formulas or error values (null for CSV, where a formula is only text
 * and is recognised by its first character).
 */
public record SheetRow(long number, String[] cells, boolean[] formulas) {

    /** The reason every import gives for a value in a column without a header: it cannot be placed. */
    public static final String HEADERLESS = "该列没有表头（多出的列），请删除或补上列名";

    /** A column as people name it in a row report: 第 3 列 for index 2. */
    public static String columnName(int index) {
        return "第 " + (index + 1) + " 列";
    }

    /** Indices of the non-blank cells in columns that {@code headed} says have no header. */
    public List<Integer> headerless(IntPredicate headed) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            if (!headed.test(i) && cells[i] != null && !cells[i].isBlank()) {
                out.add(i);
            }
        }
        return out;
    }

    public boolean blank() {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the cell at {@code index} held a formula (or an error value) in the workbook. */
    public boolean formula(int index) {
        return formulas != null && index < formulas.length && formulas[index];
    }
}
