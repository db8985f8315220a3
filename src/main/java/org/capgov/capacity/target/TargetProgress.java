package org.capgov.capacity.target;

import java.math.BigDecimal;
import org.capgov.catalog.Citation;

/**
 * A catalogue target measured as of a date: {@code value} and {@code goal} in the target's {@code unit},
 * {@code status} MET / ON_TRACK / AT_RISK / MISSED / NO_DATA, {@code method} the code of how the value was
 * measured and {@code methodText} its Chinese description.
 */
public record TargetProgress(String targetId, String documentId, String kind, String industry, String product,
        String region, String comparator, BigDecimal goal, BigDecimal value, BigDecimal projected, String unit,
        String deadline, String asOf, String status, String method, String methodText, Citation citation) {
}
