package org.capgov.monitoring;

import java.util.Map;

/**
 * A measurement as submitted (API item, import row), before validation. Values stay as given so that every problem
 * of every item can be reported at once: {@code value} is a number, a numeric string or, for {@code req_*} metrics,
 * a boolean; {@code measuredAt} is ISO 8601 with offset (or a local date-time, read as China time); the period
 * dates are yyyy-MM-dd. {@code validity} defaults to VALID; {@code unit} to the metric's unit.
 */
public record MeasurementDraft(String uscc, String equipmentCode, String metric, Object value, String unit,
        String measuredAt, String periodStart, String periodEnd, String source, String validity,
        Map<String, String> attributes, String documentRef) {
}
