package org.capgov.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the public may know of a registered enterprise: its name, credit code, region, industries and registry status.
 * Nothing about people (legal representative), addresses or grid accounts: those columns are never even read.
 */
public record PublicEnterprise(String uscc, String name, String regionCode, String regionName, String regionPath,
        List<String> industries, String status, LocalDate statusSince) {

    /**
     * A main equipment item as disclosed: type, product, capacity, status and every parameter of its type. The
     * parameters are technical facts the catalogue judges (a furnace's volume, a kiln's process); whether equipment is
     * backward is exactly what the public needs to see, so none of them is withheld.
     */
    public record Equipment(String code, String type, List<Parameter> parameters, String product,
            BigDecimal annualCapacity, String unit, LocalDate commissioned, String status, LocalDate statusSince) {
    }

    /** One parameter: its code, kind (NUMBER, ENUM, BOOLEAN, TEXT), value as stored and unit (numbers only). */
    public record Parameter(String code, String kind, Object value, String unit) {
    }
}
