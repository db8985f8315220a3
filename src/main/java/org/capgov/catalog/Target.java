package org.capgov.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A quantified target: utilisation, cap, elimination amount, enterprise count or share, with its deadline. */
public record Target(String id, String documentId, String kind, String industry, String product, String region,
        String comparator, BigDecimal value, String unit, LocalDate deadline, String confidence, Citation citation) {
}
