package org.capgov.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A stored measurement. {@code value} is in the metric's {@code unit} (converted on the way in; what was submitted
 * is kept in {@code originalValue} / {@code originalUnit}); {@code flag} holds the answer of a {@code req_*}
 * metric instead. {@code effectiveDate} is the day the value speaks for: the period's end, or the China date of
 * {@code measuredAt}.
 */
public record Measurement(long id, String uscc, String equipmentCode, String metric, BigDecimal value, Boolean flag,
        String unit, String originalValue, String originalUnit, OffsetDateTime measuredAt, LocalDate periodStart,
        LocalDate periodEnd, LocalDate effectiveDate, MeasurementSource source, Validity validity,
        Map<String, String> attributes, String documentRef, Instant recordedAt, String recordedBy) {
}
