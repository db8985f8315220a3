package org.capgov.telemetry.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pollutant factor codes of HJ 212-2017 with their HJ/T 212-2005 equivalents and the unit the standard sends them in
 * (docs/reference/hj212.md §5): gas concentrations in mg/m³, water in mg/L, heavy metals in µg/L. A unit left null is
 * not given by the reference (flows, temperatures), so such a factor is not converted to a metric.
 */
public final class Hj212Factors {

    /** One factor: its 2017 code, its 2005 code (null when the reference gives none) and its unit. */
    public record Factor(String code, String code2005, String unit) {
    }

    private static final List<Factor> ALL = List.of(
            new Factor("a00000", "B02", null), new Factor("a01011", "S02", null), new Factor("a01012", "S03", null),
            new Factor("a01013", "S08", null), new Factor("a01014", "S05", "%"), new Factor("a19001", "S01", "%"),
            new Factor("a21026", "02", "mg/m3"), new Factor("a21002", "03", "mg/m3"), new Factor("a21003", null, "mg/m3"),
            new Factor("a21004", null, "mg/m3"), new Factor("a21005", "04", "mg/m3"), new Factor("a34013", "01", "mg/m3"),
            new Factor("a24088", null, "mg/m3"), new Factor("a05001", "30", "mg/m3"), new Factor("a21024", "08", "mg/m3"),
            new Factor("a21001", "10", "mg/m3"), new Factor("a01010", "37", null),
            new Factor("w00000", "B01", null), new Factor("w01001", "001", null), new Factor("w01018", "011", "mg/L"),
            new Factor("w21003", "060", "mg/L"), new Factor("w21011", "101", "mg/L"), new Factor("w21001", "065", "mg/L"),
            new Factor("w01012", "003", "mg/L"), new Factor("w01017", "010", "mg/L"), new Factor("w01020", "015", "mg/L"),
            new Factor("w22001", "080", "mg/L"), new Factor("w23002", "110", "mg/L"), new Factor("w20116", "023", "mg/L"),
            new Factor("w20117", "024", "μg/L"), new Factor("w20111", "020", "μg/L"), new Factor("w20115", "022", "μg/L"),
            new Factor("w20119", "026", "μg/L"), new Factor("w20120", "027", "μg/L"));

    /** The oxygen factor whose reading converts stack concentrations to the reference oxygen content. */
    public static final String OXYGEN = "a19001";

    private static final Map<String, Factor> BY_CODE = new HashMap<>();
    private static final Map<String, Factor> BY_2005 = new HashMap<>();

    static {
        for (Factor f : ALL) {
            BY_CODE.put(f.code(), f);
            if (f.code2005() != null) {
                BY_2005.put(f.code2005(), f);
            }
        }
    }

    private Hj212Factors() {
    }

    public static Optional<Factor> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The 2017 code of a 2005 code; empty when it is not one. */
    public static Optional<String> from2005(String code) {
        return Optional.ofNullable(BY_2005.get(code)).map(Factor::code);
    }

    /** The unit a factor is sent in: the table's, else by prefix (gas mg/m³, water mg/L); null when not known. */
    public static String unit(String code) {
        Factor f = BY_CODE.get(code);
        if (f != null) {
            return f.unit();
        }
        return code.startsWith("a") ? "mg/m3" : code.startsWith("w") ? "mg/L" : null;
    }

    /** True for gas pollutant concentrations measured at a stack, whose limits apply at reference oxygen. */
    public static boolean isStackConcentration(String code) {
        return code.equals("a21026") || code.equals("a21002") || code.equals("a34013");
    }
}
