package org.capgov.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.capgov.shared.Product;

/** An equipment draft after validation. {@code regionCode} null means "the enterprise's region". */
record ValidEquipment(String code, String line, EquipmentType type, Map<String, Object> parameters, Product product,
        BigDecimal annualCapacity, LocalDate commissioned, String regionCode, String regionPath, EquipmentStatus status,
        LocalDate statusSince) {
}
