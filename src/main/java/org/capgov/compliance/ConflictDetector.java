package org.capgov.compliance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.capgov.catalog.CatalogRule;
import org.capgov.catalog.Catalog;
import org.capgov.catalog.SourceDocument;

/**
 * Finds rules that contradict each other at the same point (same subject and metric): requirements no value can
 * meet together, or two documents of the same level and jurisdiction giving different limits in the same
 * direction. A stricter local limit beside a national one is not a contradiction (the stricter one binds).
 * An elimination item that catches equipment an access rule admits is a contradiction too (issue 13 item 3: seed
 * 000 admits a 400 m³ blast furnace, 产业结构调整指导目录（2011年本）eliminates ≤ 400 m³).
 */
final class ConflictDetector {

    private ConflictDetector() {
    }

    static final String ELIMINATION_ADMITTED = "淘汰类目淘汰了准入条件允许的装备：该装备符合准入规则，却被淘汰类目列为淘汰";

    static List<Conflict> detect(Catalog catalogue, List<Finding> findings) {
        Map<String, CatalogRule> rules = new LinkedHashMap<>();
        catalogue.limits().forEach(r -> rules.put(r.id(), r));
        List<Conflict> conflicts = new ArrayList<>(limitConflicts(catalogue, rules, findings));
        conflicts.addAll(eliminationConflicts(catalogue, rules, findings));
        return conflicts;
    }

