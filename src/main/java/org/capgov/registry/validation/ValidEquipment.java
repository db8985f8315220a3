package org.capgov.registry.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.capgov.shared.Product;
import org.capgov.registry.EquipmentType;
import org.capgov.registry.EquipmentStatus;

/** An equipment draft after validation. {@code regionCode} null means "the enterprise's region". */
public record ValidEquipment(String code, String line, EquipmentType type, Map<String, Object> parameters, Product product,
        BigDecimal annualCapacity, LocalDate commissioned, String regionCode, String regionPath, EquipmentStatus status,
        LocalDate statusSince) {
}
