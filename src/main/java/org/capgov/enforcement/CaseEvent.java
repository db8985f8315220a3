package org.capgov.enforcement;

import java.time.Instant;
import java.time.LocalDate;

/** One step of a case's timeline; {@code action} is null for the opening (the notice or the exit order). */
public record CaseEvent(long id, String caseId, CaseAction action, CaseState fromState, CaseState toState,
        LocalDate effectiveDate, String document, String note, Integer months, LocalDate deadline, String actor,
        Instant recordedAt) {
}
