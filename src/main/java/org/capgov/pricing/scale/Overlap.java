package org.capgov.pricing.scale;

import java.util.List;

/**
 * Two kinds that apply to one account: {@code winner} is paid and the other not; a null winner means the catalogue
 * does not say, and the overlap is reported as a conflict (neither is billed until the coordinator settles it).
 */
public record Overlap(List<SurchargeKind> kinds, SurchargeKind winner, String confidence,
        PriceScale.ScaleCitation citation) {

    public Overlap {
        kinds = List.copyOf(kinds);
    }

    public boolean between(SurchargeKind a, SurchargeKind b) {
        return kinds.contains(a) && kinds.contains(b) && a != b;
    }
}
