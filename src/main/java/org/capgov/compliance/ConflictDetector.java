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
 */
final class ConflictDetector {

    private ConflictDetector() {
    }

    static List<Conflict> detect(Catalog catalogue, List<Finding> findings) {
        Map<String, CatalogRule> rules = new LinkedHashMap<>();
        catalogue.limits().forEach(r -> rules.put(r.id(), r));
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
