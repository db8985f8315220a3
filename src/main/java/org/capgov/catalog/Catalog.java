package org.capgov.catalog;

import java.util.List;
import java.util.Map;

/**
 * One version of the catalogue, in memory: what every evaluation reads and names. {@code replacement} holds the rules
 * on new capacity (bans, replacement ratios, suspensions) that the project gate reads.
 */
public record Catalog(String version, Map<String, SourceDocument> documents, List<CatalogRule> rules,
        List<Target> targets, List<ReplacementRule> replacement) {

    public Catalog {
        replacement = replacement == null ? List.of() : List.copyOf(replacement);
    }

    /** A version without rules on new capacity. */
    public Catalog(String version, Map<String, SourceDocument> documents, List<CatalogRule> rules, List<Target> targets) {
        this(version, documents, rules, targets, List.of());
    }

    public List<CatalogRule> limits() {
        return rules.stream().filter(r -> r.kind() == CatalogRule.Kind.RULE).toList();
    }

    public List<CatalogRule> eliminations() {
        return rules.stream().filter(r -> r.kind() == CatalogRule.Kind.ELIMINATION).toList();
    }

    public List<CatalogRule> consequences() {
        return rules.stream().filter(r -> r.kind() == CatalogRule.Kind.CONSEQUENCE).toList();
    }

    /**
     * The consequence that gives a failing rule its outer closure deadline on a date (the earliest, if several):
     * the rule's document closes what still fails that standard by then. Empty for rules without one.
     */
    public java.util.Optional<CatalogRule> closureConsequence(CatalogRule rule, java.time.LocalDate asOf) {
        return consequences().stream().filter(c -> c.inForceOn(asOf) && c.closes(rule) && c.deadline() != null)
                .min(java.util.Comparator.comparing(CatalogRule::deadline));
    }
}
