package org.capgov.registry;

import static org.capgov.registry.ParameterSpec.flag;
import static org.capgov.registry.ParameterSpec.number;
import static org.capgov.registry.ParameterSpec.oneOf;
import static org.capgov.registry.ParameterSpec.oneOfDefault;
import static org.capgov.registry.ParameterSpec.optionalFlag;
import static org.capgov.registry.ParameterSpec.optionalNumber;
import static org.capgov.registry.ParameterSpec.requiredFlag;
import static org.capgov.registry.ParameterSpec.text;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.capgov.shared.Industry;
import org.capgov.shared.Product;

/**
 * Equipment types and their parameters (docs/domain.md §4). Ranges reject absurd values (a negative volume, a 100 km
 * furnace), not merely unusual ones; units are those the standards use.
 */
public enum EquipmentType {
    BLAST_FURNACE("高炉", Industry.STEEL, Set.of(Product.PIG_IRON, Product.FERROALLOY),
            number("volume_m3", "有效容积", "m3", 1, 10000),
            oneOfDefault("purpose", "用途", "GENERAL", "GENERAL", "FERROALLOY", "CAST_IRON_PIPE", "FERROMANGANESE", "FOUNDRY_IRON")),
    CONVERTER("转炉", Industry.STEEL, Set.of(Product.CRUDE_STEEL), number("nominal_t", "公称容量", "t", 1, 500)),
    EAF("电炉", Industry.STEEL, Set.of(Product.CRUDE_STEEL),
            number("nominal_t", "公称容量", "t", 0.5, 500), number("transformer_kva", "变压器容量", "kVA", 100, 500000),
            oneOfDefault("grade", "钢种", "ORDINARY", "ORDINARY", "SPECIAL", "HIGH_ALLOY")),
    INDUCTION_FURNACE("工频、中频感应炉", Industry.STEEL, Set.of(Product.CRUDE_STEEL, Product.STEEL_PRODUCTS),
            oneOf("purpose", "用途", "DITIAOGANG", "PLAIN_CARBON", "STAINLESS", "CASTING")),
    SINTER_MACHINE("烧结机", Industry.STEEL, Set.of(Product.PIG_IRON), number("area_m2", "使用面积", "m2", 1, 1000)),
    PELLET_SHAFT_FURNACE("球团竖炉", Industry.STEEL, Set.of(Product.PIG_IRON), number("area_m2", "焙烧面积", "m2", 0.5, 100)),
    COKE_OVEN("焦炉", Industry.COKING, Set.of(Product.COKE),
            number("chamber_height_m", "炭化室高度", "m", 1, 10), oneOf("charging", "装煤方式", "TOP", "STAMP")),
    ROLLING_MILL("轧机", Industry.STEEL, Set.of(Product.STEEL_PRODUCTS),
            oneOf("mill_type", "轧机类型", "DOUBLE_DUO_WIRE", "CROSS_COUNTRY_WIRE", "CROSS_COUNTRY_BAR_SECTION", "PACK_SHEET",
                    "BLOOMING", "HOT_NARROW_STRIP", "THREE_HIGH_LAUTH_PLATE", "THREE_HIGH_SECTION_WIRE", "MODERN"),
            flag("special_steel", "特钢", false)),
    REBAR_LINE("带肋钢筋、预应力钢材装备", Industry.STEEL, Set.of(Product.STEEL_PRODUCTS),
            oneOf("rebar_process", "工艺", "COLD_ROLLED_RIBBED", "ONLINE_HEAT_TREATED_RIBBED", "SINGLE_TANK_DRAWING",
                    "LEAD_QUENCHING"),
            optionalNumber("annual_t", "年产能力", "t", 1, 10_000_000)),
    LIME_KILN("石灰窑", Industry.OTHER, Set.of(Product.LIME), oneOf("kiln_kind", "窑型", "EARTH", "SHAFT", "ROTARY")),
    CEMENT_KILN("水泥熟料窑", Industry.CEMENT, Set.of(Product.CLINKER),
            oneOf("process", "工艺", "NSP", "SHAFT", "DRY_HOLLOW", "LEPOL", "WET"),
            number("clinker_t_per_d", "熟料日产能力", "t/d", 10, 20000)),
    CEMENT_MILL("水泥磨", Industry.CEMENT, Set.of(Product.CEMENT), number("diameter_m", "磨机直径", "m", 0.5, 10)),
    ELECTROLYTIC_CELL_LINE("电解槽系列", Industry.ALUMINIUM, Set.of(Product.ALUMINIUM),
            number("current_ka", "电流强度", "kA", 1, 1000), oneOfDefault("cell_kind", "槽型", "PREBAKED", "PREBAKED", "SODERBERG")),
    CARBON_ANODE_PLANT("炭阳极", Industry.ALUMINIUM, Set.of(Product.CARBON_ANODE),
            number("annual_t", "年产能力", "t", 1, 5_000_000),
            oneOfDefault("petcoke_sulfur", "石油焦含硫", "LOW", "LOW", "MEDIUM", "HIGH"), flag("desulfurization", "脱硫设施", false),
            // seed 000 二、（三）3 bans small *independent* (独立) plants only; unknown until recorded
            optionalFlag("independent", "独立（不与电解铝配套）")),
    CARBON_CATHODE_PLANT("炭阴极", Industry.ALUMINIUM, Set.of(Product.CARBON_CATHODE),
            number("annual_t", "年产能力", "t", 1, 5_000_000),
            oneOfDefault("petcoke_sulfur", "石油焦含硫", "LOW", "LOW", "MEDIUM", "HIGH"), flag("desulfurization", "脱硫设施", false),
            // seed 000 二、（三）3 bans small *independent* (独立) plants only; unknown until recorded
            optionalFlag("independent", "独立（不与电解铝配套）")),
    FLUORIDE_SALT_PLANT("氟化盐", Industry.ALUMINIUM, Set.of(Product.FLUORIDE_SALT), requiredFlag("wet_process", "湿法工艺")),
    GLASS_LINE("平板玻璃生产线", Industry.FLAT_GLASS, Set.of(Product.FLAT_GLASS),
            oneOf("process", "工艺", "FLOAT", "VERTICAL_DRAWN", "GRID"), number("melt_t_per_d", "熔化量", "t/d", 1, 3000)),
    SHIPYARD("船舶建造设施", Industry.SHIPBUILDING, Set.of(Product.SHIP),
            text("cbt3000_grade", "CB/T 3000 等级", "[IV]{1,3}_[0-9]"), flag("has_orders_2y", "近两年有订单", true),
            flag("has_site", "有场地", true), flag("has_shoreline", "有岸线", true)),
    COAL_MINE("煤矿", Industry.COAL, Set.of(Product.RAW_COAL), number("annual_t", "核定生产能力", "t", 1000, 100_000_000)),
    BRICK_KILN("砖瓦窑", Industry.BRICK_TILE, Set.of(Product.BRICK),
            oneOf("kiln_kind", "窑型", "EARTH", "SHAFT", "ROTARY", "HOFFMANN", "TUNNEL", "CLAMP")),
    COAL_BOILER("燃煤锅炉", Industry.COAL_POWER, Set.of(Product.STEAM),
            number("steam_t_per_h", "额定蒸发量", "t/h", 0.1, 3000), flag("in_built_up_area", "位于建成区或工业园区", false),
            flag("in_heat_network", "在供热管网覆盖范围内", false));

