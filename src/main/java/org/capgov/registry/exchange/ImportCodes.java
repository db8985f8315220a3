package org.capgov.registry.exchange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.capgov.region.Region;
import org.capgov.shared.Industry;
import org.capgov.shared.Product;
import org.capgov.registry.EquipmentType;
import org.capgov.registry.ParameterSpec;
import org.capgov.registry.EquipmentStatus;
import org.capgov.registry.EnterpriseStatus;

/**
 * The explanation of the codes an import file uses (docs/domain.md §4), as rows of 类别 / 代码 / 名称 / 说明 for the
 * templates' code sheet and the code CSV. The Chinese names are part of the template contract, like the headers.
 */
final class ImportCodes {

    static final List<String> HEADER = List.of("类别", "代码", "名称", "说明");

    static final Map<Industry, String> INDUSTRIES = Map.ofEntries(Map.entry(Industry.STEEL, "钢铁"),
            Map.entry(Industry.COAL, "煤炭"), Map.entry(Industry.CEMENT, "水泥"), Map.entry(Industry.ALUMINIUM, "电解铝"),
            Map.entry(Industry.FLAT_GLASS, "平板玻璃"), Map.entry(Industry.SHIPBUILDING, "船舶"),
            Map.entry(Industry.BRICK_TILE, "烧结砖瓦"), Map.entry(Industry.FERROALLOY, "铁合金"),
            Map.entry(Industry.COKING, "焦化"), Map.entry(Industry.CHEMICAL, "化工"), Map.entry(Industry.COAL_POWER, "煤电"),
            Map.entry(Industry.OTHER, "其他"), Map.entry(Industry.CONSTRUCTION, "建筑（建筑工地）"));
    static final Map<EnterpriseStatus, String> ENTERPRISE_STATUSES = Map.of(EnterpriseStatus.OPERATING, "正常生产",
            EnterpriseStatus.SUSPENDED, "停产", EnterpriseStatus.RECTIFYING, "整改中", EnterpriseStatus.CLOSED, "关停",
            EnterpriseStatus.EXITED, "退出", EnterpriseStatus.DEREGISTERED, "注销");
    static final Map<EquipmentStatus, String> EQUIPMENT_STATUSES = Map.of(EquipmentStatus.OPERATING, "在用",
            EquipmentStatus.IDLE, "闲置", EquipmentStatus.WATER_CUT, "断水", EquipmentStatus.POWER_CUT, "断电",
            EquipmentStatus.POWER_UNIT_REMOVED, "拆除动力装置", EquipmentStatus.SEALED, "封存",
            EquipmentStatus.DISMANTLED, "拆除", EquipmentStatus.TRANSFERRED, "转移");
    static final Map<Product, String> PRODUCTS = Map.ofEntries(Map.entry(Product.PIG_IRON, "生铁"),
            Map.entry(Product.CRUDE_STEEL, "粗钢"), Map.entry(Product.STEEL_PRODUCTS, "钢材"),
            Map.entry(Product.CLINKER, "水泥熟料"), Map.entry(Product.CEMENT, "水泥"), Map.entry(Product.ALUMINIUM, "电解铝"),
            Map.entry(Product.FLAT_GLASS, "平板玻璃"), Map.entry(Product.SHIP, "造船"), Map.entry(Product.RAW_COAL, "原煤"),
            Map.entry(Product.BRICK, "砖"), Map.entry(Product.COKE, "焦炭"), Map.entry(Product.FERROALLOY, "铁合金"),
            Map.entry(Product.LIME, "石灰"), Map.entry(Product.CARBON_ANODE, "炭阳极"),
            Map.entry(Product.CARBON_CATHODE, "炭阴极"), Map.entry(Product.FLUORIDE_SALT, "氟化盐"),
            Map.entry(Product.STEAM, "蒸汽"));

    private ImportCodes() {
    }

    /** Column rows: what each column of a kind means and how to fill it in. */
    static List<List<String>> columns(ImportKind kind) {
        List<List<String>> rows = new ArrayList<>();
        for (ImportColumn c : kind.importColumns()) {
            rows.add(List.of(kind.nameZh() + "导入列", c.header(), c.code(), (c.required() ? "必填。" : "可不填，也可整列省略。")
                    + c.format()));
        }
        return rows;
    }

    /** Code rows used by a kind (null: all kinds). */
    static List<List<String>> codes(ImportKind kind, Collection<Region> regions) {
        List<List<String>> rows = new ArrayList<>();
        if (kind == null || kind == ImportKind.ENTERPRISES) {
            for (Industry i : Industry.values()) {
                rows.add(List.of("行业代码", i.name(), INDUSTRIES.get(i), "企业可属多个行业，用 ; 分隔"));
            }
            for (EnterpriseStatus s : EnterpriseStatus.values()) {
                rows.add(List.of("企业状态", s.name(), ENTERPRISE_STATUSES.get(s), ""));
            }
        }
        if (kind == null || kind == ImportKind.EQUIPMENT) {
            for (EquipmentType t : EquipmentType.values()) {
                rows.add(List.of("设备类型", t.name(), t.nameZh(), "产品：" + String.join(" / ",
                        t.products().stream().map(Enum::name).sorted().toList()) + "；参数："
                        + (t.parameters().isEmpty() ? "无" : String.join("、", t.parameters().stream().map(ParameterSpec::code).toList()))));
                for (ParameterSpec p : t.parameters()) {
                    rows.add(List.of("设备参数（" + t.name() + "）", p.code(), p.nameZh(), describe(p)));
                }
            }
            for (Product p : Product.values()) {
                rows.add(List.of("产品", p.name(), PRODUCTS.get(p), "年产能单位：" + p.unit()));
            }
            for (EquipmentStatus s : EquipmentStatus.values()) {
                rows.add(List.of("设备状态", s.name(), EQUIPMENT_STATUSES.get(s), ""));
            }
        }
        regions.stream().sorted(Comparator.comparing(Region::code)).forEach(r -> rows.add(List.of("区划代码", r.code(),
                r.name(), "")));
        return rows;
    }

    static String describe(ParameterSpec p) {
        String what = switch (p.kind()) {
            case NUMBER -> "数字，单位 " + p.unit() + "，范围 " + p.min().stripTrailingZeros().toPlainString() + "–"
                    + p.max().stripTrailingZeros().toPlainString();
            case ENUM -> "取值 " + String.join(" / ", p.values());
            case BOOLEAN -> "是 / 否（true / false）";
            case TEXT -> "格式如 III_1";
        };
        return (p.required() ? "必填；" : "可选；") + what + (p.defaultValue() == null ? "" : "；默认 " + p.defaultValue());
    }
}
