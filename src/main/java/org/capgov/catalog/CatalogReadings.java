package org.capgov.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The readings of the seeds the platform took (docs/decisions/*-readings.md), as listed for the coverage page in
 * {@code catalog/readings/readings.yaml}. Read once at start-up; a malformed entry stops the start.
 */
@Component
class CatalogReadings {

    static final String LOCATION = "catalog/readings/readings.yaml";

    /** One reading: its id in its doc file, the sentence or provision it reads, and the reading taken. */
    record Reading(String id, String doc, String title, String source, String reading) {

        /** An HTML id unique over all doc files (ids repeat across files). */
        public String anchor() {
            String file = doc.substring(doc.lastIndexOf('/') + 1).replace(".md", "");
            return "reading-" + file + "-" + id;
        }
    }

    private final List<Reading> all;

    CatalogReadings() {
        this.all = List.copyOf(load());
    }

    List<Reading> all() {
        return all;
    }

    /** The readings by doc file, in the order of the data file. */
    Map<String, List<Reading>> byDoc() {
        Map<String, List<Reading>> out = new LinkedHashMap<>();
        all.forEach(r -> out.computeIfAbsent(r.doc(), d -> new ArrayList<>()).add(r));
        return out;
    }

    private static List<Reading> load() {
        List<Reading> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(root instanceof List<?> entries)) {
                throw new IllegalStateException(LOCATION + ": expected a list of readings");
            }
            for (Object e : entries) {
                if (!(e instanceof Map<?, ?> m)) {
                    throw new IllegalStateException(LOCATION + ": an entry is not a map: " + e);
                }
                Reading r = new Reading(text(m, "id"), text(m, "doc"), text(m, "title"), text(m, "source"),
                        text(m, "reading"));
                if (!seen.add(r.doc() + "#" + r.id())) {
                    throw new IllegalStateException(LOCATION + ": " + r.id() + " of " + r.doc() + " listed twice");
                }
                out.add(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + LOCATION, e);
        }
        return out;
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalStateException(LOCATION + ": entry " + m.get("id") + " has no " + key);
        }
        return v.toString().trim();
    }
}
