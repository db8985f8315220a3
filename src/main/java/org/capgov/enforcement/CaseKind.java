package org.capgov.enforcement;

/**
 * RECTIFICATION: a failing standard, 限期整改 with a deadline, which may end in closure and exit.
 * EXIT: 淘汰类 equipment, straight to exit with the catalogue's deadline.
 */
public enum CaseKind {
    RECTIFICATION, EXIT
}
