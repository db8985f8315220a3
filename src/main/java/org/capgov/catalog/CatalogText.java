package org.capgov.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.capgov.shared.Decimals;
import org.capgov.shared.Vocabulary;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Catalog values as people read them, for the pages ({@code ${@catalogText.conditions(rule.when)}}): conditions
 * in words such as 用途为普通炼钢生铁, comparators as ≤ ≥, metrics and limits with their names; names and units come
 * from the one {@link Vocabulary}.
 */
@Component("catalogText")
public class CatalogText {

    private final MessageSource messages;
    private final Vocabulary vocabulary;

    CatalogText(MessageSource messages, Vocabulary vocabulary) {
        this.messages = messages;
        this.vocabulary = vocabulary;
    }

    /** All conditions of a rule joined with the list separator; "—" when there are none. */
    public String conditions(List<Condition> when) {
        if (when == null || when.isEmpty()) {
            return "—";
        }
        return when.stream().map(this::condition).collect(Collectors.joining(separator()));
    }

    /** One condition in words: 用途为普通炼钢生铁、铁合金；有效容积 ≤ 400；大气分区为主城区；适用于现有产能. */
    public String condition(Condition c) {
        if (c.airZone() != null) {
            return message("catalog.cond.airZone") + message("vocabulary.oneOf", c.airZone().stream()
                    .map(z -> label("airZone.", z)).collect(Collectors.joining(listSeparator())));
        }
        if (c.failing() != null) {
            return message("catalog.cond.failing", label("dimension.", c.failing()));
        }
        if (c.param() == null && c.attribute() == null) {
            return message("catalog.cond.scope") + " " + label("catalog.scope.", String.valueOf(c.scope()));
        }
        boolean attribute = c.attribute() != null;
        String code = attribute ? c.attribute() : c.param();
        String name = attribute ? label("catalog.attribute.", code) : vocabulary.metric(code);
        if (c.in() != null) {
            String valuePrefix = attribute ? "catalog.attributeValue." + code + "." : "paramValue." + code + ".";
            return name + message("vocabulary.oneOf", c.in().stream().map(v -> value(valuePrefix, v))
                    .collect(Collectors.joining(listSeparator())));
        }
        return name + " " + comparator(c.op()) + " " + number(c.value());
    }

    /** ≤ for {@code <=}, ≥ for {@code >=}, = for {@code ==}. */
    public String comparator(String op) {
        return vocabulary.comparator(op);
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
        String name = optional("catalog.metric." + rule.metric());
        return name == null && rule.metric().startsWith("req_") ? message("catalog.metric.requirement") : name;
    }

    private String value(String prefix, String v) {
        if ("true".equals(v) || "false".equals(v)) {
            return message("true".equals(v) ? "common.yes" : "common.no");
        }
        String name = optional(prefix + v);
        return name == null ? v : name;
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
