package org.capgov.compliance;

import java.util.ArrayList;
import java.util.List;
import org.capgov.catalog.CatalogRule;
import org.capgov.catalog.Condition;

/**
 * What follows in the engine from other findings: the outer closure deadline a catalogue consequence gives the
 * violations of its rules (seed 000 二、（一）), and elimination items conditioned on a failed standard (二、（三）1
 * "环保不达标的冶金炉窑"). Pure, like {@link ComplianceEngine}.
 */
final class EngineConsequences {

    static final String CLOSURE_FLAG = "逾期仍不达标的，依 %s %s“%s”实施关闭或淘汰，最迟 %s";

    private EngineConsequences() {
    }

    /**
     * Violations from index {@code from} on carry the consequence's outer closure deadline and say so: the rule's
     * document closes what still fails the standard by then (seed 000 二、（一） "到2018年…实施关闭或淘汰").
     */
    static void withClosureDeadline(CatalogRule closure, List<Finding> findings, int from) {
        for (int i = from; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if ("NONCOMPLIANT".equals(f.status())) {
                List<String> flags = new ArrayList<>(f.flags());
                flags.add(String.format(CLOSURE_FLAG, closure.citation().document(), closure.citation().section(),
                        closure.citation().text(), closure.deadline()));
                findings.set(i, new Finding(f.ruleId(), f.dimension(), f.status(), f.subject(), f.metric(), f.value(),
                        f.comparator(), f.limit(), f.unit(), f.severity(), closure.deadline(), f.confidence(),
                        List.copyOf(flags), f.citation()));
            }
        }
    }

    static String failing(CatalogRule rule) {
        for (Condition c : rule.when()) {
            if (c.failing() != null) {
                return c.failing();
            }
        }
        return null;
    }

    /**
     * An elimination item that follows from a failed standard: equipment of its type (meeting its parameter
     * conditions) with a violation of the named dimension is eliminated, citing the violated rule as its value.
     */
    static void eliminateFailing(CatalogRule rule, Facts facts, List<Finding> adverse, List<Finding> out) {
        String dimension = failing(rule);
        for (Facts.EquipmentFact e : facts.equipment()) {
            if (!ComplianceEngine.ofRule(rule, e)) {
                continue;
            }
            for (Finding f : adverse) {
                if (f.subject().equals(e.ref()) && dimension.equals(f.dimension()) && "NONCOMPLIANT".equals(f.status())) {
                    out.add(new Finding(rule.id(), rule.dimension(), "ELIMINATED", e.ref(), f.metric(), f.value(),
                            f.comparator(), f.limit(), f.unit(), rule.severity(), rule.deadline(), rule.confidence(),
                            f.flags().contains(ComplianceEngine.S_FLAG) ? List.of(ComplianceEngine.S_FLAG) : List.of(),
                            rule.citation()));
                    break;
                }
            }
        }
    }
}
