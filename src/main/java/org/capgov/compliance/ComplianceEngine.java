package org.capgov.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.catalog.CatalogRule;
import org.capgov.catalog.Catalog;
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

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::dimension,
            Comparator.nullsLast(Comparator.<String>naturalOrder())).thenComparing(Finding::ruleId)
            .thenComparing(Finding::subject);

    /**
     * The rules of one catalogue that are in force on one date and bind existing capacity, indexed by what decides
     * whether they can apply at all: rules about a kind of equipment by that type (they follow the equipment), the
     * others by industry. An enterprise then meets only the few rules of its equipment types and industries, which
     * is what makes a run over the whole registry cheap. Immutable; one per run, shared by every enterprise.
     */
    static final class Prepared {
        final Catalog catalogue;
        final LocalDate asOf;
        private final Map<String, List<CatalogRule>> byEquipmentType = new HashMap<>();
        private final Map<String, List<CatalogRule>> byIndustry = new HashMap<>();
        private final List<CatalogRule> everyEnterprise = new ArrayList<>();
        /** Rule id → the consequence that gives its failures an outer closure deadline. */
        private final Map<String, CatalogRule> closures = new HashMap<>();

        private Prepared(Catalog catalogue, LocalDate asOf) {
            this.catalogue = catalogue;
            this.asOf = asOf;
            for (CatalogRule rule : catalogue.rules()) {
                if (!rule.inForceOn(asOf) || rule.forProjectsOnly() || rule.kind() == CatalogRule.Kind.CONSEQUENCE) {
                    continue;
                }
                if (rule.kind() == CatalogRule.Kind.RULE) {
                    catalogue.closureConsequence(rule, asOf).ifPresent(c -> closures.put(rule.id(), c));
                }
                if (rule.equipmentType() != null) {
                    byEquipmentType.computeIfAbsent(rule.equipmentType(), t -> new ArrayList<>()).add(rule);
                } else if (rule.industry() != null) {
                    byIndustry.computeIfAbsent(rule.industry(), i -> new ArrayList<>()).add(rule);
                } else {
                    everyEnterprise.add(rule);
                }
            }
        }

        /** Rules that may apply to the facts: each at most once (an enterprise's types and industries are distinct). */
        private List<CatalogRule> candidates(Facts facts) {
            List<CatalogRule> out = new ArrayList<>(everyEnterprise);
            Set<String> types = new HashSet<>();
            for (Facts.EquipmentFact e : facts.equipment()) {
                if (types.add(e.type())) {
                    out.addAll(byEquipmentType.getOrDefault(e.type(), List.of()));
                }
            }
            for (String industry : facts.industries()) {
                out.addAll(byIndustry.getOrDefault(industry, List.of()));
            }
            return out;
        }
    }

    static Prepared prepare(Catalog catalogue, LocalDate asOf) {
        return new Prepared(catalogue, asOf);
    }

    static List<Finding> evaluate(Catalog catalogue, Facts facts) {
        return evaluate(prepare(catalogue, facts.asOf()), facts);
    }

    /** The findings of the facts, which must be as of the date the rules were prepared for. */
    static List<Finding> evaluate(Prepared rules, Facts facts) {
        if (!rules.asOf.equals(facts.asOf())) {
            throw new IllegalArgumentException("rules prepared for " + rules.asOf + ", facts as of " + facts.asOf());
        }
        List<Finding> findings = new ArrayList<>();
        List<CatalogRule> onFailures = null;
        for (CatalogRule rule : rules.candidates(facts)) {
            if (!applicable(rule, facts)) {
                continue;
            }
            int from = findings.size();
            if (rule.kind() == CatalogRule.Kind.ELIMINATION) {
                if (EngineConsequences.failing(rule) != null) {
                    // follows from the other findings: applied once they are all known
                    onFailures = onFailures == null ? new ArrayList<>() : onFailures;
                    onFailures.add(rule);
                } else {
                    eliminate(rule, facts, findings);
                }
            } else if ("PARAMETER".equals(rule.subject())) {
                parameterRule(rule, facts, findings);
            } else {
                measurementRule(rule, facts, findings);
            }
            CatalogRule closure = rules.closures.get(rule.id());
            if (closure != null) {
                EngineConsequences.withClosureDeadline(closure, findings, from);
            }
        }
        if (onFailures != null) {
            List<Finding> adverse = List.copyOf(findings);
            for (CatalogRule rule : onFailures) {
                EngineConsequences.eliminateFailing(rule, facts, adverse, findings);
            }
        }
        findings.sort(ORDER);
        return findings;
    }


    /**
     * The findings of a project's equipment: the rules that gate projects (scope PROJECT or BOTH) and the elimination
     * items, since equipment on the elimination list may not be built. Measured limits bind the plant once it runs,
     * not the project. Runs skip the PROJECT rules; this is where they apply.
     */
    static List<Finding> evaluateProject(Catalog catalogue, Facts facts) {
        List<Finding> findings = new ArrayList<>();
        for (CatalogRule rule : catalogue.rules()) {
            if (!rule.inForceOn(facts.asOf()) || !applicable(rule, facts)) {
                continue;
            }
            if (rule.kind() == CatalogRule.Kind.ELIMINATION && EngineConsequences.failing(rule) == null) {
                // an item that follows from a failed standard ("环保不达标的冶金炉窑") judges a plant that runs, not a project
                eliminate(rule, facts, findings);
            } else if (rule.kind() == CatalogRule.Kind.RULE && rule.gatesProjects() && "PARAMETER".equals(rule.subject())) {
                parameterRule(rule, facts, findings);
            }
        }
        findings.sort(ORDER);
        return findings;
    }

    /** In force and not for projects only: settled by {@link Prepared}; the industry too, for industry rules. */
    private static boolean applicable(CatalogRule rule, Facts facts) {
        if (!facts.applicableDocuments().contains(rule.documentId())) {
            return false;
        }
        for (Condition c : rule.when()) {
            if (c.airZone() != null && !c.airZone().contains(facts.airZone())) {
                return false;
            }
        }
        return true;
    }

    // The loops below are written out rather than streamed: a run applies them hundreds of thousands of times.

    private static void eliminate(CatalogRule rule, Facts facts, List<Finding> out) {
        Condition first = null;
        for (Condition c : rule.when()) {
            if (c.param() != null) {
                first = c;
                break;
            }
        }
        String metric = first == null ? null : first.param();
        Object limit = first == null ? null : first.in() != null ? first.in() : first.value();
        String comparator = first == null ? null : first.in() != null ? "in" : first.op();
        for (Facts.EquipmentFact e : facts.equipment()) {
            if (ofRule(rule, e)) {
                Object value = metric == null ? null : e.parameters().get(metric);
                out.add(new Finding(rule.id(), rule.dimension(), "ELIMINATED", e.ref(), metric, value, comparator, limit,
                        rule.unit(), rule.severity(), rule.deadline(), rule.confidence(), flags(rule, true),
                        rule.citation()));
            } else {
                Condition unknown = unknownCondition(rule, e);
                if (unknown != null) {
                    // the item may catch this equipment, but a fact it depends on is not recorded: NO_DATA, not a pass
                    out.add(new Finding(rule.id(), rule.dimension(), "NO_DATA", e.ref(), unknown.param(), null,
                            unknown.in() != null ? "in" : unknown.op(), unknown.in() != null ? unknown.in() : unknown.value(),
                            rule.unit(), rule.severity(), rule.deadline(), rule.confidence(), List.of(), rule.citation()));
                }
            }
        }
    }

    /**
     * The first parameter condition the equipment has no value for, when every condition it does have a value for
     * holds: whether the item applies cannot be told. Null when a known value already rules it out, or none is missing.
     */
    private static Condition unknownCondition(CatalogRule rule, Facts.EquipmentFact e) {
        if (!e.type().equals(rule.equipmentType())) {
            return null;
        }
        Condition unknown = null;
        for (Condition c : rule.when()) {
            if (c.param() == null) {
                continue;
            }
            Object value = e.parameters().get(c.param());
            if (value == null) {
                unknown = unknown == null ? c : unknown;
            } else if (!holds(c, value)) {
                return null;
            }
        }
        return unknown;
    }

    private static void parameterRule(CatalogRule rule, Facts facts, List<Finding> out) {
        for (Facts.EquipmentFact e : facts.equipment()) {
            if (ofRule(rule, e)) {
                out.add(verdict(rule, e.ref(), e.parameters().get(rule.metric())));
            }
        }
    }

    private static void measurementRule(CatalogRule rule, Facts facts, List<Finding> out) {
        if (rule.equipmentType() != null) {
            for (Facts.EquipmentFact e : facts.equipment()) {
                if (!ofRule(rule, e)) {
                    continue;
                }
                boolean any = false;
                for (Facts.MeasurementFact m : facts.measurements()) {
                    if (e.ref().equals(m.equipmentRef()) && matches(rule, m)) {
                        out.add(verdict(rule, e.ref(), converted(rule, m)));
                        any = true;
                    }
                }
                if (!any) {
                    out.add(verdict(rule, e.ref(), null));
                }
            }
            return;
        }
        boolean any = false;
        for (Facts.MeasurementFact m : facts.measurements()) {
            if (matches(rule, m)) {
                out.add(verdict(rule, m.equipmentRef() == null ? ENTERPRISE : m.equipmentRef(), converted(rule, m)));
                any = true;
            }
        }
        if (!any) {
            out.add(verdict(rule, ENTERPRISE, null));
        }
    }

    /** Equipment of the rule's type whose parameters meet every parameter condition. */
    static boolean ofRule(CatalogRule rule, Facts.EquipmentFact e) {
        if (!e.type().equals(rule.equipmentType())) {
            return false;
        }
        for (Condition c : rule.when()) {
            if (c.param() != null && !holds(c, e.parameters().get(c.param()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(CatalogRule rule, Facts.MeasurementFact m) {
        if (!m.metric().equals(rule.metric())) {
            return false;
        }
        for (Condition c : rule.when()) {
            if (c.attribute() != null && !holds(c, m.attributes().get(c.attribute()))) {
                return false;
            }
        }
        return true;
    }

    static boolean holds(Condition c, Object value) {
        if (value == null) {
            return false;
        }
        if (c.in() != null) {
            String text = String.valueOf(value);
            for (String v : c.in()) {
                if (v.equalsIgnoreCase(text)) {
                    return true;
                }
            }
            return false;
        }
        if (c.op() != null && c.value() != null) {
            return compare(decimal(value), c.op(), c.value());
        }
        return true;
    }

    private static Object converted(CatalogRule rule, Facts.MeasurementFact m) {
        if (m.value() instanceof BigDecimal d && rule.unit() != null && m.unit() != null) {
            // the same unit converts to the value itself; the common case skips the unit table
            return m.unit().equals(rule.unit()) ? d : Units.convert(d, m.unit(), rule.unit()).orElse(d);
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
}
