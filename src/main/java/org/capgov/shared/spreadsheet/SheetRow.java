package org.capgov.shared.spreadsheet;

/**
 * One row of an uploaded file as read: its spreadsheet row number (the header is row 1) and its raw cells (null for
 * an empty cell), and for .xlsx which cells held formulas or error values (null for CSV, where a formula is only text
 * and is recognised by its first character).
 */
public record SheetRow(long number, String[] cells, boolean[] formulas) {

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
