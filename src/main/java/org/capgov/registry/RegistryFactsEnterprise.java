package org.capgov.registry;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An enterprise as the evaluation reads it: where it is, its industries and its current equipment (neither
 * dismantled nor transferred away), each with its validated parameters (numbers as BigDecimal).
 */
public record RegistryFactsEnterprise(long enterpriseId, String uscc, String regionCode, String regionPath,
        Set<String> industries, List<Item> equipment) {

    /** One piece of equipment: its code in the enterprise (the subject of findings), type and parameters. */
    public record Item(String code, String type, Map<String, Object> parameters) {
    }
}
