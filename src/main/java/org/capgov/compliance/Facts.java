package org.capgov.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine evaluates, already validated and normalised: the date, where the enterprise is (its air zone and
 * which documents' jurisdictions cover it), its industries, equipment and measurements.
 */
record Facts(LocalDate asOf, String airZone, Set<String> applicableDocuments, Set<String> industries,
        List<EquipmentFact> equipment, List<MeasurementFact> measurements) {

    record EquipmentFact(String ref, String type, Map<String, Object> parameters) {
    }

    /** {@code value} is a BigDecimal in {@code unit}, or a Boolean. */
    record MeasurementFact(String equipmentRef, String metric, Object value, String unit, Map<String, String> attributes) {
    }
}
