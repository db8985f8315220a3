package org.capgov.registry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.capgov.shared.Codes;

/**
 * Checks the parameters of one equipment item against its type and returns them normalised (numbers as
 * BigDecimal, booleans as Boolean, codes upper-case, defaults filled in), or the violations found.
 */
public final class ParameterValidator {

    public record Result(Map<String, Object> parameters, List<Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    /** The patterns of text parameters, compiled once instead of on every row of an import. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private ParameterValidator() {
    }

    public static Result validate(EquipmentType type, Map<String, ?> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        Map<String, ?> given = raw == null ? Map.of() : raw;
        for (String code : given.keySet()) {
            if (type.parameter(code).isEmpty()) {
                violations.add(new Violation("parameters." + code, String.valueOf(given.get(code)),
                        "设备类型 " + type.name() + "（" + type.nameZh() + "）没有参数 " + code + "；可用参数："
                                + String.join("、", type.parameters().stream().map(ParameterSpec::code).toList())));
            }
        }
        for (ParameterSpec spec : type.parameters()) {
            Object value = given.get(spec.code());
            if (value == null || (value instanceof String s && s.isBlank())) {
                if (spec.required()) {
                    violations.add(new Violation("parameters." + spec.code(), "", "缺少必填参数 " + spec.code() + "（"
                            + spec.nameZh() + (spec.unit() == null ? "" : "，单位 " + spec.unit()) + "）"));
                } else if (spec.defaultValue() != null) {
                    out.put(spec.code(), spec.defaultValue());
                }
                continue;
            }
            Object normalised = normalise(spec, value, violations);
            if (normalised != null) {
                out.put(spec.code(), normalised);
            }
        }
        return new Result(out, violations);
    }

    private static Object normalise(ParameterSpec spec, Object value, List<Violation> violations) {
        String field = "parameters." + spec.code();
        String text = String.valueOf(value).trim();
        switch (spec.kind()) {
            case NUMBER -> {
                BigDecimal number;
                try {
                    number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(text);
                } catch (NumberFormatException e) {
                    violations.add(new Violation(field, text, spec.code() + " 应为数字（单位 " + spec.unit() + "）"));
                    return null;
                }
                if (number.compareTo(spec.min()) < 0 || number.compareTo(spec.max()) > 0) {
                    violations.add(new Violation(field, text, spec.code() + " 应在 " + spec.min().stripTrailingZeros().toPlainString()
                            + " 到 " + spec.max().stripTrailingZeros().toPlainString() + " " + spec.unit() + " 之间"));
                    return null;
                }
                return org.capgov.shared.Decimals.plain(number);
            }
            case ENUM -> {
                String code = Codes.upper(text);
                if (!spec.values().contains(code)) {
                    violations.add(new Violation(field, text, spec.code() + " 的取值应为 " + String.join(" / ", spec.values())));
                    return null;
                }
                return code;
            }
            case BOOLEAN -> {
                Boolean b = value instanceof Boolean bool ? bool : parseBoolean(text);
                if (b == null) {
                    violations.add(new Violation(field, text, spec.code() + " 应为 true / false（是 / 否）"));
                }
                return b;
            }
            case TEXT -> {
                String code = Codes.upper(text);
                if (!PATTERNS.computeIfAbsent(spec.values().get(0), Pattern::compile).matcher(code).matches()
                        || code.length() > 32) {
                    violations.add(new Violation(field, text, spec.code() + " 格式不正确（例如 III_1）"));
                    return null;
                }
                return code;
            }
            default -> throw new IllegalStateException();
        }
    }

    /** true/false, 1/0, 是/否, Y/N. */
    public static Boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "是", "y", "yes" -> Boolean.TRUE;
            case "false", "0", "否", "n", "no" -> Boolean.FALSE;
            default -> null;
        };
    }
}
