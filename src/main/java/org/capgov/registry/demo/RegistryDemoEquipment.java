package org.capgov.registry.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.capgov.shared.Product;
import org.capgov.registry.EquipmentType;

/**
 * The main equipment of one demo enterprise, fitting its profile, with parameters spread around the thresholds of
 * docs/domain.md §5 and seed 004 (most pass, some fail) and an annual capacity derived from them. Sizes are drawn from
 * the sizes plants are actually built in (a 450 m3 or 1080 m3 blast furnace, a 2500 t/d or 5000 t/d kiln).
 */
final class RegistryDemoEquipment {

    /** One item before dates and statuses; {@code backward} = below a threshold or of an eliminated kind. */
    record Unit(String code, String line, EquipmentType type, Map<String, Object> parameters, Product product,
            BigDecimal capacity, boolean backward) {
    }

    private static final String[] BF_FAILING = {"128", "180", "255", "300", "350", "380"};
    private static final String[] BF_PASSING = {"420", "450", "450", "480", "530", "580", "620", "750", "1080", "1200",
        "1250", "1350", "1780", "2000", "2500", "2650", "3200"};
    private static final String[] SINTER_FAILING = {"24", "36", "50", "60", "75"};
    private static final String[] SINTER_PASSING = {"90", "90", "105", "132", "180", "198", "265", "360", "450"};
    private static final String[] CONVERTER = {"15", "20", "25", "30", "35", "40", "50", "60", "80", "100", "120", "150",
        "180", "210", "250"};
    private static final String[] EAF_T = {"10", "15", "20", "25", "30", "40", "50", "60", "70", "75", "90", "100", "120",
        "150"};
    private static final String[] MILL_TYPES = {"DOUBLE_DUO_WIRE", "CROSS_COUNTRY_WIRE", "CROSS_COUNTRY_BAR_SECTION",
        "PACK_SHEET", "BLOOMING", "HOT_NARROW_STRIP", "THREE_HIGH_LAUTH_PLATE", "THREE_HIGH_SECTION_WIRE"};
    private static final String[] NSP = {"1000", "1200", "2000", "2500", "2500", "2500", "3000", "4000", "4500", "5000",
        "5000", "6000", "8000", "10000"};
    private static final String[] MILL_DIAMETERS = {"2.2", "2.4", "2.6", "3", "3.2", "3.8", "4.2", "4.2", "4.6", "5"};
    private static final String[] CELL_KA_FAILING = {"85", "100", "120", "135", "150"};
    private static final String[] CELL_KA_PASSING = {"160", "180", "200", "240", "300", "350", "400", "420", "500"};
    private static final String[] FLOAT_MELT = {"300", "400", "450", "500", "600", "600", "700", "800", "900", "1000",
        "1200"};
    private static final String[] SHIP_GRADES = {"I_1", "I_2", "I_2", "II_1", "II_1", "II_2", "II_2", "III_1", "III_1",
        "III_1", "III_2", "III_2", "IV_1"};
    private static final String[] MINE_T = {"60000", "90000", "150000", "210000", "300000", "450000", "600000", "900000",
        "1200000", "1500000", "2400000"};
    private static final String[] BOILER_T = {"1", "2", "4", "4", "6", "10", "10", "15", "20", "25", "35", "40", "65", "75"};
    private static final String[] POWER_BOILER_T = {"35", "75", "130", "220", "410"};

    private final SplittableRandom rng;
    private final List<Unit> units = new ArrayList<>();
    private final int[] ordinals = new int[EquipmentType.values().length];

    RegistryDemoEquipment(SplittableRandom rng) {
        this.rng = rng;
    }

