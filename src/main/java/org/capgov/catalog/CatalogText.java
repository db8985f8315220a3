package org.capgov.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.capgov.shared.Decimals;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Catalog values as people read them, for the pages ({@code ${@catalogText.conditions(rule.when)}}): conditions
 * such as 参数 purpose（用途）∈ {GENERAL（普通炼钢生铁）}, comparators as ≤ ≥, metrics and limits with their names.
 */
@Component("catalogText")
public class CatalogText {

    private final MessageSource messages;

    CatalogText(MessageSource messages) {
        this.messages = messages;
    }

    /** All conditions of a rule joined with the list separator; "—" when there are none. */
    public String conditions(List<Condition> when) {
        if (when == null || when.isEmpty()) {
            return "—";
        }
        return when.stream().map(this::condition).collect(Collectors.joining(separator()));
    }

    public String condition(Condition c) {
        if (c.airZone() != null) {
            return message("catalog.cond.airZone") + " ∈ {" + c.airZone().stream().map(z -> label("airZone.", z))
                    .collect(Collectors.joining(listSeparator())) + "}";
        }
        if (c.param() == null && c.attribute() == null) {
            return message("catalog.cond.scope") + " " + label("catalog.scope.", String.valueOf(c.scope()));
        }
        boolean attribute = c.attribute() != null;
        String code = attribute ? c.attribute() : c.param();
        String name = attribute ? optional("catalog.attribute." + code) : optional("param." + code);
        String subject = message(attribute ? "catalog.cond.attribute" : "catalog.cond.param") + " " + code
                + (name == null ? "" : message("catalog.paren", name));
        if (c.in() != null) {
            String valuePrefix = attribute ? "catalog.attributeValue." + code + "." : "paramValue." + code + ".";
            return subject + " ∈ {" + c.in().stream().map(v -> value(valuePrefix, v))
                    .collect(Collectors.joining(listSeparator())) + "}";
        }
        return subject + " " + comparator(c.op()) + " " + number(c.value());
    }

    /** ≤ for {@code <=}, ≥ for {@code >=}, = for {@code ==}. */
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

    /** A limit or target value: plain numbers, 是 / 否 for the boolean check-list rules. */
    public String value(Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof Boolean b) {
            return message(b ? "common.yes" : "common.no");
        }
        if (v instanceof BigDecimal d) {
            return number(d);
        }
        return String.valueOf(v);
    }

    /** True for the limit of a boolean check-list rule (req_*). */
    public boolean isBoolean(Object limit) {
        return limit instanceof Boolean;
    }

    /** The name of a metric (measured) or of an equipment parameter (PARAMETER rules), or null when unnamed. */
    public String metric(CatalogRule rule) {
        if (rule.metric() == null) {
            return null;
        }
        if ("PARAMETER".equals(rule.subject())) {
            return optional("param." + rule.metric());
        }
        if (rule.metric().startsWith("req_")) {
            return message("catalog.metric.requirement");
        }
        return optional("catalog.metric." + rule.metric());
    }

    private String value(String prefix, String v) {
        if ("true".equals(v) || "false".equals(v)) {
            return message("true".equals(v) ? "common.yes" : "common.no");
        }
        String name = optional(prefix + v);
        return name == null ? v : v + message("catalog.paren", name);
    }

    private static String number(BigDecimal d) {
        return d == null ? "" : Decimals.plain(d).toPlainString();
    }

    private String label(String prefix, String code) {
        String name = optional(prefix + code);
        return name == null ? code : name;
    }

    private String separator() {
        return "zh".equals(locale().getLanguage()) ? "；" : "; ";
    }

    private String listSeparator() {
        return "zh".equals(locale().getLanguage()) ? "、" : ", ";
    }

    private String optional(String key) {
        return messages.getMessage(key, null, null, locale());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
