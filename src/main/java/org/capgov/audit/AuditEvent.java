package org.capgov.audit;

/**
 * What happened, as a module reports it. {@code before} and {@code after} are any objects that serialise to JSON
 * (records, maps); {@code regionPath} places the entry in data scope, null for platform-wide entries.
 */
public record AuditEvent(AuditAction action, String entityType, String entityId, String regionPath, String summary,
        Object before, Object after) {

    public static AuditEvent created(String entityType, String entityId, String regionPath, Object after) {
        return new AuditEvent(AuditAction.CREATE, entityType, entityId, regionPath, null, null, after);
    }

    public static AuditEvent updated(String entityType, String entityId, String regionPath, Object before, Object after) {
        return new AuditEvent(AuditAction.UPDATE, entityType, entityId, regionPath, null, before, after);
    }

    public static AuditEvent deleted(String entityType, String entityId, String regionPath, Object before) {
        return new AuditEvent(AuditAction.DELETE, entityType, entityId, regionPath, null, before, null);
    }
}
