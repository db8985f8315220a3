package org.capgov.projects.ledger;

/**
 * An account of the indicator ledger: an enterprise's (ENTERPRISE), a region's government reserve (RESERVE), or one
 * of the two counter-accounts of issuance and retirement.
 */
public record LedgerAccount(long id, String kind, Long enterpriseId, String uscc, String regionCode, String regionPath,
        String name) {

    /** Accounts that hold units and trade them; the counter-accounts only balance issuance and retirement. */
    public boolean holdsUnits() {
        return "ENTERPRISE".equals(kind) || "RESERVE".equals(kind);
    }
}
