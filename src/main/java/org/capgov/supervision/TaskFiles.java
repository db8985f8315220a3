package org.capgov.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the task tables (src/main/resources/supervision/tasks/*.yaml): one file per seed document, its task table's
 * rows and its measures that name departments, each with the section and the quoted words.
 */
final class TaskFiles {

    static final String LOCATION = "classpath*:supervision/tasks/*.yaml";

    private TaskFiles() {
    }

    static List<TaskSource> read() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            List<TaskSource> all = new ArrayList<>();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions()))
                            .load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    all.addAll(parse(file));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("task file " + resource.getFilename() + ": " + e.getMessage(), e);
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<TaskSource> parse(Map<String, Object> file) {
        Map<String, Object> d = (Map<String, Object>) file.get("document");
        Map<String, String> aliases = d.get("aliases") == null ? Map.of() : (Map<String, String>) d.get("aliases");
        List<TaskSource> out = new ArrayList<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) file.get("tasks")) {
            Map<String, Object> dl = (Map<String, Object>) t.get("deadline");
            String kind = (String) dl.get("kind");
            Deadline deadline = new Deadline(kind, dl.get("date") == null ? null : LocalDate.parse(dl.get("date").toString()),
                    (String) dl.get("monthDay"));
            out.add(new TaskSource((String) t.get("id"), (String) d.get("number"), (String) d.get("title"),
                    (String) d.get("departmentPrefix"), aliases, ((Number) d.get("firstYear")).intValue(),
                    t.get("row") == null ? null : ((Number) t.get("row")).intValue(), (String) t.get("section"),
                    (String) t.get("task"), (String) t.get("text"), (String) t.get("quote"),
                    (List<String>) t.get("lead"), (List<String>) t.get("cooperating"), (String) t.get("region"),
                    deadline, (String) dl.get("text"), (String) t.get("output")));
        }
        return out;
    }
}
