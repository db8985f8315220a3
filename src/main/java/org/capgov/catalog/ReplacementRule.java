package org.capgov.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A dated rule on new capacity (FORMAT.md, section {@code replacement}): a ban on approving new capacity in
 * industries ({@code BAN}), a replacement ratio, capacity retired : capacity built ({@code RATIO}; by product, key
 * air-pollution region or not, and replacement case: {@code NORMAL}, {@code MERGER} or a named equal-replacement
 * case), or a window in which no replacement plan may be published ({@code SUSPENSION}). {@code product} and
 * {@code keyRegion} null mean any; the document's jurisdiction says where the rule applies.
 */
public record ReplacementRule(String id, String documentId, Kind kind, List<String> industries, String product,
        Boolean keyRegion, String replacementCase, BigDecimal ratio, LocalDate effectiveFrom, LocalDate effectiveTo,
        String confidence, Citation citation) {

    public enum Kind { BAN, RATIO, SUSPENSION }

    /** The replacement case of ordinary projects. */
    public static final String NORMAL = "NORMAL";
    /** Capacity obtained through a real merger or restructuring (实质性兼并重组). */
    public static final String MERGER = "MERGER";

    public ReplacementRule {
        industries = industries == null ? List.of() : List.copyOf(industries);
    }

    /** In force from {@code effectiveFrom} to {@code effectiveTo}, both days included, as catalogue rules are. */
    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom)) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    public boolean covers(String industry) {
        return industries.contains(industry);
    }
}
