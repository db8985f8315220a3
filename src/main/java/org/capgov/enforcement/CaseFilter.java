package org.capgov.enforcement;

import org.capgov.shared.Dimension;

/**
 * Filters of the case list; null = any. {@code regionPath} is a subtree path (/500000/500102/); {@code overdue} true
 * keeps open cases past their deadline as of today, false the others.
 */
public record CaseFilter(CaseState state, Dimension dimension, String regionPath, String uscc, String department,
        Boolean open, Boolean overdue) {

    public static CaseFilter none() {
        return new CaseFilter(null, null, null, null, null, null, null);
    }
}
