package org.capgov.registry;

import java.math.BigDecimal;

/**
 * Search filters of the enterprise list (all optional): name or USCC text, region subtree, industry, status,
 * product and a range of the operating annual capacity (of that product when given).
 */
public record EnterpriseFilter(String text, String region, String industry, String status, String product,
        BigDecimal capacityMin, BigDecimal capacityMax, String sort, boolean descending) {

    public static EnterpriseFilter none() {
        return new EnterpriseFilter(null, null, null, null, null, null, null, null, false);
    }
}
