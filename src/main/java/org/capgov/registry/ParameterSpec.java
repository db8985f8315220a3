package org.capgov.registry;

import java.math.BigDecimal;
import java.util.List;

/**
 * One parameter of an equipment type: a number in a fixed unit within a range, one of listed codes, a boolean or a
 * short text. Optional parameters may have a default that is stored when the value is missing.
 */
public record ParameterSpec(String code, String nameZh, Kind kind, String unit, BigDecimal min, BigDecimal max,
        List<String> values, boolean required, Object defaultValue) {

    public enum Kind { NUMBER, ENUM, BOOLEAN, TEXT }

    static ParameterSpec number(String code, String nameZh, String unit, double min, double max) {
        return new ParameterSpec(code, nameZh, Kind.NUMBER, unit, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
                List.of(), true, null);
    }

    static ParameterSpec optionalNumber(String code, String nameZh, String unit, double min, double max) {
        return new ParameterSpec(code, nameZh, Kind.NUMBER, unit, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
                List.of(), false, null);
    }

    static ParameterSpec oneOf(String code, String nameZh, String... values) {
        return new ParameterSpec(code, nameZh, Kind.ENUM, null, null, null, List.of(values), true, null);
    }

    static ParameterSpec oneOfDefault(String code, String nameZh, String defaultValue, String... values) {
        return new ParameterSpec(code, nameZh, Kind.ENUM, null, null, null, List.of(values), false, defaultValue);
    }

    static ParameterSpec flag(String code, String nameZh, boolean defaultValue) {
        return new ParameterSpec(code, nameZh, Kind.BOOLEAN, null, null, null, List.of(), false, defaultValue);
    }

    /** A yes / no fact that stays unknown (absent) until it is recorded. */
    static ParameterSpec optionalFlag(String code, String nameZh) {
        return new ParameterSpec(code, nameZh, Kind.BOOLEAN, null, null, null, List.of(), false, null);
    }

    static ParameterSpec requiredFlag(String code, String nameZh) {
        return new ParameterSpec(code, nameZh, Kind.BOOLEAN, null, null, null, List.of(), true, null);
    }

    static ParameterSpec text(String code, String nameZh, String pattern) {
        return new ParameterSpec(code, nameZh, Kind.TEXT, null, null, null, List.of(pattern), false, null);
    }
}
