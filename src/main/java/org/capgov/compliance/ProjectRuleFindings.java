package org.capgov.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the catalogue says of a project's equipment as of a date: the findings of the rules that gate projects and of
 * the elimination items, with the region facts the project gate needs next (key air-pollution region, the documents
 * in force whose jurisdiction covers the region).
 */
public record ProjectRuleFindings(String catalogueVersion, LocalDate asOf, String region, boolean keyAirRegion,
        Set<String> documents, List<Finding> findings) {
}
