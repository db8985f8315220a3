package org.capgov.enforcement;

import java.time.Instant;
import java.time.LocalDate;
import org.capgov.shared.Dimension;

/**
 * One case as lists show it. {@code department} is the code of the responsible (lead) department; {@code overdue}
 * is computed against today (open, and today after the inclusive deadline); {@code overdueSince} is what the daily
 * sweep recorded. {@code findingId} has the form {@code <runId>:<uscc>:<ruleId>:<subject>}.
 */
public record EnforcementCase(String id, CaseKind kind, CaseState state, long enterpriseId, String uscc,
        String enterpriseName, String regionPath, Dimension dimension, Long equipmentId, String equipmentRef,
        String department, String departmentName, LocalDate openedOn, LocalDate deadline, LocalDate originalDeadline,
        boolean extensionUsed, boolean productionStopped, LocalDate closedOn, boolean closedByLaw, String findingId,
        String ruleId, String origin, boolean overdue, LocalDate overdueSince, int version, Instant createdAt,
        String createdBy) {

    public boolean open() {
        return closedOn == null;
    }

    /** The case concerns the enterprise as a whole, not one equipment item. */
    public boolean wholeEnterprise() {
        return equipmentId == null;
    }
}
