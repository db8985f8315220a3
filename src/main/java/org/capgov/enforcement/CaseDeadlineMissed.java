package org.capgov.enforcement;

import java.time.LocalDate;
import org.capgov.shared.Dimension;

/**
 * Published once per case by the daily deadline sweep when an open case passes its deadline (the deadline is
 * inclusive: the day after it). {@code state} tells which clock was missed: a rectification deadline, or an exit
 * deadline (EXIT_ORDERED, CLOSURE_APPROVED, EXIT_IN_PROGRESS). {@code dismantlingOf} names the equipment item when the
 * deadline missed is the dismantling deadline of a sealed item (seed 001 二、(五) "限时拆除"), which counts as a missed
 * exit too; it is null for the case's own deadline.
 */
public record CaseDeadlineMissed(
        String caseId, CaseKind kind, long enterpriseId, String uscc, String regionPath, Dimension dimension,
        CaseState state, LocalDate deadline, String departmentCode, String dismantlingOf) {

    public boolean exitDeadline() {
        return dismantlingOf != null || state == CaseState.EXIT_ORDERED || state == CaseState.CLOSURE_APPROVED
                || state == CaseState.EXIT_IN_PROGRESS;
    }
}
