package org.capgov.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capgov.registry.Enterprise;
import org.capgov.registry.Equipment;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.shared.Product;
import org.capgov.shared.ChinaTime;

/**
 * Checks one measurement draft on its own (the enterprise is already resolved in the caller's scope) and normalises
 * it: the value converted to the metric's unit, the dates parsed, attributes checked. Problems are added with the
 * draft's field names (uscc, metric, value, unit, …) and Chinese reasons; the caller prefixes them (items[3].unit)
 * or maps them to import columns.
 */
final class MeasurementValidator {

    static final int MAX_ATTRIBUTES = 20;
    static final int MAX_ATTRIBUTE_VALUE = 100;
    static final int MAX_DOCUMENT_REF = 200;
    /** numeric(20, 6): 14 digits before the point. */
    private static final BigDecimal MAX_VALUE = new BigDecimal("1e14");
    /** Clocks of reporting systems run a little ahead; a moment this far in the future is still "now". */
    private static final long CLOCK_SKEW_SECONDS = 300;
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]{1,3})?");
    private static final Pattern DATE = Pattern.compile("([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})");
    private static final Pattern LOCAL_TIME = Pattern.compile(
            "([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?:[T ]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\\.[0-9]{1,9})?)?)?");
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Map<String, String> WORKSHOP = Map.of("ENCLOSED", "ENCLOSED", "OPEN", "OPEN", "有厂房", "ENCLOSED",
            "无完整厂房", "OPEN");
    private static final Map<String, String> MONITORING_POINT = Map.of("BOUNDARY", "BOUNDARY", "STACK", "STACK",
            "厂界", "BOUNDARY", "排放口", "STACK");

    private MeasurementValidator() {
    }

    /**
     * Validates {@code d} for enterprise {@code e}; {@code equipmentOf} finds the enterprise's item by code. Returns
     * the normalised measurement, or empty with the problems added to {@code problems}.
     */
    static Optional<ValidMeasurement> validate(MeasurementDraft d, Enterprise e,
            Function<String, Optional<Equipment>> equipmentOf, OffsetDateTime now, List<FieldProblem> problems) {
        int before = problems.size();
        Equipment equipment = null;
        String code = blankToNull(d.equipmentCode());
        if (code != null) {
            equipment = equipmentOf.apply(code).orElse(null);
            if (equipment == null) {
                problems.add(new FieldProblem("equipmentCode", code, "企业 " + e.uscc() + " 没有编号为 " + code + " 的设备"));
            }
        }
        Map<String, String> attributes = attributes(d.attributes(), problems);
        String metric = blankToNull(d.metric()) == null ? null : d.metric().strip().toLowerCase(Locale.ROOT);
        Optional<Metric> known = Metric.of(metric);
        boolean requirement = Metric.isRequirement(metric);
        if (metric == null) {
            problems.add(new FieldProblem("metric", "", "缺少指标代码"));
        } else if (known.isEmpty() && !requirement) {
            problems.add(new FieldProblem("metric", d.metric(), "未知指标代码「" + d.metric().strip()
                    + "」；可用 DOMAIN 指标代码（如 so2_conc、clinker_energy、electricity_use）或 req_<名称> 要求类指标"));
        }
        BigDecimal value = null;
        Boolean flag = null;
        String unit = null;
        String originalValue = original(d.value());
        String originalUnit = blankToNull(d.unit());
        if (requirement) {
            flag = flag(d.value());
            if (flag == null) {
                problems.add(new FieldProblem("value", originalValue == null ? "" : originalValue,
                        "要求类指标 " + metric + " 的值应为 true / false（是 / 否）"));
            }
            if (originalUnit != null) {
                problems.add(new FieldProblem("unit", originalUnit, "要求类指标 " + metric + " 没有单位，请留空"));
            }
        } else if (known.isPresent()) {
            String expected = expectedUnit(known.get(), attributes, problems);
            BigDecimal given = number(d.value());
            if (given == null) {
                problems.add(new FieldProblem("value", originalValue == null ? "" : originalValue,
                        originalValue == null ? "缺少数值" : "数值「" + originalValue + "」不是数字"));
            } else if (given.signum() < 0) {
                problems.add(new FieldProblem("value", originalValue, "测量值不能为负数"));
            }
            String from = originalUnit == null ? expected : originalUnit;
            if (expected != null && !Units.known(from)) {
                problems.add(new FieldProblem("unit", from, "未知单位「" + from + "」（指标 " + metric + " 的单位为 "
                        + expected + "）"));
            } else if (expected != null && !Units.sameDimension(from, expected)) {
                problems.add(new FieldProblem("unit", from, "单位「" + from + "」与指标 " + metric + " 的量纲不符，无法换算为 "
                        + expected));
            } else if (expected != null && given != null && given.signum() >= 0) {
                value = Units.convert(given, from, expected).orElseThrow().setScale(6, RoundingMode.HALF_UP);
                unit = expected;
                if (value.compareTo(MAX_VALUE) >= 0) {
                    problems.add(new FieldProblem("value", originalValue, "数值过大（换算为 " + expected + " 后须小于 10^14）"));
                }
            }
        }
        OffsetDateTime measuredAt = null;
        String at = blankToNull(d.measuredAt());
        if (at != null) {
            measuredAt = moment(at);
            if (measuredAt == null) {
                problems.add(new FieldProblem("measuredAt", at,
                        "时间格式无效；应为 2016-06-30T10:00:00+08:00 或 2016-06-30 10:00（北京时间）"));
            } else if (measuredAt.isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS))) {
                problems.add(new FieldProblem("measuredAt", at, "测量时间不能晚于当前时间"));
            } else {
                String given = at;
                org.capgov.shared.PlausibleInput.dateProblem(measuredAt.atZoneSameInstant(ChinaTime.ZONE).toLocalDate())
                        .ifPresent(r -> problems.add(new FieldProblem("measuredAt", given, "测量" + r)));
            }
        }
        LocalDate start = date("periodStart", d.periodStart(), problems);
        LocalDate end = date("periodEnd", d.periodEnd(), problems);
        LocalDate today = now.atZoneSameInstant(ChinaTime.ZONE).toLocalDate();
        if (at == null && end == null && blankToNull(d.periodEnd()) == null) {
            problems.add(new FieldProblem(start != null ? "periodEnd" : "measuredAt", "",
                    start != null ? "填写了期间开始，还须填写期间结束" : "须填写测量时间，或统计期间（至少期间结束）"));
        }
        if (start != null && end != null && start.isAfter(end)) {
            problems.add(new FieldProblem("periodStart", d.periodStart(), "期间开始 " + start + " 晚于期间结束 " + end));
        }
        if (end != null && end.isAfter(today)) {
            problems.add(new FieldProblem("periodEnd", d.periodEnd(), "期间结束不能晚于今天（" + today + "）"));
        }
        MeasurementSource source = null;
        if (blankToNull(d.source()) == null) {
            problems.add(new FieldProblem("source", "", "缺少数据来源；可选 " + choices(MeasurementSource.values())));
        } else {
            source = MeasurementSource.parse(d.source()).orElse(null);
            if (source == null) {
                problems.add(new FieldProblem("source", d.source(), "未知数据来源「" + d.source().strip() + "」；可选 "
                        + choices(MeasurementSource.values())));
            }
        }
        Validity validity = Validity.VALID;
        if (blankToNull(d.validity()) != null) {
            validity = Validity.parse(d.validity()).orElse(null);
            if (validity == null) {
                problems.add(new FieldProblem("validity", d.validity(), "未知有效性「" + d.validity().strip()
                        + "」；可选 VALID（有效）、SUSPECT（存疑）、INVALID（无效）"));
            }
        }
        String documentRef = blankToNull(d.documentRef());
        if (documentRef != null && documentRef.length() > MAX_DOCUMENT_REF) {
            problems.add(new FieldProblem("documentRef", documentRef, "文件编号过长（" + documentRef.length() + " 字，上限 "
                    + MAX_DOCUMENT_REF + " 字）"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        LocalDate effective = end != null ? end : measuredAt.atZoneSameInstant(ChinaTime.ZONE).toLocalDate();
        return Optional.of(new ValidMeasurement(e.id(), e.uscc(), e.regionPath(), equipment == null ? null : equipment.id(),
                equipment == null ? null : equipment.code(), metric, value, flag, unit, originalValue, originalUnit,
                measuredAt, start, end, source, validity, attributes, documentRef, effective));
    }

    /** The metric's unit; capacity_output is counted in its product's unit, so it needs the product attribute. */
    private static String expectedUnit(Metric metric, Map<String, String> attributes, List<FieldProblem> problems) {
        if (metric != Metric.CAPACITY_OUTPUT) {
            return metric.unit();
        }
        String product = attributes.get("product");
        if (product == null) {
            problems.add(new FieldProblem("attributes.product", "", "产量（capacity_output）须注明产品属性 product，如 "
                    + "product=CRUDE_STEEL"));
            return null;
        }
        try {
            return Product.valueOf(product).unit();
        } catch (IllegalArgumentException ex) {
            problems.add(new FieldProblem("attributes.product", product, "未知产品代码「" + product + "」"));
            return null;
        }
    }

    private static Map<String, String> attributes(Map<String, String> given, List<FieldProblem> problems) {
        Map<String, String> out = new TreeMap<>();
        if (given == null) {
            return out;
        }
        if (given.size() > MAX_ATTRIBUTES) {
            problems.add(new FieldProblem("attributes", Integer.toString(given.size()), "属性最多 " + MAX_ATTRIBUTES + " 项"));
            return out;
        }
        for (Map.Entry<String, String> a : given.entrySet()) {
            String key = a.getKey() == null ? "" : a.getKey().strip().toLowerCase(Locale.ROOT);
            String value = a.getValue() == null ? "" : a.getValue().strip();
            if (!ATTRIBUTE_KEY.matcher(key).matches()) {
                problems.add(new FieldProblem("attributes", a.getKey(), "属性名「" + a.getKey()
                        + "」无效：须以字母开头，由小写字母、数字、下划线组成，至多 40 字"));
                continue;
            }
            if (value.isEmpty()) {
                continue;
            }
            if (value.length() > MAX_ATTRIBUTE_VALUE) {
                problems.add(new FieldProblem("attributes." + key, value, "属性值过长（上限 " + MAX_ATTRIBUTE_VALUE + " 字）"));
                continue;
            }
            if (key.equals("workshop") || key.equals("monitoring_point") || key.equals("product")) {
                Map<String, String> allowed = key.equals("workshop") ? WORKSHOP
                        : key.equals("monitoring_point") ? MONITORING_POINT : null;
                String upper = value.toUpperCase(Locale.ROOT);
                if (allowed != null && !allowed.containsKey(upper)) {
                    problems.add(new FieldProblem("attributes." + key, value, key.equals("workshop")
                            ? "workshop 应为 ENCLOSED（有厂房）或 OPEN（无完整厂房）"
                            : "monitoring_point 应为 BOUNDARY（厂界）或 STACK（排放口）"));
                    continue;
                }
                value = allowed == null ? upper : allowed.get(upper);
            }
            if (out.containsKey(key)) {
                problems.add(new FieldProblem("attributes." + key, value, "属性 " + key + " 重复填写"));
                continue;
            }
            out.put(key, value);
        }
        return out;
    }

    /** A moment: ISO 8601 with offset, or a local date[-time] read as China time. */
    static OffsetDateTime moment(String s) {
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            // not with an offset: try a local date-time
        }
        Matcher m = LOCAL_TIME.matcher(s);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return local.atZone(ChinaTime.ZONE).toOffsetDateTime();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate date(String field, String given, List<FieldProblem> problems) {
        String s = blankToNull(given);
        if (s == null) {
            return null;
        }
        Matcher m = DATE.matcher(s);
        try {
            if (m.matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                var implausible = org.capgov.shared.PlausibleInput.dateProblem(d);
                if (implausible.isEmpty()) {
                    return d;
                }
                problems.add(new FieldProblem(field, s, implausible.get()));
                return null;
            }
        } catch (DateTimeException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, s, "日期「" + s + "」无效；应为 yyyy-MM-dd，如 2015-12-31"));
        return null;
    }

    private static BigDecimal number(Object v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Number n) {
            return NUMBER.matcher(n.toString()).matches() ? new BigDecimal(n.toString()) : null;
        }
        if (v instanceof String s && NUMBER.matcher(s.strip()).matches()) {
            return new BigDecimal(s.strip());
        }
        return null;
    }

    private static Boolean flag(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v == null ? "" : v.toString().strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "是", "1", "yes", "y", "达标", "符合" -> Boolean.TRUE;
            case "false", "否", "0", "no", "n", "不达标", "不符合" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String original(Object v) {
        if (v == null) {
            return null;
        }
        String s = v instanceof BigDecimal b ? b.toPlainString() : v.toString().strip();
        return s.isEmpty() ? null : s.length() > 200 ? s.substring(0, 199) + "…" : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String choices(Enum<?>[] values) {
        StringBuilder b = new StringBuilder();
        for (Enum<?> v : values) {
            b.append(b.isEmpty() ? "" : "、").append(v.name()).append("（")
                    .append(v instanceof MeasurementSource s ? s.nameZh() : ((Validity) v).nameZh()).append("）");
        }
        return b.toString();
    }
}
