package org.capgov.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One stored entry of the trail. {@code prevHash}, {@code hash} and {@code position} are those of its seal, all null
 * while the entry waits to be sealed (待封存, docs/decisions/audit-chain-throughput.md).
 */
public record AuditEntry(long id, Instant recordedAt, String actor, String actorIp, String action, String entityType,
        String entityId, String regionPath, String summary, String beforeState, String afterState, String prevHash,
        String hash, Long position) {

    /** An entry not (yet) sealed. */
    public AuditEntry(long id, Instant recordedAt, String actor, String actorIp, String action, String entityType,
            String entityId, String regionPath, String summary, String beforeState, String afterState, String prevHash,
            String hash) {
        this(id, recordedAt, actor, actorIp, action, entityType, entityId, regionPath, summary, beforeState, afterState,
                prevHash, hash, null);
    }

    /** Written, but not yet chained by the sealer. */
    @JsonProperty("pending")
    public boolean pending() {
        return position == null;
    }
}
