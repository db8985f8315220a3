/**
 * The append-only, hash-chained record of every change to regulated data and every login, logout and failed login.
 * Other modules call {@link org.capgov.audit.AuditTrail#record} inside the transaction that makes the change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.capgov.audit;
