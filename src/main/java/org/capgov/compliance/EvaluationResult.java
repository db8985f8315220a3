package org.capgov.compliance;

import java.time.LocalDate;
import java.util.List;

/** Findings of one evaluation and the catalogue version they came from. */
public record EvaluationResult(String catalogueVersion, LocalDate asOf, String region, String airZone,
        List<Finding> findings, List<Conflict> conflicts) {
}
