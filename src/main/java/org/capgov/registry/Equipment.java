package org.capgov.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.capgov.shared.Product;

/** A main equipment item of an enterprise, with its typed parameters and annual capacity. */
public record Equipment(long id, String enterpriseUscc, String code, String line, EquipmentType type,
        Map<String, Object> parameters, Product product, BigDecimal annualCapacity, String unit, LocalDate commissioned,
        String region, String regionPath, EquipmentStatus status, LocalDate statusSince) {
}
