package org.capgov.audit;

import java.time.LocalDate;

/** Filters of the audit page and API; any may be null. */
public record AuditFilter(LocalDate from, LocalDate to, String actor, String action, String entityType, String entityId) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
