package org.capgov.enforcement;

/** What an officer or the enterprise does to a case; each is checked by a named policy before it happens. */
public enum CaseAction {
    REQUEST_EXTENSION, GRANT_EXTENSION, DENY_EXTENSION,
    SUBMIT_RECTIFICATION, VERIFY_COMPLIANT, VERIFY_FAILED,
    PROPOSE_CLOSURE, APPROVE_CLOSURE,
    RECORD_EXIT_MEASURE, VERIFY_EXIT, ANNOUNCE
}
