package org.capgov.registry.exchange;

import java.util.Locale;

/**
 * One column of an import file: its code name (accepted as a header too), its Chinese header, whether the file must
 * have it, and whether it is informative only (written by exports, ignored by imports, so an export can be
 * re-imported unchanged).
 */
public record ImportColumn(String code, String header, boolean required, boolean exportOnly, String format) {

    static ImportColumn required(String code, String header, String format) {
        return new ImportColumn(code, header, true, false, format);
    }

    static ImportColumn optional(String code, String header, String format) {
        return new ImportColumn(code, header, false, false, format);
    }

    static ImportColumn exportOnly(String code, String header) {
        return new ImportColumn(code, header, false, true, "导出时填写，导入时忽略");
    }

    /** True when a header cell names this column: 中文, the code, or 中文(code) / 中文（code）. */
    boolean matches(String headerCell) {
        String h = headerCell.replace('（', '(').replace('）', ')').replace(" ", "").replace("\u3000", "");
        if (h.equals(header) || h.toLowerCase(Locale.ROOT).equals(code)) {
            return true;
        }
        return h.equalsIgnoreCase(header + "(" + code + ")");
    }
}
