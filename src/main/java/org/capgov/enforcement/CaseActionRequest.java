package org.capgov.enforcement;

import java.time.LocalDate;

/**
 * The body of {@code POST /api/v1/cases/{id}/actions}. Besides action, effective date (today when left out),
 * document and note: {@code months} for GRANT_EXTENSION; {@code measure}, {@code equipmentRef}, {@code commitment}
 * and {@code dismantleDeadline} for RECORD_EXIT_MEASURE; {@code deadline} for APPROVE_CLOSURE (the exit deadline the
 * decision sets, optional); {@code version}, when given, must be the case's current version (else 409).
 */
public record CaseActionRequest(String action, LocalDate effectiveDate, Integer months, String document, String note,
        String measure, String equipmentRef, Boolean commitment, LocalDate dismantleDeadline, LocalDate deadline,
        Integer version) {

    public static CaseActionRequest of(CaseAction action, LocalDate effectiveDate, String document, String note) {
        return new CaseActionRequest(action.name(), effectiveDate, null, document, note, null, null, null, null, null,
                null);
    }
}
