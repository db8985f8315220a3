package org.capgov.registry.exchange;

/**
 * Filters of an equipment export (all optional): one enterprise by USCC, a region subtree (of the equipment's own
 * region), a product, an equipment type and a status.
 */
public record ExportEquipmentFilter(String enterprise, String region, String product, String type, String status) {
}
