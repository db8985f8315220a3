package org.capgov.shared;

import java.util.Map;

/** A WHERE-clause fragment whose values are all bound parameters; never spliced user input. */
public record SqlPredicate(String sql, Map<String, Object> params) {

    public static final SqlPredicate TRUE = new SqlPredicate("true", Map.of());
    public static final SqlPredicate FALSE = new SqlPredicate("false", Map.of());

    public SqlPredicate {
        params = Map.copyOf(params);
    }
}
