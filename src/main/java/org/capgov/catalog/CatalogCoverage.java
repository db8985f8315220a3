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
     * One document's counts ({@code document} is null in the totals row). {@code secondary} and {@code computed}
     * count the rules, eliminations and targets of confidence S (secondary source) and C (computed).
     */
    public record DocumentCoverage(SourceDocument document, Map<String, Long> rulesByDimension, long rules,
            long eliminations, long targets, long secondary, long computed, long total) {
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

    private static DocumentCoverage count(SourceDocument d, List<CatalogRule> rules, List<Target> targets) {
        Map<String, Long> byDimension = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            byDimension.put(dimension.name(), rules.stream()
                    .filter(r -> r.kind() == CatalogRule.Kind.RULE && dimension.name().equals(r.dimension())).count());
        }
        long limits = rules.stream().filter(r -> r.kind() == CatalogRule.Kind.RULE).count();
        long eliminations = rules.size() - limits;
        long secondary = rules.stream().filter(r -> "S".equals(r.confidence())).count()
                + targets.stream().filter(t -> "S".equals(t.confidence())).count();
        long computed = rules.stream().filter(r -> "C".equals(r.confidence())).count()
                + targets.stream().filter(t -> "C".equals(t.confidence())).count();
        return new DocumentCoverage(d, byDimension, limits, eliminations, targets.size(), secondary, computed,
                rules.size() + targets.size());
    }

    private static int level(String level) {
        int i = LEVELS.indexOf(level);
        return i < 0 ? LEVELS.size() : i;
    }
}
