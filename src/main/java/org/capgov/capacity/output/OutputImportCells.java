package org.capgov.capacity.output;

import org.capgov.shared.spreadsheet.SheetRow;

/**
 * The cells of an import row: trimmed values, and the cells refused whatever the column (formulas, control
 * characters, over-long text), as the registry's import refuses them.
 */
final class OutputImportCells {

    private OutputImportCells() {
    }

    /** The trimmed cell, or null when blank or absent. */
    static String value(SheetRow row, int index) {
        if (index >= row.cells().length || row.cells()[index] == null) {
            return null;
        }
        String s = row.cells()[index].strip();
        return s.isEmpty() ? null : s;
    }

    /** Why the cell is refused, in Chinese, or null when it may be read. */
    static String problem(SheetRow row, int index, int maxChars) {
        if (index >= row.cells().length || row.cells()[index] == null) {
            return null;
        }
        String raw = row.cells()[index];
        if (row.formula(index)) {
            return "公式不予接受；请“粘贴为数值”后再导入";
        }
        if (raw.length() > maxChars) {
            return "内容过长（" + raw.length() + " 字，上限 " + maxChars + " 字）";
        }
        String s = raw.strip();
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < 0x20) {
                return "含有不可见的控制字符，请清除后再导入";
            }
        }
        // a spreadsheet would run these as formulas; a signed number is not one
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("[+-]?[0-9][0-9,]*(\\.[0-9]+)?")) {
            return "以 = + - @ 开头的内容会被表格软件当作公式执行，不予接受";
        }
        return null;
    }
}
