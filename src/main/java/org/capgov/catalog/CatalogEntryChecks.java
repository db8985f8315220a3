package org.capgov.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.capgov.monitoring.Metric;
import org.capgov.monitoring.Units;
import org.capgov.region.AirZone;
import org.capgov.registry.EquipmentType;
import org.capgov.registry.ParameterSpec;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.shared.Industry;
import org.capgov.shared.Product;

/**
 * Builds a rule, elimination item, target or source document from its fields and checks it against the draft it
 * goes into: codes exactly as docs/domain.md §4, units of the metric's (or parameter's) dimension, the comparator set,
 * dates in order, a citation with its quoted text, and no S-confidence value as a plain VIOLATION. Every problem is
 * named by its field; with any problem the whole entry is refused (400) and nothing is stored.
 */
final class CatalogEntryChecks {

    static final List<String> COMPARATORS = List.of("<", "<=", ">", ">=", "==");
    static final List<String> CONFIDENCES = List.of("V", "S", "C");
    static final List<String> SUBJECTS = List.of("MEASUREMENT", "PARAMETER");
    static final List<String> KINDS = List.of("RULE", "ELIMINATION");
    static final List<String> SCOPES = List.of("EXISTING", "PROJECT", "BOTH");
    static final List<String> TARGET_KINDS = List.of("UTILISATION", "CAP", "ELIMINATION", "ENTERPRISE_COUNT", "SHARE");
    static final List<String> LEVELS = List.of("NATIONAL", "PROVINCIAL", "MUNICIPAL", "DISTRICT");
    static final Set<String> RULE_FIELDS = Set.of("id", "documentId", "kind", "dimension", "industry", "equipmentType",
            "subject", "metric", "parameter", "when", "comparator", "limit", "unit", "severity", "deadline",
            "effectiveFrom", "effectiveTo", "confidence", "citation");
    static final Set<String> TARGET_FIELDS = Set.of("id", "documentId", "kind", "industry", "product", "region",
            "comparator", "value", "unit", "deadline", "confidence", "citation");
    static final Set<String> DOCUMENT_FIELDS = Set.of("id", "number", "title", "issuer", "level", "jurisdiction",
            "published", "effective", "expires", "supersededBy", "seed");
    private static final String RULE_ID = "[A-Z0-9][A-Z0-9-]{1,79}";
    private static final String DOCUMENT_ID = "[a-z0-9][a-z0-9-]{1,63}";

    private CatalogEntryChecks() {
    }

