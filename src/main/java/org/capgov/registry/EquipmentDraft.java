package org.capgov.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** An equipment item as submitted. {@code region} defaults to the enterprise's, {@code status} to OPERATING. */
public record EquipmentDraft(String code, String line, String type, Map<String, Object> parameters, String product,
        BigDecimal annualCapacity, LocalDate commissioned, String region, String status, LocalDate statusSince) {
}
