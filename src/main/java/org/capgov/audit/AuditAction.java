package org.capgov.audit;

/** Kinds of audited events. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, LOGIN, LOGOUT, LOGIN_FAILED, ACCOUNT_LOCKED, PASSWORD_CHANGED, TOKEN_ISSUED, TOKEN_REVOKED,
    PUBLISH, EXPORT, SESSIONS_ENDED
}