    static CatalogRule rule(Map<String, Object> body, Catalog draft) {
        List<FieldProblem> problems = new ArrayList<>();
        CatalogEntryInput in = new CatalogEntryInput(body, "", problems);
        in.only(RULE_FIELDS);
        String id = in.required("id", 80, "规则编号");
        if (id != null && !id.matches(RULE_ID)) {
            in.problem("id", id, "规则编号只能由大写字母、数字和连字符组成（2 到 80 个字符）");
        }
        SourceDocument doc = document(in, draft);
        String kind = in.has("kind") ? in.code("kind", KINDS, "条目类别") : "RULE";
        boolean elimination = "ELIMINATION".equals(kind);
        String dimension = in.code("dimension", names(Dimension.values()), "维度");
        if (dimension == null && !in.has("dimension")) {
            in.problem("dimension", "", "缺少维度");
        }
        String industry = in.code("industry", names(Industry.values()), "行业");
        String typeCode = in.code("equipmentType", names(EquipmentType.values()), "设备类型");
        EquipmentType type = typeCode == null ? null : EquipmentType.valueOf(typeCode);
        if (industry == null && type == null && !in.has("industry") && !in.has("equipmentType")) {
            in.problem("industry", "", "须填写行业或设备类型");
        }
        if (elimination && type == null && !in.has("equipmentType")) {
            in.problem("equipmentType", "", "淘汰类条目须填写设备类型");
        }
        List<Condition> when = conditions(in, type);
        String subject = elimination ? "PARAMETER" : in.has("subject") ? in.code("subject", SUBJECTS, "对象") : "MEASUREMENT";
        String metric = in.has("metric") ? in.text("metric", 64) : in.text("parameter", 64);
        String comparator = null;
        Object limit = null;
        String unit = null;
        if (elimination) {
            for (String f : List.of("comparator", "limit", "unit", "metric", "parameter")) {
                if (in.has(f)) {
                    in.problem(f, in.raw(f), "淘汰类条目不设比较、限值、单位或指标（淘汰条件写在适用条件中）");
                }
            }
            metric = null;
        } else {
            comparator = in.code("comparator", COMPARATORS, "比较符");
            if (comparator == null && !in.has("comparator")) {
                in.problem("comparator", "", "缺少比较符（" + String.join(" ", COMPARATORS) + "）");
            }
            limit = in.numberOrBoolean("limit");
            if (limit == null && !in.has("limit")) {
                in.problem("limit", "", "缺少限值");
            }
            unit = in.text("unit", 24);
            if (metric == null) {
                in.problem("PARAMETER".equals(subject) ? "parameter" : "metric", "", "缺少指标或参数代码");
            } else if ("PARAMETER".equals(subject)) {
                checkParameterRule(in, type, metric, comparator, limit, unit);
            } else if ("MEASUREMENT".equals(subject)) {
                checkMetricRule(in, metric, comparator, limit, unit);
            }
        }
        String severity = in.has("severity") ? in.code("severity", CatalogDraftService.SEVERITIES, "严重程度") : "VIOLATION";
        String confidence = in.has("confidence") ? in.code("confidence", CONFIDENCES, "置信度") : "V";
        if ("S".equals(confidence) && "VIOLATION".equals(severity)) {
            in.problem("severity", severity, "置信度为 S（二手来源）的数值不能作为违规（VIOLATION）规则，请设为 ADVISORY 并核对原文");
        }
        LocalDate deadline = in.date("deadline");
        if (deadline != null && !elimination) {
            in.problem("deadline", deadline, "只有淘汰类条目有淘汰期限");
        }
        LocalDate from = in.date("effectiveFrom");
        if (from == null && doc != null) {
            from = doc.effective();
        }
        LocalDate to = in.date("effectiveTo");
        if (from != null && to != null && to.isBefore(from)) {
            in.problem("effectiveTo", to, "最后施行日不得早于生效日期 " + from);
        }
        if (from != null && deadline != null && deadline.isBefore(from)) {
            in.problem("deadline", deadline, "淘汰期限不能早于生效日期 " + from);
        }
        Citation citation = citation(in, doc);
        throwIf(problems);
        return new CatalogRule(id, doc.id(), elimination ? CatalogRule.Kind.ELIMINATION : CatalogRule.Kind.RULE,
                dimension, industry, typeCode, subject, metric, when, comparator, limit, unit, severity, deadline, from,
                to, confidence, citation);
    }

    private static void checkParameterRule(CatalogEntryInput in, EquipmentType type, String parameter,
            String comparator, Object limit, String unit) {
        String field = in.has("metric") ? "metric" : "parameter";
        if (type == null) {
            in.problem("equipmentType", "", "参数规则须填写设备类型");
            return;
        }
        ParameterSpec spec = type.parameter(parameter).orElse(null);
        if (spec == null) {
            in.problem(field, parameter, "设备类型 " + type.name() + " 没有参数 " + parameter + "（可用："
                    + String.join("、", type.parameters().stream().map(ParameterSpec::code).toList()) + "）");
            return;
        }
        switch (spec.kind()) {
            case NUMBER -> {
                if (limit instanceof Boolean) {
                    in.problem("limit", limit, "参数 " + parameter + " 是数值，限值应为数字");
                }
                if (unit == null || !(unit.equals(spec.unit()) || Units.sameDimension(spec.unit(), unit))) {
                    in.problem("unit", unit, "参数 " + parameter + " 的单位应为 " + spec.unit());
                }
            }
            case BOOLEAN -> {
                if (!(limit instanceof Boolean)) {
                    in.problem("limit", limit, "参数 " + parameter + " 是是/否参数，限值应为 true 或 false");
                }
                if (comparator != null && !"==".equals(comparator)) {
                    in.problem("comparator", comparator, "是/否参数只能用 ==");
                }
            }
            default -> in.problem(field, parameter, "参数 " + parameter + " 是枚举或文字，请用适用条件表达，而不是限值");
        }
    }

