package org.capgov.monitoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;

/**
 * Units of measurement grouped by dimension, each with its factor to the dimension's base unit. A value converts
 * only within its dimension: g/m3 → mg/m3 is ×1000; kg/t → mg/m3 is refused.
 */
public final class Units {

    record Unit(String dimension, BigDecimal factor) {
    }

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            unit("mg/m3", "concentration-gas", "1"), unit("mg/nm3", "concentration-gas", "1"),
            unit("g/m3", "concentration-gas", "1000"), unit("μg/m3", "concentration-gas", "0.001"),
            unit("ug/m3", "concentration-gas", "0.001"),
            unit("mg/l", "concentration-liquid", "1"), unit("g/l", "concentration-liquid", "1000"),
            unit("μg/l", "concentration-liquid", "0.001"), unit("ug/l", "concentration-liquid", "0.001"),
            unit("kg/t", "mass-per-mass", "1"), unit("g/t", "mass-per-mass", "0.001"), unit("t/t", "mass-per-mass", "1000"),
            unit("kgce/t", "energy-per-mass", "1"), unit("tce/t", "energy-per-mass", "1000"),
            unit("gce/t", "energy-per-mass", "0.001"),
            unit("kgce/重量箱", "energy-per-box", "1"),
            unit("kwh/t", "electricity-per-mass", "1"), unit("mwh/t", "electricity-per-mass", "1000"),
            unit("kwh", "electricity", "1"), unit("mwh", "electricity", "1000"), unit("万kwh", "electricity", "10000"),
            unit("gwh", "electricity", "1000000"),
            unit("%", "ratio", "1"),
            unit("m3/t", "volume-per-mass", "1"), unit("l/t", "volume-per-mass", "0.001"),
            unit("kj/kg", "heat-per-mass", "1"), unit("mj/kg", "heat-per-mass", "1000"),
            unit("tce/万元", "energy-per-value", "1"), unit("kgce/万元", "energy-per-value", "0.001"),
            unit("t", "mass", "1"), unit("万t", "mass", "10000"), unit("kt", "mass", "1000"),
            unit("重量箱", "weight-box", "1"), unit("万重量箱", "weight-box", "10000"),
            unit("dwt", "deadweight", "1"), unit("万块标砖", "brick", "1"),
            unit("m3", "volume", "1"), unit("m2", "area", "1"), unit("m", "length", "1"), unit("kva", "power-apparent", "1"),
            unit("t/d", "mass-per-day", "1"), unit("t/h", "mass-per-hour", "1"), unit("ka", "current", "1"),
            unit("a", "current", "0.001"));

    private static Map.Entry<String, Unit> unit(String code, String dimension, String factor) {
        return Map.entry(code, new Unit(dimension, new BigDecimal(factor)));
    }

    private Units() {
    }

    static Optional<Unit> of(String unit) {
        if (unit == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(UNITS.get(unit.trim().toLowerCase().replace("³", "3").replace("µ", "μ")));
    }

    public static boolean known(String unit) {
        return of(unit).isPresent();
    }

    public static boolean sameDimension(String a, String b) {
        return of(a).isPresent() && of(b).isPresent() && of(a).get().dimension().equals(of(b).get().dimension());
    }

    /** Converts {@code value} from {@code from} to {@code to}; empty when the units differ in dimension. */
    public static Optional<BigDecimal> convert(BigDecimal value, String from, String to) {
        Optional<Unit> f = of(from);
        Optional<Unit> t = of(to);
        if (f.isEmpty() || t.isEmpty() || !f.get().dimension().equals(t.get().dimension())) {
            return Optional.empty();
        }
        if (f.get().factor().compareTo(t.get().factor()) == 0) {
            return Optional.of(value);
        }
        return Optional.of(org.capgov.shared.Decimals.plain(
                value.multiply(f.get().factor()).divide(t.get().factor(), MathContext.DECIMAL64)));
    }
}