    /** 1 to 6 items (about 3 on average) for an enterprise of {@code profile}. */
    List<Unit> forProfile(RegistryDemoProfile profile) {
        units.clear();
        Arrays.fill(ordinals, 0);
        switch (profile) {
            case STEEL_INTEGRATED -> {
                blastFurnace("L1", "GENERAL");
                add(rng.nextInt(4) == 0 ? pellet("L1") : sinter("L1"));
                converter("L1");
                rollingMill("L1", false);
                if (rng.nextInt(3) == 0) {
                    cokeOven("L1");
                }
                if (rng.nextInt(3) == 0) {
                    blastFurnace("L2", "GENERAL");
                }
            }
            case STEEL_EAF -> {
                for (int i = 1, n = 1 + chance(30); i <= n; i++) {
                    eaf("L" + i);
                }
                rollingMill("L1", rng.nextInt(5) == 0);
                if (rng.nextBoolean()) {
                    rebar();
                }
            }
            case STEEL_ROLLING -> {
                for (int i = 1, n = 1 + rng.nextInt(4); i <= n; i++) {
                    rollingMill("L" + i, false);
                }
                if (rng.nextInt(3) == 0) {
                    rebar();
                }
            }
            case STEEL_FOUNDRY -> {
                repeat(1 + rng.nextInt(3), this::induction);
                if (rng.nextBoolean()) {
                    rollingMill(null, false);
                }
            }
            case COKING -> repeat(1 + rng.nextInt(5), () -> cokeOven(null));
            case FERROALLOY -> repeat(1 + rng.nextInt(4), () -> blastFurnace(null,
                    rng.nextInt(3) == 0 ? "FERROMANGANESE" : "FERROALLOY"));
            case CEMENT_PLANT -> {
                int kilns = 1 + chance(25);
                for (int i = 1; i <= kilns; i++) {
                    cementKiln("L" + i);
                    repeat(1 + rng.nextInt(2), () -> cementMill("L" + ordinals[EquipmentType.CEMENT_KILN.ordinal()]));
                }
            }
            case CEMENT_GRINDING -> repeat(1 + rng.nextInt(4), () -> cementMill(null));
            case ALUMINIUM -> {
                repeat(1 + rng.nextInt(3), this::cellLine);
                if (rng.nextBoolean()) {
                    carbon(chance(15) == 1 ? EquipmentType.CARBON_CATHODE_PLANT : EquipmentType.CARBON_ANODE_PLANT);
                }
                if (chance(15) == 1) {
                    boolean wet = chance(40) == 1;
                    add(EquipmentType.FLUORIDE_SALT_PLANT, null, params("wet_process", wet), Product.FLUORIDE_SALT,
                            5000 + 1000 * rng.nextInt(56), wet);
                }
            }
            case FLAT_GLASS -> repeat(1 + rng.nextInt(5), this::glassLine);
            case SHIPYARD -> repeat(1 + chance(30), this::shipyard);
            case COAL_MINE -> {
                repeat(1 + chance(25), this::coalMine);
                if (chance(50) == 1) {
                    boiler(false);
                }
            }
            case BRICK -> repeat(1 + rng.nextInt(5), this::brickKiln);
            case HEAT_POWER -> repeat(2 + rng.nextInt(4), () -> boiler(rng.nextBoolean()));
            case CHEMICAL, FACTORY -> repeat(1 + rng.nextInt(5) + chance(30), () -> boiler(false));
            case LIME -> {
                repeat(1 + rng.nextInt(4), this::limeKiln);
                if (chance(30) == 1) {
                    boiler(false);
                }
            }
            default -> throw new IllegalStateException(profile.name());
        }
        return List.copyOf(units.subList(0, Math.min(6, units.size())));
    }

    private void blastFurnace(String line, String purpose) {
        boolean general = purpose.equals("GENERAL");
        String kind = general ? (chance(6) == 1 ? "FOUNDRY_IRON" : chance(4) == 1 ? "CAST_IRON_PIPE" : "GENERAL") : purpose;
        int limit = kind.equals("FERROMANGANESE") ? 100 : kind.equals("FERROALLOY") || kind.equals("CAST_IRON_PIPE") ? 200 : 400;
        String volume = general ? pick(chance(15) == 1 ? BF_FAILING : BF_PASSING)
                : String.valueOf(60 + 10 * rng.nextInt(kind.equals("FERROMANGANESE") ? 20 : 35));
        double v = Double.parseDouble(volume);
        Map<String, Object> p = params("volume_m3", number(volume));
        if (!kind.equals("GENERAL") || rng.nextBoolean()) {
            p.put("purpose", kind);
        }
        Product product = general ? Product.PIG_IRON : Product.FERROALLOY;
        add(EquipmentType.BLAST_FURNACE, line, p, product, round(v * between(2.0, 3.2) * 350, 100), v < limit);
    }

