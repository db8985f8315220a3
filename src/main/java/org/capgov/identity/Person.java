package org.capgov.identity;

import java.time.Instant;
import java.util.List;

/**
 * A user of the platform and the memberships that give them roles and scope. {@code email} is optional: notices
 * are also e-mailed to it when an SMTP server is configured. {@code securityVersion} rises whenever the person's
 * open sessions and login tokens must end (see V32__identity_security_version.sql).
 */
public record Person(long id, String username, String displayName, boolean enabled, boolean mustChangePassword,
        int failedAttempts, Instant lockedUntil, Instant lastLoginAt, boolean systemAccount, Instant createdAt,
        List<Membership> memberships, String email, int securityVersion) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
