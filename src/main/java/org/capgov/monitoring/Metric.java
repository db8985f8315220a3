package org.capgov.monitoring;

import java.util.Arrays;
import java.util.Optional;

/**
 * Measured metrics of docs/domain.md §4 with their fixed units. Boolean check-list metrics {@code req_*} are not listed:
 * any {@code req_<name>} code is a boolean metric (see {@link #isRequirement}).
 */
public enum Metric {
    DUST_PER_T_STEEL("dust_per_t_steel", "kg/t"), SO2_PER_T_STEEL("so2_per_t_steel", "kg/t"),
    SOLID_WASTE_UTILISATION("solid_waste_utilisation", "%"), FUGITIVE_DUST_CONC("fugitive_dust_conc", "mg/m3"),
    WW_SS_CONC("ww_ss_conc", "mg/L"), WW_OIL_CONC("ww_oil_conc", "mg/L"), WW_COD_CONC("ww_cod_conc", "mg/L"),
    COKING_ENERGY("coking_energy", "kgce/t"), SINTERING_ENERGY("sintering_energy", "kgce/t"),
    BF_ENERGY("bf_energy", "kgce/t"), CONVERTER_ENERGY("converter_energy", "kgce/t"), EAF_ENERGY("eaf_energy", "kgce/t"),
    FRESH_WATER_PER_T_STEEL("fresh_water_per_t_steel", "m3/t"),
    SO2_CONC("so2_conc", "mg/m3"), NOX_CONC("nox_conc", "mg/m3"), PM_CONC("pm_conc", "mg/m3"),
    SMOKE_DUST_CONC("smoke_dust_conc", "mg/m3"),
    CLINKER_COAL("clinker_coal", "kgce/t"), CLINKER_POWER("clinker_power", "kWh/t"), CLINKER_ENERGY("clinker_energy", "kgce/t"),
    CEMENT_POWER("cement_power", "kWh/t"), CEMENT_ENERGY("cement_energy", "kgce/t"),
    // not in docs/domain.md §4 but used by the catalogue (national.yaml): 水泥制备工段电耗 and 球团工序能耗 (GB 21256)
    CEMENT_PREPARATION_POWER("cement_preparation_power", "kWh/t"), PELLET_ENERGY("pellet_energy", "kgce/t"),
    FLUORIDE_PER_T_AL("fluoride_per_t_al", "kg/t"), FLUORIDE_CONC("fluoride_conc", "mg/m3"), TSP_CONC("tsp_conc", "mg/m3"),
    AL_LIQUID_AC("al_liquid_ac", "kWh/t"), AL_LIQUID_COMPREHENSIVE_AC("al_liquid_comprehensive_ac", "kWh/t"),
    AL_INGOT_COMPREHENSIVE_AC("al_ingot_comprehensive_ac", "kWh/t"), CURRENT_EFFICIENCY("current_efficiency", "%"),
    ALUMINA_PER_T_AL("alumina_per_t_al", "kg/t"), FLUORIDE_SALT_PER_T_AL("fluoride_salt_per_t_al", "kg/t"),
    ANODE_NET_PER_T_AL("anode_net_per_t_al", "kg/t"), FRESH_WATER_PER_T_AL("fresh_water_per_t_al", "t/t"),
    GLASS_ENERGY("glass_energy", "kgce/重量箱"), FURNACE_HEAT("furnace_heat", "kJ/kg"),
    SHIP_ENERGY_PER_VALUE_ADDED("ship_energy_per_value_added", "tce/万元"),
    STEEL_PLATE_UTILISATION("steel_plate_utilisation", "%"), CAPACITY_OUTPUT("capacity_output", "t"),
    ELECTRICITY_USE("electricity_use", "kWh");

    private final String code;
    private final String unit;

    Metric(String code, String unit) {
        this.code = code;
        this.unit = unit;
    }

    public String code() {
        return code;
    }

    public String unit() {
        return unit;
    }

    public static Optional<Metric> of(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    /** Qualitative requirements are boolean metrics named req_&lt;short_name&gt;. */
    public static boolean isRequirement(String code) {
        return code != null && code.matches("req_[a-z0-9_]{1,60}");
    }
}
