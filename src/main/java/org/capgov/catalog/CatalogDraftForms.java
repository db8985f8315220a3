package org.capgov.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.monitoring.Metric;
import org.capgov.registry.EquipmentType;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.shared.Industry;
import org.capgov.shared.Product;

/**
 * The draft entry forms of the pages: which fields each kind of entry has, how a posted form becomes the same body
 * the API takes (conditions are written one per line, e.g. {@code param volume_m3 < 400},
 * {@code param purpose in GENERAL,FOUNDRY_IRON}, {@code attribute workshop in ENCLOSED}, {@code airZone MAIN_CITY},
 * {@code scope PROJECT}), and how a stored entry is shown in them again.
 */
final class CatalogDraftForms {

    /** One field of a form: its input type, choices, current value and, after a refusal, the Chinese reason. */
    record FormField(String name, String type, List<String> options, String value, String error) {
    }

    static final List<String> RULE = List.of("id", "documentId", "kind", "dimension", "industry", "equipmentType",
            "subject", "metric", "when", "comparator", "limit", "unit", "severity", "deadline", "effectiveFrom",
            "effectiveTo", "confidence", "citation.section", "citation.standard", "citation.text");
    static final List<String> TARGET = List.of("id", "documentId", "kind", "industry", "product", "region", "comparator",
            "value", "unit", "deadline", "confidence", "citation.section", "citation.standard", "citation.text");
    static final List<String> DOCUMENT = List.of("id", "number", "title", "issuer", "level", "jurisdiction", "published",
            "effective", "expires", "supersededBy");

    private CatalogDraftForms() {
    }

    /** The posted form as an API body; problems in condition lines are added to {@code problems}. */
    static Map<String, Object> body(List<String> fields, Map<String, String> form, List<FieldProblem> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> citation = new LinkedHashMap<>();
        for (String f : fields) {
            String v = form.get(f);
            String value = v == null || v.isBlank() ? null : v.strip();
            if (f.startsWith("citation.")) {
                citation.put(f.substring("citation.".length()), value);
            } else if (f.equals("when")) {
                body.put("when", conditions(value, problems));
            } else {
                body.put(f, value);
            }
        }
        if (fields.contains("citation.text")) {
            body.put("citation", citation.values().stream().allMatch(x -> x == null) ? null : citation);
        }
        return body;
    }

    /** The fields of a stored entry as form values. */
    @SuppressWarnings("unchecked")
    static Map<String, String> values(Map<String, Object> stored) {
        Map<String, String> out = new LinkedHashMap<>();
        stored.forEach((k, v) -> {
            if (k.equals("citation") && v instanceof Map<?, ?> c) {
                ((Map<String, Object>) c).forEach((ck, cv) -> out.put("citation." + ck, cv == null ? "" : plain(cv)));
            } else if (k.equals("when") && v instanceof List<?> l) {
                out.put("when", lines((List<Map<String, Object>>) l));
            } else if (v != null) {
                out.put(k, plain(v));
            }
        });
        return out;
    }

    static List<FormField> form(List<String> fields, Map<String, String> values, List<FieldProblem> problems,
            List<String> documentIds, boolean editing) {
        List<FormField> out = new ArrayList<>();
        for (String f : fields) {
            String error = String.join("；", problems.stream()
                    .filter(p -> p.field() != null && (p.field().equals(f) || p.field().startsWith(f + "[")
                            || p.field().startsWith(f + ".")))
                    .map(p -> p.reason()).toList());
            List<String> options = f.equals("kind") ? (fields == TARGET ? CatalogEntryChecks.TARGET_KINDS
                    : CatalogEntryChecks.KINDS) : options(f, documentIds);
            String type = switch (f) {
                case "when", "citation.text" -> "textarea";
                case "deadline", "effectiveFrom", "effectiveTo", "published", "effective", "expires" -> "date";
                default -> options == null ? "text" : "select";
            };
            if (f.equals("id") && editing) {
                type = "readonly";
            }
            out.add(new FormField(f, type, options, values.getOrDefault(f, ""), error.isEmpty() ? null : error));
        }
        return out;
    }

    private static List<String> options(String field, List<String> documentIds) {
        return switch (field) {
            case "documentId" -> documentIds;
            case "dimension" -> names(Dimension.values());
            case "industry" -> withBlank(names(Industry.values()));
            case "equipmentType" -> withBlank(names(EquipmentType.values()));
            case "product" -> withBlank(names(Product.values()));
            case "subject" -> CatalogEntryChecks.SUBJECTS;
            case "comparator" -> withBlank(CatalogEntryChecks.COMPARATORS);
            case "severity" -> CatalogDraftService.SEVERITIES;
            case "confidence" -> CatalogEntryChecks.CONFIDENCES;
            case "level" -> CatalogEntryChecks.LEVELS;
            default -> null;
        };
    }

    /** Metric codes for the form's suggestion list. */
    static List<String> metricCodes() {
        return Arrays.stream(Metric.values()).map(Metric::code).toList();
    }

    private static List<Map<String, Object>> conditions(String text, List<FieldProblem> problems) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\\R");
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String at = "when[" + out.size() + "]";
            String[] w = line.split("\\s+", 4);
            Map<String, Object> c = new LinkedHashMap<>();
            switch (w[0]) {
                case "param" -> {
                    if (w.length == 4 && w[2].equals("in")) {
                        c.put("param", w[1]);
                        c.put("in", w[3].replace(" ", ""));
                    } else if (w.length == 4) {
                        c.put("param", w[1]);
                        c.put("op", w[2]);
                        c.put("value", w[3]);
                    } else {
                        problems.add(new FieldProblem(at, line, "参数条件写作“param 参数 in 取值1,取值2”或“param 参数 < 数值”"));
                    }
                }
                case "attribute" -> {
                    if (w.length == 4 && w[2].equals("in")) {
                        c.put("attribute", w[1]);
                        c.put("in", w[3].replace(" ", ""));
                    } else {
                        problems.add(new FieldProblem(at, line, "属性条件写作“attribute 属性 in 取值1,取值2”"));
                    }
                }
                case "airZone" -> c.put("airZone", line.substring("airZone".length()).replace(" ", ""));
                case "scope" -> c.put("scope", line.substring("scope".length()).strip());
                default -> problems.add(new FieldProblem(at, line,
                        "无法识别的条件（每行以 param、attribute、airZone 或 scope 开头）"));
            }
            out.add(c);
        }
        return out;
    }

    private static String lines(List<Map<String, Object>> conditions) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> c : conditions) {
            if (c.get("scope") != null) {
                out.add("scope " + c.get("scope"));
            } else if (c.get("airZone") != null) {
                out.add("airZone " + join(c.get("airZone")));
            } else if (c.get("attribute") != null) {
                out.add("attribute " + c.get("attribute") + " in " + join(c.get("in")));
            } else if (c.get("in") != null) {
                out.add("param " + c.get("param") + " in " + join(c.get("in")));
            } else {
                out.add("param " + c.get("param") + " " + c.get("op") + " " + plain(c.get("value")));
            }
        }
        return String.join("\n", out);
    }

    private static String join(Object list) {
        return list instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(list);
    }

    private static String plain(Object v) {
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    private static List<String> withBlank(List<String> values) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(values);
        return out;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
