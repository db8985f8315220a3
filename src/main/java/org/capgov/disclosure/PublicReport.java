package org.capgov.disclosure;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A report from the public about a disclosed record (wrong data, wrong status, other), routed to the department that
 * owns the record. {@code contact} is for the handling officers only; the public status page shows the state and,
 * once closed, the reply.
 */
public record PublicReport(long id, String trackingNo, String uscc, String enterpriseName, String regionPath,
        String caseId, String category, String text, String contact, String departmentCode, String departmentName,
        String state, String assignee, String reply, Instant receivedAt, Instant updatedAt, Instant closedAt,
        int version) {

    public static final Set<String> CATEGORIES = Set.of("WRONG_DATA", "WRONG_STATUS", "OTHER");
    public static final List<String> STATES = List.of("RECEIVED", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "REJECTED");
    public static final int MAX_TEXT = 2000;
    public static final int MAX_CONTACT = 200;

    public boolean closed() {
        return "RESOLVED".equals(state) || "REJECTED".equals(state);
    }

    /** One step of the report's handling, internal to the departments. */
    public record Event(String action, String fromState, String toState, String departmentCode, String note,
            String actor, Instant recordedAt) {
    }

    /** What the public status page shows: no text, no contact, no internal notes. */
    public record Status(String trackingNo, String enterpriseName, String uscc, String category, String departmentName,
            String state, String reply, Instant receivedAt, Instant updatedAt) {
    }

    public Status status() {
        return new Status(trackingNo, enterpriseName, uscc, category, departmentName, state, closed() ? reply : null,
                receivedAt, updatedAt);
    }
}