    /**
     * Facts recorded with the day they hold from and their source (table equipment_fact), never as plain parameters:
     * yes / no facts a catalogue item depends on that a decision or a check establishes. Seed 000 二、（三）4 "且不满足
     * 平板玻璃准入条件" makes whether a float line meets the flat-glass access conditions one of them.
     */
    public List<ParameterSpec> datedFacts() {
        return this == GLASS_LINE ? List.of(ParameterSpec.optionalFlag("meets_flat_glass_access", "满足平板玻璃准入条件"))
                : List.of();
    }

    public Optional<ParameterSpec> datedFact(String code) {
        return datedFacts().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** What a catalogue condition may name: a parameter or a dated fact of the type. */
    public Optional<ParameterSpec> conditionable(String code) {
        return parameter(code).or(() -> datedFact(code));
    }

    private final String nameZh;
    private final Industry industry;
    private final Set<Product> products;
    private final List<ParameterSpec> parameters;

    EquipmentType(String nameZh, Industry industry, Set<Product> products, ParameterSpec... parameters) {
        this.nameZh = nameZh;
        this.industry = industry;
        this.products = products;
        this.parameters = List.of(parameters);
    }

    public String nameZh() {
        return nameZh;
    }

    /** The industry the type usually belongs to (informative; an enterprise may list several). */
    public Industry industry() {
        return industry;
    }

    public Set<Product> products() {
        return products;
    }

    public List<ParameterSpec> parameters() {
        return parameters;
    }

    public Optional<ParameterSpec> parameter(String code) {
        for (ParameterSpec p : parameters) {
            if (p.code().equals(code)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static Optional<EquipmentType> of(String code) {
        try {
            return Optional.of(valueOf(code));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
