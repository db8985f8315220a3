package org.capgov.identity;

import java.time.Instant;

/**
 * A stored API token (its hash only). {@code SYSTEM} tokens are long-lived, for grid companies and banks.
 * {@code superseded}: a login token issued before its holder's security version last rose (password change, reset,
 * disabling, membership change, sessions ended) and so no longer accepted.
 */
public record ApiToken(long id, long personId, String username, String name, String kind, Instant createdAt,
        String createdBy, Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt,
        boolean superseded) {

    /** ACTIVE, REVOKED, SUPERSEDED or EXPIRED: the code shown through the {@code token.state.*} labels. */
    public String stateAt(Instant now) {
        if (revokedAt != null) {
            return "REVOKED";
        }
        if (superseded) {
            return "SUPERSEDED";
        }
        return expiresAt == null || expiresAt.isAfter(now) ? "ACTIVE" : "EXPIRED";
    }

    public boolean activeAt(Instant now) {
        return revokedAt == null && !superseded && (expiresAt == null || expiresAt.isAfter(now));
    }
}