    private static void checkMetricRule(CatalogEntryInput in, String metric, String comparator, Object limit, String unit) {
        if (Metric.isRequirement(metric)) {
            if (!(limit instanceof Boolean)) {
                in.problem("limit", limit, "定性要求 " + metric + " 的限值应为 true 或 false");
            }
            if (comparator != null && !"==".equals(comparator)) {
                in.problem("comparator", comparator, "定性要求只能用 ==");
            }
            if (unit != null) {
                in.problem("unit", unit, "定性要求没有单位");
            }
            return;
        }
        Metric m = Metric.of(metric).orElse(null);
        if (m == null) {
            in.problem("metric", metric, "未知的指标代码 " + metric + "（指标代码见 docs/domain.md §4；定性要求为 req_<名称>）");
            return;
        }
        if (limit instanceof Boolean) {
            in.problem("limit", limit, "指标 " + metric + " 是数值，限值应为数字");
        }
        if (unit == null) {
            in.problem("unit", "", "缺少单位（指标 " + metric + " 的单位为 " + m.unit() + "）");
        } else if (!Units.known(unit)) {
            in.problem("unit", unit, "未知的单位 " + unit);
        } else if (!Units.sameDimension(m.unit(), unit)) {
            in.problem("unit", unit, "单位 " + unit + " 与指标 " + metric + " 的量纲不符（应为 " + m.unit() + " 或可换算的单位）");
        }
    }

    private static List<Condition> conditions(CatalogEntryInput in, EquipmentType type) {
        List<Condition> out = new ArrayList<>();
        List<Map<String, Object>> raw = in.objects("when");
        for (int i = 0; i < raw.size(); i++) {
            CatalogEntryInput c = new CatalogEntryInput(raw.get(i), "when[" + i + "].", in.problems);
            c.only(Set.of("param", "attribute", "airZone", "scope", "failing", "in", "op", "value"));
            long kinds = List.of("param", "attribute", "airZone", "scope", "failing").stream().filter(c::has).count();
            if (kinds != 1) {
                c.problem("param", raw.get(i), "每个条件须且只须是参数、属性、大气分区、范围或不达标维度之一");
                continue;
            }
            if (c.has("failing")) {
                out.add(new Condition(null, null, null, null, null, null, null,
                        c.code("failing", names(Dimension.values()), "不达标维度")));
            } else if (c.has("scope")) {
                out.add(new Condition(null, null, null, c.code("scope", SCOPES, "适用范围"), null, null, null));
            } else if (c.has("airZone")) {
                List<String> zones = c.texts("airZone");
                if (zones != null && (zones.isEmpty() || !names(AirZone.values()).containsAll(zones))) {
                    c.problem("airZone", zones, "大气分区应为 " + String.join("、", names(AirZone.values())));
                }
                out.add(new Condition(null, null, zones, null, null, null, null));
            } else if (c.has("attribute")) {
                String attribute = c.text("attribute", 40);
                if (attribute != null && !attribute.matches("[a-z][a-z0-9_]{0,39}")) {
                    c.problem("attribute", attribute, "属性代码只能由小写字母、数字和下划线组成");
                }
                List<String> values = c.texts("in");
                if (values == null || values.isEmpty()) {
                    c.problem("in", "", "属性条件须列出取值");
                }
                out.add(new Condition(null, attribute, null, null, values, null, null));
            } else {
                out.add(parameterCondition(c, type));
            }
        }
        return out;
    }

