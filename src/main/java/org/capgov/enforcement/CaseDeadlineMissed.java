package org.capgov.enforcement;

import java.time.LocalDate;
import org.capgov.shared.Dimension;

/**
 * Published once per case by the daily deadline sweep when an open case passes its deadline (the deadline is
 * inclusive: the day after it). {@code state} tells which clock was missed: a rectification deadline, or an exit
 * deadline (EXIT_ORDERED, CLOSURE_APPROVED, EXIT_IN_PROGRESS).
 */
public record CaseDeadlineMissed(
        String caseId, CaseKind kind, long enterpriseId, String uscc, String regionPath, Dimension dimension,
        CaseState state, LocalDate deadline, String departmentCode) {

    public boolean exitDeadline() {
        return state == CaseState.EXIT_ORDERED || state == CaseState.CLOSURE_APPROVED
                || state == CaseState.EXIT_IN_PROGRESS;
    }
}
