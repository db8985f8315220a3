package org.capgov.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.Dimension;

/** How much of each source document one catalogue version encodes: rules by dimension, eliminations, targets. */
public record CatalogCoverage(String version, List<DocumentCoverage> documents, DocumentCoverage totals) {

    private static final List<String> LEVELS = List.of("NATIONAL", "PROVINCIAL", "MUNICIPAL", "DISTRICT");

    /**
     * One document's counts ({@code document} is null in the totals row). {@code rules} and {@code rulesByDimension}
     * count the rules evaluations of existing capacity apply. {@code projectOnly} counts the rules for projects only
     * (scope PROJECT), which only the project gate applies, and {@code projectGate} every rule the project gate
     * applies (PROJECT or BOTH). {@code total} counts the entries judging existing capacity and the targets, not the
     * project-only rules. {@code secondary} and {@code computed} count the
     * entries of confidence S (secondary source) and C (computed).
     */
    public record DocumentCoverage(SourceDocument document, Map<String, Long> rulesByDimension, long rules,
            long eliminations, long targets, long projectOnly, long projectGate, long secondary, long computed,
            long total) {
    }

    public static CatalogCoverage of(Catalog catalogue) {
        List<DocumentCoverage> rows = new ArrayList<>();
        List<SourceDocument> documents = new ArrayList<>(catalogue.documents().values());
        documents.sort(Comparator.comparingInt((SourceDocument d) -> level(d.level()))
                .thenComparing(SourceDocument::effective, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
                .thenComparing(SourceDocument::id));
        for (SourceDocument d : documents) {
            rows.add(count(d, catalogue.rules().stream().filter(r -> d.id().equals(r.documentId())).toList(),
                    catalogue.targets().stream().filter(t -> d.id().equals(t.documentId())).toList()));
        }
        return new CatalogCoverage(catalogue.version(), rows, count(null, catalogue.rules(), catalogue.targets()));
    }

    private static DocumentCoverage count(SourceDocument d, List<CatalogRule> all, List<Target> targets) {
        List<CatalogRule> rules = all.stream().filter(r -> !r.forProjectsOnly()).toList();
        long projectOnly = all.size() - rules.size();
        long projectGate = all.stream().filter(CatalogRule::gatesProjects).count();
        Map<String, Long> byDimension = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            byDimension.put(dimension.name(), rules.stream()
                    .filter(r -> r.kind() == CatalogRule.Kind.RULE && dimension.name().equals(r.dimension())).count());
        }
        long limits = rules.stream().filter(r -> r.kind() == CatalogRule.Kind.RULE).count();
        long eliminations = rules.stream().filter(r -> r.kind() == CatalogRule.Kind.ELIMINATION).count();
        long secondary = rules.stream().filter(r -> "S".equals(r.confidence())).count()
                + targets.stream().filter(t -> "S".equals(t.confidence())).count();
        long computed = rules.stream().filter(r -> "C".equals(r.confidence())).count()
                + targets.stream().filter(t -> "C".equals(t.confidence())).count();
        return new DocumentCoverage(d, byDimension, limits, eliminations, targets.size(), projectOnly, projectGate,
                secondary, computed, rules.size() + targets.size());
    }

    private static int level(String level) {
        int i = LEVELS.indexOf(level);
        return i < 0 ? LEVELS.size() : i;
    }
}
