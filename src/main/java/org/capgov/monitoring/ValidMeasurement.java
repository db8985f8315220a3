package org.capgov.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/** A measurement that passed validation, normalised and ready to store; with its enterprise for scope and audit. */
record ValidMeasurement(long enterpriseId, String uscc, String regionPath, Long equipmentId, String equipmentCode,
        String metric, BigDecimal value, Boolean flag, String unit, String originalValue, String originalUnit,
        OffsetDateTime measuredAt, LocalDate periodStart, LocalDate periodEnd, MeasurementSource source,
        Validity validity, Map<String, String> attributes, String documentRef, LocalDate effectiveDate) {
}
