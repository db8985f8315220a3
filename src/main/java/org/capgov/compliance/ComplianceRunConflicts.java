package org.capgov.compliance;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.capgov.catalog.CatalogRule;
import org.capgov.catalog.Catalog;

/**
 * Conflict detection for a run. Which rules can contradict each other is a property of the catalogue, so it is
 * worked out once: only an enterprise with a finding of such a rule goes through {@link ConflictDetector}, and then
 * through exactly the detector the stateless API uses, so that both report the same conflicts.
 */
final class ComplianceRunConflicts {

    private final Catalog catalogue;
    private final Set<String> prone = new HashSet<>();

    ComplianceRunConflicts(Catalog catalogue) {
        this.catalogue = catalogue;
        List<CatalogRule> limits = catalogue.limits();
        for (int i = 0; i < limits.size(); i++) {
            for (int j = i + 1; j < limits.size(); j++) {
                CatalogRule a = limits.get(i);
                CatalogRule b = limits.get(j);
                // rules meet at a point (subject, metric) only when they speak of the same metric
                if (a.metric() != null && a.metric().equals(b.metric())
                        && (ConflictDetector.contradiction(catalogue, a, b) != null
                                || ConflictDetector.contradiction(catalogue, b, a) != null)) {
                    prone.add(a.id());
                    prone.add(b.id());
                }
            }
        }
        for (CatalogRule elimination : catalogue.eliminations()) {
            for (CatalogRule access : limits) {
                if (ConflictDetector.eliminationMayCatchAdmitted(elimination, access)) {
                    prone.add(elimination.id());
                }
            }
        }
    }

    /** Rules that contradict at least one other rule of the catalogue, elimination items catching admitted equipment. */
    Set<String> proneRules() {
        return Set.copyOf(prone);
    }

    List<Conflict> detect(List<Finding> findings) {
        if (prone.isEmpty()) {
            return List.of();
        }
        for (Finding f : findings) {
            if (prone.contains(f.ruleId())) {
                return ConflictDetector.detect(catalogue, findings);
            }
        }
        return List.of();
    }
}
