package org.capgov.capacity.warning;

import java.math.BigDecimal;
import java.util.List;
import org.capgov.catalog.Citation;

/**
 * A warning on a product in a region: open while utilisation stays below the threshold, one warning however many
 * months that lasts ({@code history}); {@code since} and the periods are months (2025-07). {@code citation} is the
 * rule of the level.
 */
public record CapacityWarning(long id, String product, String region, String regionName, String level, String status,
        String since, String lastPeriod, BigDecimal utilisation, String closedPeriod, String closedOn, Citation citation,
        List<Month> history) {

    /** One evaluated month of the warning, with the figures behind it (no enterprise's). */
    public record Month(String period, String level, BigDecimal utilisation, BigDecimal output, BigDecimal capacity,
            int reportingEnterprises, BigDecimal missingCapacityShare) {
    }
}
