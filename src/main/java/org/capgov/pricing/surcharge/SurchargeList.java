package org.capgov.pricing.surcharge;

import java.util.List;

/**
 * The surcharge list of a month for a region subtree, as the grid company fetches it. {@code conflicts} are
 * overlaps the catalogue does not settle: not billed until the coordinator decides.
 */
public record SurchargeList(String month, String region, String scalesVersion, List<SurchargeItem> items,
        List<ConflictItem> conflicts) {

    /** Two surcharges of one account that the catalogue cannot settle. */
    public record ConflictItem(String uscc, String gridAccount, String reason, SurchargeItem first, SurchargeItem second) {
    }
}
