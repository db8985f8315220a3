package org.capgov.pricing.surcharge;

import java.util.List;

/**
 * The surcharge list of a month for a region subtree, as the grid company fetches it. {@code conflicts} are
 * overlaps the catalogue does not settle: not billed until the coordinator decides. {@code drafts} are what draft
 * scales would catch (rate null): 草案，不计费. {@code storedAt} is when the items were stored (on acknowledgement or an
 * explicit regeneration; null: computed for this fetch).
 */
public record SurchargeList(String month, String region, String scalesVersion, List<SurchargeItem> items,
        List<ConflictItem> conflicts, List<SurchargeItem> drafts, java.time.Instant storedAt) {

    public SurchargeList(String month, String region, String scalesVersion, List<SurchargeItem> items,
            List<ConflictItem> conflicts) {
        this(month, region, scalesVersion, items, conflicts, List.of(), null);
    }

    /** Two surcharges of one account that the catalogue cannot settle. */
    public record ConflictItem(String uscc, String gridAccount, String reason, SurchargeItem first, SurchargeItem second) {
    }
}
