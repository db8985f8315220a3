package org.capgov.registry.exchange;

/**
 * One row of an import file as read: its spreadsheet row number (the header is row 1) and its raw cells, and for
 * xlsx which cells held formulas (null for CSV, where a formula is only text and is recognised by its first
 * character).
 */
record ImportRow(long number, String[] cells, boolean[] formulas) {

    boolean blank() {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    boolean formula(int index) {
        return formulas != null && index < formulas.length && formulas[index];
    }
}
