package org.capgov.enforcement;

import java.time.LocalDate;
import org.capgov.shared.Dimension;

/**
 * Published (synchronously, inside the transaction that changes the case) after every case is opened
 * ({@code action == null}, {@code from == null}) or moved by an action. Listeners in other modules (credit,
 * disclosure) react in the same transaction, so a case change and its consequences commit together.
 */
public record CaseTransitioned(
        String caseId, CaseKind kind, long enterpriseId, String uscc, String regionPath, Dimension dimension,
        CaseAction action, CaseState from, CaseState to, LocalDate effectiveDate, String document,
        String departmentCode, Long equipmentId, LocalDate deadline) {
}
