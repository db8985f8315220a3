package org.capgov.monitoring;

import org.capgov.shared.spreadsheet.ImportColumns;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a measurement import: Chinese header (as in the template) or code, and the draft field each fills.
 * A header may carry a hint in brackets, e.g. 属性（k=v;k=v）: only the part before the bracket is matched.
 */
enum MeasurementImportColumn implements ImportColumns.Column {
    USCC("uscc", "统一社会信用代码", "uscc", true),
    EQUIPMENT_CODE("equipment_code", "设备编号", "equipmentCode", false),
    METRIC("metric", "指标", "metric", true),
    VALUE("value", "数值", "value", true),
    UNIT("unit", "单位", "unit", false),
    MEASURED_AT("measured_at", "时间", "measuredAt", false),
    PERIOD_START("period_start", "期间开始", "periodStart", false),
    PERIOD_END("period_end", "期间结束", "periodEnd", false),
    SOURCE("source", "来源", "source", true),
    VALIDITY("validity", "有效性", "validity", false),
    ATTRIBUTES("attributes", "属性", "attributes", false),
    DOCUMENT_REF("document_ref", "文件编号", "documentRef", false);

    private final String code;
    private final String header;
    private final String field;
    private final boolean required;

    MeasurementImportColumn(String code, String header, String field, boolean required) {
        this.code = code;
        this.header = header;
        this.field = field;
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

    @Override
    public boolean required() {
        return required;
    }

    static Optional<MeasurementImportColumn> ofHeader(String text) {
        String t = text.replace("\uFEFF", "").strip();
        int bracket = indexOfBracket(t);
        String label = (bracket > 0 ? t.substring(0, bracket) : t).strip();
        return Arrays.stream(values())
                .filter(c -> c.header.equals(label) || c.code.equals(label.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The column of a validator field (attributes.product belongs to 属性). */
    static MeasurementImportColumn ofField(String field) {
        String f = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        return Arrays.stream(values()).filter(c -> c.field.equals(f)).findFirst().orElse(USCC);
    }

    private static int indexOfBracket(String t) {
        int a = t.indexOf('(');
        int b = t.indexOf('（');
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
}