    private Unit sinter(String line) {
        String area = pick(chance(20) == 1 ? SINTER_FAILING : SINTER_PASSING);
        double a = Double.parseDouble(area);
        // Capacity in the hot metal the sinter feeds (the type's product is PIG_IRON): about 1.6 t sinter per t iron.
        return unit(EquipmentType.SINTER_MACHINE, line, params("area_m2", number(area)), Product.PIG_IRON,
                round(a * 1.25 * 24 * 330 / 1.6, 1000), a < 90);
    }

    private Unit pellet(String line) {
        double a = chance(25) == 1 ? 6 + rng.nextInt(2) * 1.5 : 8 + 2 * rng.nextInt(5);
        return unit(EquipmentType.PELLET_SHAFT_FURNACE, line, params("area_m2", decimal(a)), Product.PIG_IRON,
                round(a * 40000, 1000), a < 8);
    }

    private void converter(String line) {
        String t = pick(CONVERTER);
        double n = Double.parseDouble(t);
        add(EquipmentType.CONVERTER, line, params("nominal_t", number(t)), Product.CRUDE_STEEL,
                round(n * between(10000, 13000), 1000), n < 30);
    }

    private void eaf(String line) {
        String grade = chance(20) == 1 ? "SPECIAL" : chance(6) == 1 ? "HIGH_ALLOY" : "ORDINARY";
        double n = grade.equals("HIGH_ALLOY") ? 5 + 5 * rng.nextInt(6) : Double.parseDouble(pick(EAF_T));
        double kva = round(n * between(chance(15) == 1 ? 380 : 520, 900), 500);
        boolean backward = grade.equals("HIGH_ALLOY") ? n < 10 || kva < 5000 : n < 30 || kva < 15000;
        add(EquipmentType.EAF, line, params("nominal_t", decimal(n), "transformer_kva", decimal(kva), "grade", grade),
                Product.CRUDE_STEEL, round(n * between(7000, 9000), 1000), backward);
    }

    private void induction() {
        int x = rng.nextInt(100);
        String purpose = x < 5 ? "DITIAOGANG" : x < 25 ? "PLAIN_CARBON" : x < 37 ? "STAINLESS" : "CASTING";
        add(EquipmentType.INDUCTION_FURNACE, null, params("purpose", purpose),
                purpose.equals("CASTING") ? Product.STEEL_PRODUCTS : Product.CRUDE_STEEL, 5000 + 1000 * rng.nextInt(56),
                !purpose.equals("CASTING"));
    }

    private void rollingMill(String line, boolean special) {
        boolean old = chance(30) == 1;
        String type = old ? pick(MILL_TYPES) : "MODERN";
        Map<String, Object> p = params("mill_type", type);
        if (special || rng.nextInt(10) == 0) {
            p.put("special_steel", special || rng.nextBoolean());
        }
        boolean eliminated = old && !(type.equals("THREE_HIGH_SECTION_WIRE") && Boolean.TRUE.equals(p.get("special_steel")));
        add(EquipmentType.ROLLING_MILL, line, p, Product.STEEL_PRODUCTS,
                old ? 50000 + 10000 * rng.nextInt(26) : 300000 + 50000 * rng.nextInt(35), eliminated);
    }

    private void rebar() {
        int x = rng.nextInt(100);
        String process = x < 55 ? "ONLINE_HEAT_TREATED_RIBBED" : x < 80 ? "COLD_ROLLED_RIBBED" : x < 90
                ? "SINGLE_TANK_DRAWING" : "LEAD_QUENCHING";
        long annual = chance(20) == 1 ? 2000 + 500 * rng.nextInt(16) : 10000 + 5000 * rng.nextInt(59);
        add(EquipmentType.REBAR_LINE, null, params("rebar_process", process, "annual_t", decimal(annual)),
                Product.STEEL_PRODUCTS, annual, !process.equals("ONLINE_HEAT_TREATED_RIBBED") || annual < 10000);
    }

