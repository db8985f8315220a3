package org.capgov.capacity.output;

import java.math.BigDecimal;
import java.util.Map;
import org.capgov.shared.DomainException;
import org.capgov.shared.Product;

/**
 * Units in which output may be entered, by dimension, with their factor to the product's capacity unit
 * (docs/domain.md §4). A unit of another dimension (e.g. 重量箱 for clinker) is refused, never converted.
 */
final class OutputUnits {

    /** A unit's dimension and its size in the base unit of that dimension. */
    private record Unit(String dimension, BigDecimal factor) {
    }

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("t", new Unit("MASS", BigDecimal.ONE)),
            Map.entry("吨", new Unit("MASS", BigDecimal.ONE)),
            Map.entry("kg", new Unit("MASS", new BigDecimal("0.001"))),
            Map.entry("万t", new Unit("MASS", new BigDecimal("10000"))),
            Map.entry("万吨", new Unit("MASS", new BigDecimal("10000"))),
            Map.entry("重量箱", new Unit("GLASS", BigDecimal.ONE)),
            Map.entry("万重量箱", new Unit("GLASS", new BigDecimal("10000"))),
            Map.entry("dwt", new Unit("SHIP", BigDecimal.ONE)),
            Map.entry("载重吨", new Unit("SHIP", BigDecimal.ONE)),
            Map.entry("万dwt", new Unit("SHIP", new BigDecimal("10000"))),
            Map.entry("万载重吨", new Unit("SHIP", new BigDecimal("10000"))),
            Map.entry("万块标砖", new Unit("BRICK", BigDecimal.ONE)),
            Map.entry("亿块标砖", new Unit("BRICK", new BigDecimal("10000"))));

    private OutputUnits() {
    }

    /** {@code quantity} in {@code unit} expressed in {@code product}'s capacity unit; 400 on the field unit otherwise. */
    static BigDecimal toProductUnit(Product product, BigDecimal quantity, String unit) {
        String u = unit == null || unit.isBlank() ? product.unit() : unit.trim();
        Unit given = UNITS.get(u);
        if (given == null) {
            throw DomainException.invalid("unit", "error.capacity.unknownUnit", u, product.unit());
        }
        Unit base = UNITS.get(product.unit());
        if (!given.dimension().equals(base.dimension())) {
            throw DomainException.invalid("unit", "error.capacity.unitDimension", u, product.unit());
        }
        return quantity.multiply(given.factor()).divide(base.factor());
    }

    static String normalised(Product product, String unit) {
        return unit == null || unit.isBlank() ? product.unit() : unit.trim();
    }
}
