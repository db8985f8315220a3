package org.capgov.projects.project;

import java.util.Optional;
import org.capgov.projects.gate.ReplacementPlans;
import org.capgov.shared.Actors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The replacement plans the stateless gate may name: the caller's own (in scope) and every announced one. */
@Component
class PlansForGate implements ReplacementPlans {

    private final PlanRepository plans;

    PlansForGate(PlanRepository plans) {
        this.plans = plans;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PlanFacts> byCode(String code) {
        return plans.byCode(code, Actors.scope()).map(p -> new PlanFacts(p.code(), p.status(), p.product(),
                p.regionCode(), p.covered(), p.announcedOn(), p.announcement()));
    }
}