    private static Condition parameterCondition(CatalogEntryInput c, EquipmentType type) {
        String param = c.text("param", 64);
        ParameterSpec spec = type == null || param == null ? null : type.conditionable(param).orElse(null);
        if (type == null) {
            c.problem("param", param, "参数条件须先填写设备类型");
        } else if (spec == null) {
            c.problem("param", param, "设备类型 " + type.name() + " 没有参数 " + param);
        }
        List<String> values = c.texts("in");
        String op = c.has("op") ? c.code("op", COMPARATORS, "比较符") : null;
        BigDecimal value = c.number("value");
        if (values != null) {
            if (values.isEmpty()) {
                c.problem("in", "", "条件须列出取值");
            } else if (spec != null && spec.kind() == ParameterSpec.Kind.ENUM && !spec.values().containsAll(values)) {
                c.problem("in", values, "参数 " + param + " 的取值应为 " + String.join("、", spec.values()));
            } else if (spec != null && spec.kind() == ParameterSpec.Kind.BOOLEAN
                    && !List.of("true", "false").containsAll(values)) {
                c.problem("in", values, "参数 " + param + " 的取值应为 true 或 false");
            }
        } else if (op == null || value == null) {
            if (!c.has("op") && !c.has("value")) {
                c.problem("op", "", "参数条件须给出取值（in）或比较符与数值（op、value）");
            } else if (value == null && !c.has("value")) {
                c.problem("value", "", "缺少比较的数值");
            } else if (op == null && !c.has("op")) {
                c.problem("op", "", "缺少比较符");
            }
        } else if (spec != null && spec.kind() != ParameterSpec.Kind.NUMBER) {
            c.problem("op", op, "参数 " + param + " 不是数值，不能比较大小");
        }
        return new Condition(param, null, null, null, values, op, value);
    }

    private static SourceDocument document(CatalogEntryInput in, Catalog draft) {
        String documentId = in.required("documentId", 64, "依据文件");
        SourceDocument doc = documentId == null ? null : draft.documents().get(documentId);
        if (documentId != null && doc == null) {
            in.problem("documentId", documentId, "草稿中没有依据文件 " + documentId);
        }
        return doc;
    }

    private static Citation citation(CatalogEntryInput in, SourceDocument doc) {
        if (!in.has("citation")) {
            in.problem("citation", "", "缺少出处（条款与原文引文）");
            return null;
        }
        CatalogEntryInput c = new CatalogEntryInput(in.object("citation"), "citation.", in.problems);
        c.only(Set.of("document", "section", "standard", "text"));
        String section = c.required("section", 200, "条款或章节");
        String standard = c.text("standard", 200);
        String text = c.required("text", 4000, "原文引文");
        return new Citation(doc == null ? null : doc.number(), section, standard, text);
    }

