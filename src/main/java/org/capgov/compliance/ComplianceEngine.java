package org.capgov.compliance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capgov.catalog.CatalogRule;
import org.capgov.catalog.Catalogue;
import org.capgov.catalog.Condition;
import org.capgov.monitoring.Units;

/**
 * Applies the rules of one catalogue version to the facts of one enterprise. Pure: no database, no clock; the same
 * facts and catalogue give the same findings.
 */
final class ComplianceEngine {

    static final String ENTERPRISE = "enterprise";
    static final String S_FLAG = "依据为二手来源（置信度 S），违规结论须核对原文后方可执法";

    private ComplianceEngine() {
    }

    static List<Finding> evaluate(Catalogue catalogue, Facts facts) {
        List<Finding> findings = new ArrayList<>();
        for (CatalogRule rule : catalogue.rules()) {
            if (!applicable(rule, facts)) {
                continue;
            }
            if (rule.kind() == CatalogRule.Kind.ELIMINATION) {
                eliminate(rule, facts, findings);
            } else if ("PARAMETER".equals(rule.subject())) {
                parameterRule(rule, facts, findings);
            } else {
                measurementRule(rule, facts, findings);
            }
        }
        findings.sort(Comparator.comparing(Finding::dimension, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Finding::ruleId).thenComparing(Finding::subject));
        return findings;
    }

    private static boolean applicable(CatalogRule rule, Facts facts) {
        if (!rule.inForceOn(facts.asOf()) || rule.forProjectsOnly()) {
            return false;
        }
        if (!facts.applicableDocuments().contains(rule.documentId())) {
            return false;
        }
        // rules about a kind of equipment follow the equipment; enterprise-level rules follow the industry
        if (rule.equipmentType() == null && rule.industry() != null && !facts.industries().contains(rule.industry())) {
            return false;
        }
        return rule.when().stream().filter(c -> c.airZone() != null).allMatch(c -> c.airZone().contains(facts.airZone()));
    }

    private static void eliminate(CatalogRule rule, Facts facts, List<Finding> out) {
        for (Facts.EquipmentFact e : equipmentOf(rule, facts)) {
            Optional<Condition> first = rule.when().stream().filter(c -> c.param() != null).findFirst();
            String metric = first.map(Condition::param).orElse(null);
            Object value = metric == null ? null : e.parameters().get(metric);
            Object limit = first.map(c -> c.in() != null ? (Object) c.in() : c.value()).orElse(null);
            String comparator = first.map(c -> c.in() != null ? "in" : c.op()).orElse(null);
            out.add(new Finding(rule.id(), rule.dimension(), "ELIMINATED", e.ref(), metric, value, comparator, limit,
                    rule.unit(), rule.severity(), rule.deadline(), rule.confidence(), flags(rule, true), rule.citation()));
        }
    }

    private static void parameterRule(CatalogRule rule, Facts facts, List<Finding> out) {
        for (Facts.EquipmentFact e : equipmentOf(rule, facts)) {
            Object value = e.parameters().get(rule.metric());
            out.add(verdict(rule, e.ref(), value));
        }
    }

    private static void measurementRule(CatalogRule rule, Facts facts, List<Finding> out) {
        if (rule.equipmentType() != null) {
            for (Facts.EquipmentFact e : equipmentOf(rule, facts)) {
                List<Facts.MeasurementFact> ms = facts.measurements().stream()
                        .filter(m -> e.ref().equals(m.equipmentRef()) && matches(rule, m)).toList();
                if (ms.isEmpty()) {
                    out.add(verdict(rule, e.ref(), null));
                }
                ms.forEach(m -> out.add(verdict(rule, e.ref(), converted(rule, m))));
            }
            return;
        }
        List<Facts.MeasurementFact> ms = facts.measurements().stream().filter(m -> matches(rule, m)).toList();
        if (ms.isEmpty()) {
            out.add(verdict(rule, ENTERPRISE, null));
        }
        ms.forEach(m -> out.add(verdict(rule, m.equipmentRef() == null ? ENTERPRISE : m.equipmentRef(), converted(rule, m))));
    }

    /** Equipment of the rule's type whose parameters meet every parameter condition. */
    private static List<Facts.EquipmentFact> equipmentOf(CatalogRule rule, Facts facts) {
        return facts.equipment().stream().filter(e -> e.type().equals(rule.equipmentType()))
                .filter(e -> rule.when().stream().filter(c -> c.param() != null)
                        .allMatch(c -> holds(c, e.parameters().get(c.param()))))
                .toList();
    }

    private static boolean matches(CatalogRule rule, Facts.MeasurementFact m) {
        return m.metric().equals(rule.metric()) && rule.when().stream().filter(c -> c.attribute() != null)
                .allMatch(c -> holds(c, m.attributes().get(c.attribute())));
    }

    static boolean holds(Condition c, Object value) {
        if (value == null) {
            return false;
        }
        if (c.in() != null) {
            return c.in().stream().anyMatch(v -> v.equalsIgnoreCase(String.valueOf(value)));
        }
        if (c.op() != null && c.value() != null) {
            return compare(decimal(value), c.op(), c.value());
        }
        return true;
    }

    private static Object converted(CatalogRule rule, Facts.MeasurementFact m) {
        if (m.value() instanceof BigDecimal d && rule.unit() != null && m.unit() != null) {
            return Units.convert(d, m.unit(), rule.unit()).orElse(d);
        }
        return m.value();
    }

    private static Finding verdict(CatalogRule rule, String subject, Object value) {
        String status;
        if (value == null) {
            status = "NO_DATA";
        } else if (satisfies(value, rule.comparator(), rule.limit())) {
            status = "COMPLIANT";
        } else {
            status = "ADVISORY".equals(rule.severity()) ? "ADVISORY" : "NONCOMPLIANT";
        }
        return new Finding(rule.id(), rule.dimension(), status, subject, rule.metric(), value, rule.comparator(),
                rule.limit(), rule.unit(), rule.severity(), rule.deadline(), rule.confidence(),
                flags(rule, "NONCOMPLIANT".equals(status)), rule.citation());
    }

    private static List<String> flags(CatalogRule rule, boolean adverse) {
        return adverse && "S".equals(rule.confidence()) ? List.of(S_FLAG) : List.of();
    }

    static boolean satisfies(Object value, String comparator, Object limit) {
        if (limit instanceof Boolean b) {
            boolean v = value instanceof Boolean vb ? vb : Boolean.parseBoolean(String.valueOf(value));
            return "!=".equals(comparator) ? v != b : v == b;
        }
        if (value instanceof Boolean) {
            return false;
        }
        return compare(decimal(value), comparator, (BigDecimal) limit);
    }

    static boolean compare(BigDecimal v, String op, BigDecimal limit) {
        int c = v.compareTo(limit);
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "==" -> c == 0;
            case "!=" -> c != 0;
            default -> throw new IllegalArgumentException("comparator " + op);
        };
    }

    static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value));
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
