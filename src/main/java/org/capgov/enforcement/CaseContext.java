package org.capgov.enforcement;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.capgov.shared.Dimension;

/**
 * What a policy may look at: the case as it stands, its timeline and exit measures, the actor, the action with its
 * input (null input when the question is only "may this actor take this action now", as pages ask), the effective
 * date, the dimensions whose rectification may be extended, and — computed only when asked — the equipment of the
 * case that has not exited yet (with what it lacks) and that has not been dismantled yet.
 */
record CaseContext(EnforcementCase c, List<CaseEvent> timeline, List<ExitMeasureRecord> measures, CaseActor actor,
        CaseAction action, CaseActionRequest input, ExitMeasure measure, Long equipmentId, LocalDate date,
        Set<Dimension> extendable, Supplier<List<ExitRequirement.Shortfall>> equipmentNotExited,
        Supplier<List<String>> equipmentNotDismantled) {
}