    static Target target(Map<String, Object> body, Catalog draft, Predicate<String> regionExists) {
        List<FieldProblem> problems = new ArrayList<>();
        CatalogEntryInput in = new CatalogEntryInput(body, "", problems);
        in.only(TARGET_FIELDS);
        String id = in.required("id", 80, "目标编号");
        if (id != null && !id.matches(RULE_ID)) {
            in.problem("id", id, "目标编号只能由大写字母、数字和连字符组成（2 到 80 个字符）");
        }
        SourceDocument doc = document(in, draft);
        String kind = in.code("kind", TARGET_KINDS, "目标类别");
        if (kind == null && !in.has("kind")) {
            in.problem("kind", "", "缺少目标类别");
        }
        String industry = in.code("industry", names(Industry.values()), "行业");
        String product = in.code("product", names(Product.values()), "产品");
        String region = in.required("region", 12, "区划");
        if (region != null && !regionExists.test(region)) {
            in.problem("region", region, "未知的区划代码 " + region);
        }
        String comparator = in.code("comparator", COMPARATORS, "比较符");
        BigDecimal value = in.number("value");
        if (value == null && !in.has("value")) {
            in.problem("value", "", "缺少目标值");
        }
        String unit = in.required("unit", 16, "单位");
        if (unit != null && kind != null && List.of("UTILISATION", "SHARE").contains(kind) && !unit.equals("%")) {
            in.problem("unit", unit, "利用率和比重目标的单位应为 %");
        }
        if (value != null && "%".equals(unit) && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            in.problem("value", value, "百分比应在 0 到 100 之间");
        }
        LocalDate deadline = in.date("deadline");
        if (deadline != null && doc != null && doc.published() != null && deadline.isBefore(doc.published())) {
            in.problem("deadline", deadline, "期限不能早于文件发布日期 " + doc.published());
        }
        String confidence = in.has("confidence") ? in.code("confidence", CONFIDENCES, "置信度") : "V";
        Citation citation = citation(in, doc);
        throwIf(problems);
        return new Target(id, doc.id(), kind, industry, product, region, comparator, value, unit, deadline, confidence,
                citation);
    }

    static SourceDocument document(Map<String, Object> body, Catalog draft, Predicate<String> regionExists) {
        List<FieldProblem> problems = new ArrayList<>();
        CatalogEntryInput in = new CatalogEntryInput(body, "", problems);
        in.only(DOCUMENT_FIELDS);
        String id = in.required("id", 64, "文件编号");
        if (id != null && !id.matches(DOCUMENT_ID)) {
            in.problem("id", id, "文件编号只能由小写字母、数字和连字符组成（2 到 64 个字符）");
        }
        String number = in.required("number", 200, "文号");
        String title = in.required("title", 500, "标题");
        String issuer = in.required("issuer", 200, "发文机关");
        String level = in.code("level", LEVELS, "层级");
        if (level == null && !in.has("level")) {
            in.problem("level", "", "缺少层级");
        }
        String jurisdiction = in.text("jurisdiction", 12);
        if ("NATIONAL".equals(level) && jurisdiction != null) {
            in.problem("jurisdiction", jurisdiction, "国家级文件全国适用，不填区划");
        } else if (level != null && !"NATIONAL".equals(level) && jurisdiction == null) {
            in.problem("jurisdiction", "", "地方文件须填写适用区划");
        } else if (jurisdiction != null && !regionExists.test(jurisdiction)) {
            in.problem("jurisdiction", jurisdiction, "未知的区划代码 " + jurisdiction);
        }
        LocalDate published = in.date("published");
        LocalDate effective = in.date("effective");
        LocalDate expires = in.date("expires");
        if (effective == null && !in.has("effective")) {
            in.problem("effective", "", "缺少生效日期");
        }
        if (published != null && effective != null && effective.isBefore(published)) {
            in.problem("effective", effective, "生效日期不能早于发布日期 " + published);
        }
        if (effective != null && expires != null && expires.isBefore(effective)) {
            in.problem("expires", expires, "最后施行日不得早于生效日期 " + effective);
        }
        String supersededBy = in.text("supersededBy", 64);
        if (supersededBy != null && (supersededBy.equals(id) || !draft.documents().containsKey(supersededBy))) {
            in.problem("supersededBy", supersededBy, supersededBy.equals(id) ? "文件不能替代自己"
                    : "草稿中没有依据文件 " + supersededBy);
        }
        String seed = in.text("seed", 200);
        throwIf(problems);
        return new SourceDocument(id, number, title, issuer, level, jurisdiction, published, effective, expires,
                supersededBy, seed);
    }

    /** The fields of an entry as a body (what an edit is merged into). */
    static Map<String, Object> fields(Object entry, tools.jackson.databind.json.JsonMapper json) {
        Map<String, Object> out = new LinkedHashMap<>(json.convertValue(entry,
                new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
                }));
        out.values().removeIf(v -> v == null);
        return out;
    }

    private static void throwIf(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