    private void cokeOven(String line) {
        boolean top = chance(65) == 1;
        boolean low = chance(25) == 1;
        String[] heights = top ? (low ? new String[] {"2.8", "3.2", "4"} : new String[] {"4.3", "4.3", "5.5", "6", "6.78", "7"})
                : (low ? new String[] {"3.2", "3.5"} : new String[] {"3.8", "4.3", "5.5", "6.25"});
        String h = pick(heights);
        double height = Double.parseDouble(h);
        add(EquipmentType.COKE_OVEN, line, params("chamber_height_m", number(h), "charging", top ? "TOP" : "STAMP"),
                Product.COKE, round(60000 * StrictMath.pow(height, 1.5) * between(0.8, 1.3), 1000), low);
    }

    private void cementKiln(String line) {
        int x = rng.nextInt(100);
        String process = x < 85 ? "NSP" : x < 93 ? "SHAFT" : x < 96 ? "DRY_HOLLOW" : x < 98 ? "LEPOL" : "WET";
        long perDay = process.equals("NSP") ? Long.parseLong(pick(NSP)) : process.equals("SHAFT")
                ? 100 + 50 * rng.nextInt(11) : 300 + 100 * rng.nextInt(9);
        add(EquipmentType.CEMENT_KILN, line, params("process", process, "clinker_t_per_d", decimal(perDay)),
                Product.CLINKER, perDay * 310, !process.equals("NSP"));
    }

    private void cementMill(String line) {
        String d = pick(MILL_DIAMETERS);
        add(EquipmentType.CEMENT_MILL, line, params("diameter_m", number(d)), Product.CEMENT,
                round(StrictMath.pow(Double.parseDouble(d), 2.5) * 10000 * between(0.8, 1.4), 1000), false);
    }

    private void cellLine() {
        boolean soderberg = chance(6) == 1;
        String ka = soderberg ? pick(new String[] {"60", "70", "85", "100"})
                : pick(chance(15) == 1 ? CELL_KA_FAILING : CELL_KA_PASSING);
        double current = Double.parseDouble(ka);
        Map<String, Object> p = params("current_ka", number(ka));
        if (soderberg || rng.nextBoolean()) {
            p.put("cell_kind", soderberg ? "SODERBERG" : "PREBAKED");
        }
        // one cell makes about 2.73 t a year per kA (0.3356 kg/kA·h at 93 % current efficiency); 100–300 cells a line
        add(EquipmentType.ELECTROLYTIC_CELL_LINE, null, p, Product.ALUMINIUM,
                round(current * 2.73 * (100 + rng.nextInt(201)), 100), soderberg || current < 160);
    }

    private void carbon(EquipmentType type) {
        long annual = type == EquipmentType.CARBON_ANODE_PLANT ? 30000 + 10000 * rng.nextInt(38) : 10000 + 5000 * rng.nextInt(11);
        String sulfur = pick(new String[] {"LOW", "LOW", "MEDIUM", "MEDIUM", "HIGH"});
        boolean desulfurization = chance(70) == 1;
        add(type, null, params("annual_t", decimal(annual), "petcoke_sulfur", sulfur, "desulfurization", desulfurization),
                type == EquipmentType.CARBON_ANODE_PLANT ? Product.CARBON_ANODE : Product.CARBON_CATHODE, annual,
                !sulfur.equals("LOW") && !desulfurization);
    }

    private void glassLine() {
        int x = rng.nextInt(100);
        String process = x < 90 ? "FLOAT" : x < 96 ? "VERTICAL_DRAWN" : "GRID";
        long melt = process.equals("FLOAT") ? Long.parseLong(pick(FLOAT_MELT)) : 50 + 10 * rng.nextInt(16);
        // a 重量箱 is 50 kg of 2 mm glass: about 20 per tonne melted at 80 % yield, 365 days a year
        add(EquipmentType.GLASS_LINE, "L" + (ordinals[EquipmentType.GLASS_LINE.ordinal()] + 1),
                params("process", process, "melt_t_per_d", decimal(melt)), Product.FLAT_GLASS,
                round(melt * 0.8 * 20 * 365, 1000), !process.equals("FLOAT"));
    }

