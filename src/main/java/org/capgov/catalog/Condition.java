package org.capgov.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * One applicability condition of a rule: an equipment parameter among values or compared with a number, a
 * measurement attribute among values, the air zone of the enterprise's region, or the scope (existing lines or
 * projects). Exactly one of {@code param}, {@code attribute}, {@code airZone}, {@code scope} is set.
 */
public record Condition(String param, String attribute, List<String> airZone, String scope, List<String> in, String op,
        BigDecimal value) {
}
