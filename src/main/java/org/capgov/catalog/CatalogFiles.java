package org.capgov.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the catalogue data files (src/main/resources/catalog/*.yaml, format in FORMAT.md there). */
final class CatalogFiles {

    static final String LOCATION = "classpath*:catalog/*.yaml";
    static final String STORAGE_FORMAT = "entries-v2";

    /** The parsed files and a hash of their bytes, which tells whether the database holds this content. */
    record Content(String hash, Catalog catalogue) {
    }

    private CatalogFiles() {
    }

    static Content read(String version) throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
        MessageDigest digest = sha256();
        // bumping this republishes once from the files (e.g. after a change in how entries are stored)
        digest.update(STORAGE_FORMAT.getBytes(StandardCharsets.UTF_8));
        Map<String, SourceDocument> documents = new LinkedHashMap<>();
        List<CatalogRule> rules = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        List<ReplacementRule> replacement = new ArrayList<>();
        for (Resource resource : resources) {
            byte[] bytes;
            try (InputStream in = resource.getInputStream()) {
                bytes = in.readAllBytes();
            }
            digest.update(resource.getFilename().getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new String(bytes, StandardCharsets.UTF_8));
            try {
                parse(file, documents, rules, targets, replacement);
            } catch (RuntimeException e) {
                throw new IllegalStateException("catalogue file " + resource.getFilename() + ": " + e.getMessage(), e);
            }
        }
        return new Content(HexFormat.of().formatHex(digest.digest()), new Catalog(version, documents, rules, targets,
                replacement));
    }

    @SuppressWarnings("unchecked")
    private static void parse(Map<String, Object> file, Map<String, SourceDocument> documents, List<CatalogRule> rules,
            List<Target> targets, List<ReplacementRule> replacement) {
        Map<String, Object> d = (Map<String, Object>) file.get("document");
        SourceDocument doc = new SourceDocument(str(d, "id"), str(d, "number"), str(d, "title"), str(d, "issuer"),
                str(d, "level"), str(d, "jurisdiction"), date(d, "published"), date(d, "effective"), date(d, "expires"),
                str(d, "supersededBy"), str(d, "seed"));
        documents.put(doc.id(), doc);
        for (Map<String, Object> r : list(file, "rules")) {
            rules.add(rule(r, doc, CatalogRule.Kind.RULE));
        }
        for (Map<String, Object> r : list(file, "eliminations")) {
            rules.add(rule(r, doc, CatalogRule.Kind.ELIMINATION));
        }
        for (Map<String, Object> r : list(file, "consequences")) {
            rules.add(rule(r, doc, CatalogRule.Kind.CONSEQUENCE));
        }
        for (Map<String, Object> t : list(file, "targets")) {
            targets.add(new Target(str(t, "id"), doc.id(), str(t, "kind"), str(t, "industry"), str(t, "product"),
                    str(t, "region"), str(t, "comparator"), number(t.get("value")), str(t, "unit"), date(t, "deadline"),
                    str(t, "confidence"), citation(t, doc)));
        }
        for (Map<String, Object> r : list(file, "replacement")) {
            LocalDate from = date(r, "effectiveFrom");
            replacement.add(new ReplacementRule(str(r, "id"), doc.id(), ReplacementRule.Kind.valueOf(str(r, "kind")),
                    r.get("industries") == null ? List.of() : strings(r.get("industries")), str(r, "product"),
                    r.get("keyRegion") == null ? null : (Boolean) r.get("keyRegion"), str(r, "case"),
                    number(r.get("ratio")), from != null ? from : doc.effective(), date(r, "effectiveTo"),
                    r.get("confidence") == null ? "V" : str(r, "confidence"), citation(r, doc)));
        }
    }

    private static CatalogRule rule(Map<String, Object> r, SourceDocument doc, CatalogRule.Kind kind) {
        Object limit = r.get("limit");
        Object parsedLimit = limit instanceof Boolean b ? b : limit == null ? null : number(limit);
        LocalDate from = date(r, "effectiveFrom");
        return new CatalogRule(str(r, "id"), doc.id(), kind, str(r, "dimension"), str(r, "industry"),
                str(r, "equipmentType"), kind == CatalogRule.Kind.ELIMINATION ? "PARAMETER" : str(r, "subject"),
                str(r, "metric"), conditions(r.get("when")), str(r, "comparator"), parsedLimit, str(r, "unit"),
                r.get("severity") == null ? "VIOLATION" : str(r, "severity"), date(r, "deadline"),
                from != null ? from : doc.effective(), date(r, "effectiveTo"),
                r.get("confidence") == null ? "V" : str(r, "confidence"), citation(r, doc));
    }

    @SuppressWarnings("unchecked")
    private static List<Condition> conditions(Object raw) {
        List<Condition> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (Object o : (List<Object>) raw) {
            Map<String, Object> c = (Map<String, Object>) o;
            List<String> airZone = c.get("airZone") == null ? null : strings(c.get("airZone"));
            List<String> in = c.get("in") == null ? null : strings(c.get("in"));
            out.add(new Condition(str(c, "param"), str(c, "attribute"), airZone, str(c, "scope"), in, str(c, "op"),
                    c.get("value") == null ? null : number(c.get("value")), str(c, "failing")));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Citation citation(Map<String, Object> r, SourceDocument doc) {
        Map<String, Object> c = (Map<String, Object>) r.get("citation");
        if (c == null) {
            return new Citation(doc.number(), null, null, null);
        }
        return new Citation(doc.number(), str(c, "section"), str(c, "standard"), str(c, "text"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> file, String key) {
        Object v = file.get(key);
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object v) {
        if (v instanceof List<?> l) {
            return ((List<Object>) l).stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v));
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    static BigDecimal number(Object v) {
        if (v == null) {
            return null;
        }
        return new BigDecimal(String.valueOf(v).trim());
    }

    private static LocalDate date(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(v).trim());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
