package org.capgov.supervision.leads;

import java.time.Instant;
import java.time.LocalDate;

/** A problem of the 八张问题清单 with where it came from, who rectifies it by when, and where it stands. */
public record Problem(long id, String listCode, String listName, String title, String description, String source,
        String sourceRef, String regionCode, String regionPath, String regionName, String departmentCode,
        String departmentName, LocalDate deadline, String state, String uscc, String caseId, String closingNote,
        String createdBy, Instant createdAt, Instant updatedAt, Instant closedAt, int version) {

    /** Past its deadline and not yet 销号. */
    public boolean overdue(LocalDate today) {
        return deadline != null && !"CLOSED".equals(state) && deadline.isBefore(today);
    }

    public record ProblemList(String code, String name, int position, boolean active) {
    }

    public record Event(String action, String fromState, String toState, String note, String actor,
            Instant recordedAt) {
    }
}
