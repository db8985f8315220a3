package org.capgov.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The latest VALID value of one metric for one (enterprise, equipment, attributes) as of a date: what the
 * evaluation engine compares with the catalogue. {@code equipmentId} / {@code equipmentCode} are null for an
 * enterprise-wide value; {@code value} + {@code unit} for numeric metrics, {@code flag} for {@code req_*}.
 */
public record LatestMeasurement(long enterpriseId, Long equipmentId, String equipmentCode, String metric,
        BigDecimal value, Boolean flag, String unit, Map<String, String> attributes, LocalDate effectiveDate,
        String source) {
}
