package org.capgov.audit;

import java.time.Instant;

/** One stored entry of the trail. */
public record AuditEntry(long id, Instant recordedAt, String actor, String actorIp, String action, String entityType,
        String entityId, String regionPath, String summary, String beforeState, String afterState, String prevHash,
        String hash) {
}
