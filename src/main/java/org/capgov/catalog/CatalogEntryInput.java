package org.capgov.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.shared.Decimals;
import org.capgov.shared.DomainException.FieldProblem;

/**
 * Reads the fields of a catalogue entry from a JSON body or a form (both arrive as a map of strings, numbers,
 * booleans, lists and maps). Every problem is collected with the field's name and a Chinese reason instead of
 * stopping at the first one; the values read are then checked for meaning by {@link CatalogEntryChecks}.
 */
final class CatalogEntryInput {

    private final Map<String, Object> body;
    private final String prefix;
    final List<FieldProblem> problems;

    CatalogEntryInput(Map<String, Object> body, String prefix, List<FieldProblem> problems) {
        this.body = body == null ? Map.of() : body;
        this.prefix = prefix;
        this.problems = problems;
    }

    /** Fields the body may hold; any other name is refused (a typo must not pass silently). */
    void only(Set<String> allowed) {
        for (String key : body.keySet()) {
            if (!allowed.contains(key)) {
                problem(key, key, "未知字段 " + key);
            }
        }
    }

    boolean has(String field) {
        return body.get(field) != null;
    }

    Object raw(String field) {
        return body.get(field);
    }

    void problem(String field, Object value, String reason) {
        problems.add(new FieldProblem(prefix + field, value == null ? "" : shorten(String.valueOf(value)), reason));
    }

    /** A text, trimmed; blank = null. Longer than {@code max} is refused. */
    String text(String field, int max) {
        Object v = body.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            problem(field, v, "应为文字");
            return null;
        }
        String s = String.valueOf(v).strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > max) {
            problem(field, s, "过长（最多 " + max + " 个字）");
            return null;
        }
        return s;
    }

    String required(String field, int max, String what) {
        String s = text(field, max);
        if (s == null && problems.stream().noneMatch(p -> p.field().equals(prefix + field))) {
            problem(field, "", "缺少" + what);
        }
        return s;
    }

    /** A code from a fixed list, spelt exactly as listed (the codes are a public contract); null when absent. */
    String code(String field, java.util.Collection<String> allowed, String what) {
        String s = text(field, 64);
        if (s == null) {
            return null;
        }
        if (!allowed.contains(s)) {
            problem(field, s, "不是有效的" + what + "代码（须与 docs/domain.md §4 完全一致，可用：" + String.join("、", allowed) + "）");
            return null;
        }
        return s;
    }

    LocalDate date(String field) {
        String s = text(field, 32);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problem(field, s, "日期格式应为 yyyy-MM-dd");
            return null;
        }
    }

    BigDecimal number(String field) {
        Object v = body.get(field);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        if (v instanceof Boolean || v instanceof Map || v instanceof List) {
            problem(field, v, "应为数字");
            return null;
        }
        try {
            return Decimals.plain(new BigDecimal(String.valueOf(v).strip()));
        } catch (NumberFormatException e) {
            problem(field, v, "应为数字");
            return null;
        }
    }

    /** A number or a boolean (true / false); null when absent. */
    Object numberOrBoolean(String field) {
        Object v = body.get(field);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s.strip().toLowerCase(java.util.Locale.ROOT));
        }
        return number(field);
    }

    /** A list of texts: a JSON list, or one text with values separated by commas. */
    List<String> texts(String field) {
        Object v = body.get(field);
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map || o instanceof List || o == null) {
                    problem(field, v, "应为文字列表");
                    return null;
                }
                out.add(String.valueOf(o).strip());
            }
        } else if (v instanceof Map) {
            problem(field, v, "应为文字列表");
            return null;
        } else {
            for (String s : String.valueOf(v).split("[,，、]")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    /** A nested object (citation); an absent one is an empty map. */
    @SuppressWarnings("unchecked")
    Map<String, Object> object(String field) {
        Object v = body.get(field);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map)) {
            problem(field, v, "应为对象");
            return Map.of();
        }
        return (Map<String, Object>) v;
    }

    /** A list of objects (conditions). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects(String field) {
        Object v = body.get(field);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l) || l.stream().anyMatch(o -> !(o instanceof Map))) {
            problem(field, v, "应为条件对象的列表");
            return List.of();
        }
        return (List<Map<String, Object>>) v;
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
