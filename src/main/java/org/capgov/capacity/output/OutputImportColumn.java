package org.capgov.capacity.output;

import org.capgov.shared.spreadsheet.ImportColumns;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of an output import: Chinese header (as in the template) or code, and the field of a report each
 * fills. A header may carry a hint in brackets, e.g. 月份（yyyy-MM）: only the part before the bracket is matched.
 */
enum OutputImportColumn implements ImportColumns.Column {
    USCC("uscc", "统一社会信用代码", "统一社会信用代码", true),
    PRODUCT("product", "产品", "产品（代码或名称，如 水泥熟料）", true),
    MONTH("month", "月份", "月份（yyyy-MM）", true),
    QUANTITY("quantity", "产量", "产量", true),
    UNIT("unit", "单位", "单位（空则为产品的产能单位）", false),
    SOURCE("source", "来源", "来源（企业自报、统计部门或核查）", false),
    NOTE("note", "说明", "说明", false);

    private final String code;
    private final String header;
    private final String templateHeader;
    private final boolean required;

    OutputImportColumn(String code, String header, String templateHeader, boolean required) {
        this.code = code;
        this.header = header;
        this.templateHeader = templateHeader;
        this.required = required;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String header() {
        return header;
    }

    String templateHeader() {
        return templateHeader;
    }

    @Override
    public boolean required() {
        return required;
    }

    static Optional<OutputImportColumn> ofHeader(String text) {
        String t = text.replace("\uFEFF", "").strip();
        int a = t.indexOf('(');
        int b = t.indexOf('（');
        int bracket = a < 0 ? b : b < 0 ? a : Math.min(a, b);
        String label = (bracket > 0 ? t.substring(0, bracket) : t).strip();
        return Arrays.stream(values())
                .filter(c -> c.header.equals(label) || c.code.equals(label.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The column of a field named by a refusal. */
    static OutputImportColumn ofField(String field) {
        return Arrays.stream(values()).filter(c -> c.code.equals(field)).findFirst().orElse(USCC);
    }
}
