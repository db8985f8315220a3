package org.capgov.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Differences between two versions for every kind of entry: documents, rules and elimination items, targets. Field
 * by field, so that a reviewer (the draft page, the what-if) sees exactly what an edit changed.
 */
final class CatalogDiffs {

    private static final Map<String, Function<SourceDocument, Object>> DOCUMENT_FIELDS = new LinkedHashMap<>();
    private static final Map<String, Function<Target, Object>> TARGET_FIELDS = new LinkedHashMap<>();

    static {
        DOCUMENT_FIELDS.put("number", SourceDocument::number);
        DOCUMENT_FIELDS.put("title", SourceDocument::title);
        DOCUMENT_FIELDS.put("issuer", SourceDocument::issuer);
        DOCUMENT_FIELDS.put("level", SourceDocument::level);
        DOCUMENT_FIELDS.put("jurisdiction", SourceDocument::jurisdiction);
        DOCUMENT_FIELDS.put("published", SourceDocument::published);
        DOCUMENT_FIELDS.put("effective", SourceDocument::effective);
        DOCUMENT_FIELDS.put("expires", SourceDocument::expires);
        DOCUMENT_FIELDS.put("supersededBy", SourceDocument::supersededBy);
        TARGET_FIELDS.put("kind", Target::kind);
        TARGET_FIELDS.put("industry", Target::industry);
        TARGET_FIELDS.put("product", Target::product);
        TARGET_FIELDS.put("region", Target::region);
        TARGET_FIELDS.put("comparator", Target::comparator);
        TARGET_FIELDS.put("value", Target::value);
        TARGET_FIELDS.put("unit", Target::unit);
        TARGET_FIELDS.put("deadline", Target::deadline);
        TARGET_FIELDS.put("confidence", Target::confidence);
        TARGET_FIELDS.put("citation", Target::citation);
    }

    private CatalogDiffs() {
    }

    /** Everything that differs, documents first, then rules and elimination items, then targets. */
    static List<CatalogChange> all(Catalog from, Catalog to) {
        List<CatalogChange> out = new ArrayList<>(documentsAndTargets(from, to).stream()
                .filter(c -> c.entry().equals("DOCUMENT")).toList());
        for (CatalogDraftService.RuleDiff r : CatalogDraftService.compare(from, to)) {
            out.add(new CatalogChange(r.kind().equals("ELIMINATION") ? "ELIMINATION" : "RULE", r.ruleId(), r.documentId(),
                    r.change(), r.fields().stream().map(f -> new CatalogChange.Field(f.field(), f.from(), f.to())).toList()));
        }
        out.addAll(documentsAndTargets(from, to).stream().filter(c -> c.entry().equals("TARGET")).toList());
        return out;
    }

    /** Documents and targets that differ (rules are compared by {@link CatalogDraftService#compare}). */
    static List<CatalogChange> documentsAndTargets(Catalog from, Catalog to) {
        List<CatalogChange> out = new ArrayList<>();
        Map<String, Target> targetsBefore = new LinkedHashMap<>();
        from.targets().forEach(t -> targetsBefore.put(t.id(), t));
        Map<String, Target> targetsAfter = new LinkedHashMap<>();
        to.targets().forEach(t -> targetsAfter.put(t.id(), t));
        diff("DOCUMENT", from.documents(), to.documents(), SourceDocument::id, DOCUMENT_FIELDS, out);
        diff("TARGET", targetsBefore, targetsAfter, Target::documentId, TARGET_FIELDS, out);
        out.sort(Comparator.comparing(CatalogChange::entry).thenComparing(CatalogChange::documentId)
                .thenComparing(CatalogChange::id));
        return out;
    }

    /** For the publication's audit summary: documents and targets changed, or nothing when none. */
    static String summary(List<CatalogChange> entries) {
        if (entries.isEmpty()) {
            return "";
        }
        return "；文件与目标 " + entries.size() + " 处：" + String.join("；", entries.stream()
                .map(e -> e.entry() + " " + e.id() + " " + e.change()).toList());
    }

    private static <T> void diff(String entry, Map<String, T> before, Map<String, T> after,
            Function<T, String> documentOf, Map<String, Function<T, Object>> fields, List<CatalogChange> out) {
        before.forEach((id, was) -> {
            T now = after.get(id);
            if (now == null) {
                out.add(new CatalogChange(entry, id, documentOf.apply(was), "WITHDRAWN", List.of()));
                return;
            }
            List<CatalogChange.Field> changed = new ArrayList<>();
            fields.forEach((name, field) -> {
                Object a = field.apply(was);
                Object b = field.apply(now);
                boolean same = a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0
                        : Objects.equals(a, b);
                if (!same) {
                    changed.add(new CatalogChange.Field(name, a, b));
                }
            });
            if (!changed.isEmpty()) {
                out.add(new CatalogChange(entry, id, documentOf.apply(now), "CHANGED", changed));
            }
        });
        after.forEach((id, now) -> {
            if (!before.containsKey(id)) {
                out.add(new CatalogChange(entry, id, documentOf.apply(now), "ADDED", List.of()));
            }
        });
    }
}
