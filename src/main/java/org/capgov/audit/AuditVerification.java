package org.capgov.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The result of re-computing the chain: ok with the count checked, or the first entry where it breaks;
 * {@code anchoredAt} is the entry the head was last anchored at outside the database (see AuditCheckpoint), whose
 * absence means the newest entries were removed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean ok, long entries, BrokenEntry firstBroken, Long anchoredAt) {

    public record BrokenEntry(long id, Instant recordedAt, String reason) {
    }
}
