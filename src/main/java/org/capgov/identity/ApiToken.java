package org.capgov.identity;

import java.time.Instant;

/** A stored API token (its hash only). {@code SYSTEM} tokens are long-lived, for grid companies and banks. */
public record ApiToken(long id, long personId, String username, String name, String kind, Instant createdAt,
        String createdBy, Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
