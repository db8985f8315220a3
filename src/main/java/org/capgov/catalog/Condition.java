package org.capgov.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * One applicability condition of a rule: an equipment parameter among values or compared with a number, a
 * measurement attribute among values, the air zone of the enterprise's region, the scope (existing lines or
 * projects), or {@code failing}: the equipment has a violation (NONCOMPLIANT finding) of that dimension, which lets an
 * elimination item follow from a failed standard ("环保不达标的冶金炉窑"). Exactly one of {@code param},
 * {@code attribute}, {@code airZone}, {@code scope}, {@code failing} is set.
 */
public record Condition(String param, String attribute, List<String> airZone, String scope, List<String> in, String op,
        BigDecimal value, String failing) {

    public Condition(String param, String attribute, List<String> airZone, String scope, List<String> in, String op,
            BigDecimal value) {
        this(param, attribute, airZone, scope, in, op, value, null);
    }
}
