package org.capgov.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The body of POST /api/v1/compliance/evaluate: an enterprise described in full, evaluated without being stored. */
public record EvaluationRequest(LocalDate asOf, String region, String industry, List<EquipmentInput> equipment,
        List<MeasurementInput> measurements) {

    public record EquipmentInput(String ref, String type, Map<String, Object> parameters) {
    }

    /** {@code value} is a number, or a boolean for req_* metrics; {@code equipmentRef} is optional. */
    public record MeasurementInput(String equipmentRef, String metric, Object value, String unit,
            Map<String, String> attributes) {
    }
}
