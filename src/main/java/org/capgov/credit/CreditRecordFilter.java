package org.capgov.credit;

/** Filters of the record list; blank means any. {@code region} is a region code whose subtree is wanted. */
public record CreditRecordFilter(String uscc, String status, String basis, String measure, String region) {

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public CreditRecordFilter {
        uscc = blankToNull(uscc) == null ? null : uscc.trim().toUpperCase();
        status = blankToNull(status);
        basis = blankToNull(basis);
        measure = blankToNull(measure);
        region = blankToNull(region);
    }
}
