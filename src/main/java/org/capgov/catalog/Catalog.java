package org.capgov.catalog;

import java.util.List;
import java.util.Map;

/** One version of the catalogue, in memory: what every evaluation reads and names. */
public record Catalog(String version, Map<String, SourceDocument> documents, List<CatalogRule> rules,
        List<Target> targets) {

    public List<CatalogRule> limits() {
        return rules.stream().filter(r -> r.kind() == CatalogRule.Kind.RULE).toList();
    }

    public List<CatalogRule> eliminations() {
        return rules.stream().filter(r -> r.kind() == CatalogRule.Kind.ELIMINATION).toList();
    }
}
