package org.capgov.capacity.output;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One version of an enterprise's output of a product in a month. {@code quantity} is in the product's capacity
 * {@code unit}; {@code enteredQuantity} / {@code enteredUnit} are what was typed. {@code current} is true for the
 * latest revision, the one utilisation counts.
 */
public record OutputReport(long id, String uscc, String enterpriseName, String region, String product, String month,
        int revision, boolean current, BigDecimal quantity, String unit, BigDecimal enteredQuantity, String enteredUnit,
        String source, BigDecimal monthCapacity, boolean aboveCapacityConfirmed, String note, String enteredBy,
        Instant enteredAt) {
}
