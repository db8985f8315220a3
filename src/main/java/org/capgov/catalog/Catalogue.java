package org.capgov.catalog;

import java.util.List;
import java.util.Map;

/**
 * One version of the catalogue, in memory: what every evaluation reads and names. {@code replacement} holds the rules
 * on new capacity (bans, replacement ratios, suspensions) that the project gate reads.
 */
public record Catalogue(String version, Map<String, SourceDocument> documents, List<CatalogRule> rules,
        List<Target> targets, List<ReplacementRule> replacement) {

    public Catalogue {
        replacement = replacement == null ? List.of() : List.copyOf(replacement);
    }

    /** A version without rules on new capacity. */
    public Catalogue(String version, Map<String, SourceDocument> documents, List<CatalogRule> rules, List<Target> targets) {
        this(version, documents, rules, targets, List.of());
    }

    public List<CatalogRule> limits() {
        return rules.stream().filter(r -> r.kind() == CatalogRule.Kind.RULE).toList();
    }

    public List<CatalogRule> eliminations() {
        return rules.stream().filter(r -> r.kind() == CatalogRule.Kind.ELIMINATION).toList();
    }
}