    private void shipyard() {
        String grade = pick(SHIP_GRADES);
        boolean idle = chance(6) == 1;
        Map<String, Object> p = params("cbt3000_grade", grade, "has_orders_2y", !idle && chance(85) == 1,
                "has_site", !idle && chance(95) == 1, "has_shoreline", !idle && chance(92) == 1);
        long dwt = switch (grade.substring(0, grade.indexOf('_'))) {
            case "I" -> 500000 + 100000 * rng.nextInt(26);
            case "II" -> 100000 + 20000 * rng.nextInt(21);
            case "III" -> 20000 + 5000 * rng.nextInt(27);
            default -> 5000 + 1000 * rng.nextInt(26);
        };
        add(EquipmentType.SHIPYARD, null, p, Product.SHIP, dwt, idle);
    }

    private void coalMine() {
        long t = Long.parseLong(pick(MINE_T));
        add(EquipmentType.COAL_MINE, null, params("annual_t", decimal(t)), Product.RAW_COAL, t, false);
    }

    private void brickKiln() {
        int x = rng.nextInt(100);
        String kind = x < 45 ? "TUNNEL" : x < 75 ? "HOFFMANN" : x < 80 ? "SHAFT" : x < 82 ? "ROTARY" : x < 90 ? "CLAMP" : "EARTH";
        long bricks = kind.equals("TUNNEL") ? 3000 + 500 * rng.nextInt(19) : kind.equals("HOFFMANN")
                ? 1500 + 250 * rng.nextInt(19) : 300 + 100 * rng.nextInt(13);
        add(EquipmentType.BRICK_KILN, null, params("kiln_kind", kind), Product.BRICK, bricks,
                kind.equals("EARTH") || kind.equals("CLAMP"));
    }

    private void limeKiln() {
        int x = rng.nextInt(100);
        String kind = x < 20 ? "EARTH" : x < 75 ? "SHAFT" : "ROTARY";
        long t = kind.equals("EARTH") ? 3000 + 1000 * rng.nextInt(18) : kind.equals("SHAFT")
                ? 30000 + 10000 * rng.nextInt(18) : 200000 + 50000 * rng.nextInt(9);
        add(EquipmentType.LIME_KILN, null, params("kiln_kind", kind), Product.LIME, t, kind.equals("EARTH"));
    }

    private void boiler(boolean power) {
        String t = pick(power ? POWER_BOILER_T : BOILER_T);
        double steam = Double.parseDouble(t);
        boolean builtUp = chance(45) == 1;
        Map<String, Object> p = params("steam_t_per_h", number(t));
        if (builtUp || rng.nextBoolean()) {
            p.put("in_built_up_area", builtUp);
        }
        if (chance(30) == 1) {
            p.put("in_heat_network", true);
        }
        add(EquipmentType.COAL_BOILER, null, p, Product.STEAM, round(steam * (3000 + 500 * rng.nextInt(9)), 10),
                steam < 10 || builtUp && steam < 35);
    }

    private void add(EquipmentType type, String line, Map<String, Object> p, Product product, long capacity,
            boolean backward) {
        units.add(unit(type, line, p, product, capacity, backward));
    }

    private void add(Unit unit) {
        units.add(unit);
    }

    private Unit unit(EquipmentType type, String line, Map<String, Object> p, Product product, long capacity,
            boolean backward) {
        int n = ++ordinals[type.ordinal()];
        return new Unit(RegistryDemoCodes.equipmentPrefix(type) + "-" + (n < 10 ? "0" : "") + n, line, type, p, product,
                BigDecimal.valueOf(Math.max(1, capacity)), backward);
    }

    private void repeat(int times, Runnable item) {
        for (int i = 0; i < times; i++) {
            item.run();
        }
    }

    /** 1 with the given percentage, else 0. */
    private int chance(int percent) {
        return rng.nextInt(100) < percent ? 1 : 0;
    }

    private double between(double low, double high) {
        return low + rng.nextDouble() * (high - low);
    }

    private String pick(String[] values) {
        return values[rng.nextInt(values.length)];
    }

    private static long round(double value, long unit) {
        return Math.max(unit, Math.round(value / unit) * unit);
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(text);
    }

    private static BigDecimal decimal(double value) {
        return value == Math.rint(value) ? BigDecimal.valueOf((long) value) : BigDecimal.valueOf(value);
    }

    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return p;
    }
}
