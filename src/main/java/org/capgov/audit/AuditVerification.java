package org.capgov.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The result of re-computing the chain: ok with the count of sealed entries checked, or the first entry where it
 * breaks. {@code pending} entries are written but not yet sealed (待封存, the tail the sealer has still to chain; not a
 * problem), the oldest of them recorded at {@code oldestPending}. {@code anchoredAt} is the entry whose seal the head
 * was last anchored at outside the database, {@code anchoredPosition} that seal's position (see AuditCheckpoint); its
 * absence means the newest seals were removed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean ok, long entries, long pending, Instant oldestPending, BrokenEntry firstBroken,
        Long anchoredAt, Long anchoredPosition) {

    public record BrokenEntry(long id, Instant recordedAt, String reason) {
    }
}
