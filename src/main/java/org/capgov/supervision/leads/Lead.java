package org.capgov.supervision.leads;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lead from the public about a place (often one the registry does not know): where it is, what the reporter saw,
 * and how the responsible department handled it. {@code contact} is for that department's officers alone.
 */
public record Lead(long id, String trackingNo, String matter, String regionCode, String regionPath, String regionName,
        String address, BigDecimal latitude, BigDecimal longitude, String text, String contact, String departmentCode,
        String departmentName, String state, String reply, Long problemId, String uscc, String caseId,
        Instant receivedAt, Instant updatedAt, Instant closedAt, int version) {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_ADDRESS = 200;
    public static final int MAX_CONTACT = 200;

    /** What the reporter sees under the tracking number: no text, no contact, no internal notes. */
    public record Status(String trackingNo, String matter, String regionName, String departmentName, String state,
            String reply, Instant receivedAt, Instant updatedAt) {
    }

    public Status status() {
        return new Status(trackingNo, matter, regionName, departmentName, state,
                LeadPolicies.open(state) ? null : reply, receivedAt, updatedAt);
    }

    public record Photo(long id, String filename, String contentType, String sha256, int size) {
    }

    public record Event(String action, String fromState, String toState, String departmentCode, String note,
            String actor, Instant recordedAt) {
    }
}
