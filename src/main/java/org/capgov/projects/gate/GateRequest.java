package org.capgov.projects.gate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The body of POST /api/v1/projects/evaluate: a project described in full, evaluated without being stored.
 * {@code replacementCase} names an equal-replacement case of the catalogue (EQUAL_EAF_TO_EAF …) when one is claimed;
 * {@code mergerCapacity} says the capacity comes from a real merger or restructuring; {@code replacementPlan} names the
 * code of a replacement plan (ZH-…) the project relies on, and the answer says whether it covers the capacity.
 */
public record GateRequest(LocalDate asOf, String region, String industry, String kind, List<Equipment> equipment,
        Capacity capacityAdded, Capacity capacityRemoved, Boolean mergerCapacity, String replacementCase,
        String replacementPlan) {

    public GateRequest(LocalDate asOf, String region, String industry, String kind, List<Equipment> equipment,
            Capacity capacityAdded, Capacity capacityRemoved, Boolean mergerCapacity, String replacementCase) {
        this(asOf, region, industry, kind, equipment, capacityAdded, capacityRemoved, mergerCapacity, replacementCase,
                null);
    }

    public record Equipment(String ref, String type, Map<String, Object> parameters) {
    }

    public record Capacity(String product, BigDecimal quantity, String unit) {
    }
}
