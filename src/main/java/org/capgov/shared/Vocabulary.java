package org.capgov.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place where codes become words: codes of the controlled vocabulary (docs/domain.md §4) to their Chinese or
 * English names, units as people write them (m³, t/d, kgce/t), limits as "≥ 400 m³", parameter values by name and
 * field names of error messages. Pages reach it as {@code ${@labels.of('dimension.', d)}}; exports, notices and
 * documents call it with {@link Locale#SIMPLIFIED_CHINESE}. Names live in the i18n bundles (vocabulary, registry,
 * catalog and the other areas); a code without a name is shown as it is, so a missing name is visible, not hidden.
 */
@Component("labels")
public class Vocabulary {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ChinaTime.ZONE);
    /** m3 → m³ and m2 → m² where the digit is a power of metres (mg/m3, m3/t), not part of a number or word. */
    private static final Pattern POWER = Pattern.compile("(?<![A-Za-z0-9])m([23])(?![0-9A-Za-z])");

    private final MessageSource messages;

    public Vocabulary(MessageSource messages) {
        this.messages = messages;
    }

    /** The name of a code under a prefix ({@code dimension.}, {@code industry.}…) in the page's language. */
    public String of(String prefix, Object code) {
        return in(locale(), prefix, code);
    }

    /** The name of a code in the given language; the code itself when the bundles have no name for it. */
    public String in(Locale locale, String prefix, Object code) {
        if (code == null) {
            return "";
        }
        return messages.getMessage(prefix + code, null, String.valueOf(code), locale);
    }

    /** Names of several codes, sorted by code, joined with the list separator of the language. */
    public String join(String prefix, Collection<?> codes) {
        return codes.stream().map(String::valueOf).sorted().map(c -> of(prefix, c))
                .collect(Collectors.joining(listSeparator(locale())));
    }

    /** A moment as local time in China, e.g. 2026-11-23 20:34; "—" for null. */
    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** The name of a measured metric or of an equipment parameter: 高炉工序能耗, 有效容积. */
    public String metric(String code) {
        return metric(locale(), code);
    }

    public String metric(Locale locale, String code) {
        if (code == null) {
            return "";
        }
        String name = optional(locale, "catalog.metric." + code);
        if (name == null) {
            name = optional(locale, "param." + code);
        }
        return name == null ? code : name;
    }

    /** A unit as people write it: m³ for m3, mg/m³ for mg/m3; units without powers unchanged (kgce/t, t/d). */
    public String unit(String unit) {
        return unit(locale(), unit);
    }

    public String unit(Locale locale, String unit) {
        if (unit == null || unit.isBlank()) {
            return "";
        }
        String name = optional(locale, "unit." + unit);
        return name != null ? name : POWER.matcher(unit).replaceAll(m -> "2".equals(m.group(1)) ? "m²" : "m³");
    }

    /** ≤ ≥ = ≠ for the comparators of the catalogue. */
    public String comparator(String op) {
        if (op == null) {
            return "";
        }
        return switch (op) {
            case "<=" -> "≤";
            case ">=" -> "≥";
            case "==" -> "=";
            case "!=" -> "≠";
            default -> op;
        };
    }

    /** A number without trailing zeros or exponent, with its unit: 400 m³, 1.19 kg/t. */
    public String amount(Object value, String unit) {
        return amount(locale(), value, unit);
    }

    public String amount(Locale locale, Object value, String unit) {
        if (value == null) {
            return "—";
        }
        String u = unit(locale, unit);
        String v = number(value);
        return u.isEmpty() ? v : u.equals("%") ? v + "%" : v + " " + u;
    }

    /**
     * What a rule requires, in words: "≥ 400 m³"; for a check-list item (limit true) 须满足; for elimination by
     * parameter value the values by name: 为 复二重线材、横列式线材.
     */
    public String limit(String param, String comparator, Object limit, String unit) {
        return limit(locale(), param, comparator, limit, unit);
    }

    public String limit(Locale locale, String param, String comparator, Object limit, String unit) {
        if (limit == null && comparator == null) {
            return "";
        }
        if (limit instanceof Boolean b) {
            boolean required = "!=".equals(comparator) != b;
            return message(locale, required ? "vocabulary.required" : "vocabulary.notAllowed");
        }
        if ("in".equals(comparator) || limit instanceof Collection<?>) {
            return message(locale, "vocabulary.oneOf", values(locale, param, limit));
        }
        return comparator(comparator) + " " + amount(locale, limit, unit);
    }

    /** An observed value: a number with its unit (350 m³), a parameter value by name, 是 / 否; "—" when missing. */
    public String observed(String param, Object value, String unit) {
        return observed(locale(), param, value, unit);
    }

    public String observed(Locale locale, String param, Object value, String unit) {
        if (value == null || String.valueOf(value).isBlank()) {
            return "—";
        }
        return isNumber(value) ? amount(locale, value, unit) : value(locale, param, value);
    }

    private static boolean isNumber(Object value) {
        if (value instanceof Number) {
            return true;
        }
        try {
            new BigDecimal(String.valueOf(value));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A parameter's value by name (复二重线材 for mill_type DOUBLE_DUO_WIRE), 是 / 否 for booleans, plain numbers. */
    public String value(String param, Object value) {
        return value(locale(), param, value);
    }

    public String value(Locale locale, String param, Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Boolean || "true".equals(value) || "false".equals(value)) {
            return message(locale, Boolean.parseBoolean(String.valueOf(value)) ? "common.yes" : "common.no");
        }
        if (value instanceof Number) {
            return number(value);
        }
        String name = param == null ? null : optional(locale, "paramValue." + param + "." + value);
        return name == null ? String.valueOf(value) : name;
    }

    /** Several values of a parameter by name, joined with the list separator. */
    public String values(Locale locale, String param, Object values) {
        if (values instanceof Collection<?> c) {
            return c.stream().map(v -> value(locale, param, v)).collect(Collectors.joining(listSeparator(locale)));
        }
        String s = String.valueOf(values).replaceAll("^\\[|]$", "");
        return java.util.Arrays.stream(s.split("\\s*,\\s*")).map(v -> value(locale, param, v))
                .collect(Collectors.joining(listSeparator(locale)));
    }

    /** The name of an input field for error messages: 期限 for deadline; the code where none is known. */
    public String field(Locale locale, String field) {
        return field == null ? "" : messages.getMessage("field." + field, null, field, locale);
    }

    public static String listSeparator(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "、" : ", ";
    }

    private static String number(Object value) {
        if (value instanceof BigDecimal d) {
            return Decimals.plain(d).toPlainString();
        }
        if (value instanceof Number n) {
            return Decimals.plain(new BigDecimal(n.toString())).toPlainString();
        }
        String s = String.valueOf(value);
        try {
            return Decimals.plain(new BigDecimal(s)).toPlainString();
        } catch (NumberFormatException e) {
            return s;
        }
    }

    private String optional(Locale locale, String key) {
        return messages.getMessage(key, null, null, locale);
    }

    private String message(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
