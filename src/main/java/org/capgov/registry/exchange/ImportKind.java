package org.capgov.registry.exchange;

import static org.capgov.registry.exchange.ImportColumn.exportOnly;
import static org.capgov.registry.exchange.ImportColumn.optional;
import static org.capgov.registry.exchange.ImportColumn.required;

import java.util.List;
import java.util.Optional;

/**
 * What a file holds, with its columns in template order. The column codes and Chinese headers are the contract
 * shared by templates, imports, exports and the demo data generator.
 */
public enum ImportKind {
    ENTERPRISES("企业", "enterprises", List.of(
            required("uscc", "统一社会信用代码", "18 位，GB 32100-2015"),
            required("name", "企业名称", "最多 200 字"),
            required("region", "区划代码", "6 位行政区划代码，见代码说明"),
            required("industries", "行业代码", "如 STEEL；多个用 ; 分隔"),
            optional("address", "地址", "最多 500 字"),
            optional("legal_representative", "法定代表人", "最多 100 字"),
            optional("parent_uscc", "上级企业统一社会信用代码", "须已登记或在同一文件中"),
            optional("grid_accounts", "供电户号", "4–32 位字母、数字或连字符；多个用 ; 分隔"),
            optional("status", "状态", "默认 OPERATING，见代码说明"),
            optional("status_since", "状态生效日期", "yyyy-MM-dd，默认今天"),
            optional("accept_check_character", "接受校验码例外", "是 / 否，默认否"),
            exportOnly("region_name", "区划名称"),
            exportOnly("uscc_flag", "校验码例外说明"),
            exportOnly("updated_at", "更新时间"))),
    EQUIPMENT("设备", "equipment", List.of(
            required("uscc", "统一社会信用代码", "企业须已登记"),
            optional("line", "生产线编号", "1–32 位字母、数字、点、下划线或连字符"),
            required("code", "设备编号", "1–32 位字母、数字、点、下划线或连字符；同一企业内唯一"),
            required("type", "设备类型", "见代码说明"),
            optional("parameters", "参数", "key=value;key=value，如 volume_m3=350;purpose=GENERAL"),
            required("product", "产品", "见代码说明"),
            required("annual_capacity", "年产能", "大于 0，单位见代码说明"),
            optional("commissioned", "投产日期", "yyyy-MM-dd"),
            optional("region", "区划代码", "默认为企业所在区划"),
            optional("status", "状态", "默认 OPERATING，见代码说明"),
            optional("status_since", "状态生效日期", "yyyy-MM-dd，默认投产日期或今天"),
            exportOnly("enterprise_name", "企业名称"),
            exportOnly("unit", "产能单位")));

    private final String nameZh;
    private final String fileName;
    private final List<ImportColumn> columns;

    ImportKind(String nameZh, String fileName, List<ImportColumn> columns) {
        this.nameZh = nameZh;
        this.fileName = fileName;
        this.columns = columns;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Base name of downloaded templates and exports. */
    public String fileName() {
        return fileName;
    }

    public List<ImportColumn> columns() {
        return columns;
    }

    /** The columns a user fills in (templates); export-only columns are left out. */
    public List<ImportColumn> importColumns() {
        return columns.stream().filter(c -> !c.exportOnly()).toList();
    }

    public ImportColumn column(String code) {
        return columns.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code));
    }

    /** ENTERPRISES / enterprises / EQUIPMENT / equipment. */
    public static Optional<ImportKind> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ImportKind k : values()) {
            if (k.name().equalsIgnoreCase(text.trim()) || k.fileName.equalsIgnoreCase(text.trim())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