    /**
     * An equipment item found ELIMINATED by one item and COMPLIANT with an access rule (a PARAMETER rule) on a
     * parameter the elimination item is conditioned on: the access rule admits what the elimination item removes.
     */
    private static List<Conflict> eliminationConflicts(Catalog catalogue, Map<String, CatalogRule> limits,
            List<Finding> findings) {
        List<Conflict> out = new ArrayList<>();
        Map<String, CatalogRule> eliminations = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (!"ELIMINATED".equals(f.status())) {
                continue;
            }
            CatalogRule elimination = eliminations.computeIfAbsent(f.ruleId(), id -> catalogue.eliminations().stream()
                    .filter(r -> r.id().equals(id)).findFirst().orElse(null));
            if (elimination == null) {
                continue;
            }
            for (Finding a : findings) {
                CatalogRule access = limits.get(a.ruleId());
                if (access != null && a.subject().equals(f.subject()) && "COMPLIANT".equals(a.status())
                        && "PARAMETER".equals(access.subject()) && conditionedOn(elimination, access.metric())) {
                    out.add(new Conflict(f.subject(), access.metric(), List.of(access.id(), elimination.id()),
                            ELIMINATION_ADMITTED));
                }
            }
        }
        return out;
    }

    private static boolean conditionedOn(CatalogRule elimination, String param) {
        return elimination.when().stream().anyMatch(c -> param != null && param.equals(c.param()));
    }

    /**
     * Can some value of the parameter be admitted by the access rule and caught by the elimination item? Both must
     * be about the same equipment type; the elimination's numeric condition on the access rule's parameter and the
     * access rule's limit must overlap. Worked out per catalogue for runs, which check only rules that can meet.
     */
    static boolean eliminationMayCatchAdmitted(CatalogRule elimination, CatalogRule access) {
        if (elimination.kind() != CatalogRule.Kind.ELIMINATION || access.kind() != CatalogRule.Kind.RULE
                || !"PARAMETER".equals(access.subject()) || access.equipmentType() == null
                || !access.equipmentType().equals(elimination.equipmentType())
                || !(access.limit() instanceof BigDecimal limit)) {
            return false;
        }
        for (org.capgov.catalog.Condition c : elimination.when()) {
            if (access.metric().equals(c.param()) && c.op() != null && c.value() != null
                    && intervalsMeet(c.op(), c.value(), access.comparator(), limit)) {
                return true;
            }
        }
        return false;
    }

    /** Do {x : x op1 v1} and {x : x op2 v2} share a value? */
    static boolean intervalsMeet(String op1, BigDecimal v1, String op2, BigDecimal v2) {
        if ("==".equals(op1)) {
            return ComplianceEngine.compare(v1, op2, v2);
        }
        if ("==".equals(op2)) {
            return ComplianceEngine.compare(v2, op1, v1);
        }
        boolean up1 = op1.startsWith("<");
        boolean up2 = op2.startsWith("<");
        if (up1 == up2) {
            return true;
        }
        BigDecimal high = up1 ? v1 : v2;
        BigDecimal low = up1 ? v2 : v1;
        int c = low.compareTo(high);
        return c < 0 || c == 0 && (up1 ? op1 : op2).endsWith("=") && (up1 ? op2 : op1).endsWith("=");
    }

    private static List<Conflict> limitConflicts(Catalog catalogue, Map<String, CatalogRule> rules,
            List<Finding> findings) {
        Map<String, List<CatalogRule>> byPoint = new LinkedHashMap<>();
        for (Finding f : findings) {
            CatalogRule r = rules.get(f.ruleId());
            if (r == null) {
                continue;
            }
            List<CatalogRule> atPoint = byPoint.computeIfAbsent(f.subject() + "\u0000" + f.metric(), k -> new ArrayList<>());
            if (!atPoint.contains(r)) {
                atPoint.add(r);
            }
        }
        List<Conflict> conflicts = new ArrayList<>();
        byPoint.forEach((point, atPoint) -> {
            String[] parts = point.split("\u0000", 2);
            for (int i = 0; i < atPoint.size(); i++) {
                for (int j = i + 1; j < atPoint.size(); j++) {
                    String reason = contradiction(catalogue, atPoint.get(i), atPoint.get(j));
                    if (reason != null) {
                        conflicts.add(new Conflict(parts[0], parts[1], List.of(atPoint.get(i).id(), atPoint.get(j).id()),
                                reason));
                    }
                }
            }
        });
        return conflicts;
    }

    static String contradiction(Catalog catalogue, CatalogRule a, CatalogRule b) {
        if (a.limit() instanceof Boolean x && b.limit() instanceof Boolean y) {
            return x.equals(y) || !a.comparator().equals(b.comparator()) ? null : "两条规则要求的取值相反";
        }
        if (!(a.limit() instanceof BigDecimal la) || !(b.limit() instanceof BigDecimal lb)) {
            return null;
        }
        if (upper(a) && lower(b) && !overlap(b, lb, a, la) || lower(a) && upper(b) && !overlap(a, la, b, lb)) {
            return "两条规则的要求互相矛盾：不存在同时满足两者的值";
        }
        SourceDocument da = catalogue.documents().get(a.documentId());
        SourceDocument db = catalogue.documents().get(b.documentId());
        boolean sameDirection = upper(a) == upper(b) && lower(a) == lower(b);
        if (sameDirection && la.compareTo(lb) != 0 && da != null && db != null && !da.id().equals(db.id())
                && Objects.equals(da.level(), db.level()) && Objects.equals(da.jurisdiction(), db.jurisdiction())) {
            return "同一层级、同一辖区的两份文件对同一指标规定了不同限值";
        }
        return null;
    }

    /** Is there a value ≥/> {@code low} and ≤/< {@code high}? */
    private static boolean overlap(CatalogRule lowRule, BigDecimal low, CatalogRule highRule, BigDecimal high) {
        int c = low.compareTo(high);
        if (c < 0) {
            return true;
        }
        return c == 0 && ">=".equals(lowRule.comparator()) && "<=".equals(highRule.comparator());
    }

    private static boolean upper(CatalogRule r) {
        return "<".equals(r.comparator()) || "<=".equals(r.comparator());
    }

    private static boolean lower(CatalogRule r) {
        return ">".equals(r.comparator()) || ">=".equals(r.comparator());
    }
}
