package org.capgov.supervision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The dashboard's view of the tasks in the caller's scope: due soon and overdue per lead department and region. */
@Component
public class TaskBoard {

    /** A department or region with its tasks due within 30 days and overdue; {@code key} filters the task board. */
    public record Line(String key, String name, int dueSoon, int overdue) {
    }

    public record Summary(List<Line> departments, List<Line> regions) {
    }

    private final TaskService tasks;
    private final TaskRepository repository;

    TaskBoard(TaskService tasks, TaskRepository repository) {
        this.tasks = tasks;
        this.repository = repository;
    }

    public Summary summary(int limit) {
        Map<String, String> names = new HashMap<>();
        repository.departments().forEach(d -> names.putIfAbsent(d.code(), d.shortName()));
        Map<String, int[]> byDepartment = new HashMap<>();
        Map<String, int[]> byRegion = new HashMap<>();
        Map<String, String> regionNames = new HashMap<>();
        for (Task t : tasks.list(null, null, null, false)) {
            int soon = "DUE_SOON".equals(t.standing()) ? 1 : 0;
            int late = "OVERDUE".equals(t.standing()) ? 1 : 0;
            if (soon + late == 0) {
                continue;
            }
            for (String d : t.lead()) {
                add(byDepartment, d, soon, late);
            }
            regionNames.put(t.region(), t.regionName());
            add(byRegion, t.region(), soon, late);
        }
        return new Summary(lines(byDepartment, names, limit), lines(byRegion, regionNames, limit));
    }

    private static void add(Map<String, int[]> m, String key, int soon, int late) {
        int[] c = m.computeIfAbsent(key, k -> new int[2]);
        c[0] += soon;
        c[1] += late;
    }

    private static List<Line> lines(Map<String, int[]> m, Map<String, String> names, int limit) {
        List<Line> out = new ArrayList<>();
        m.forEach((k, c) -> out.add(new Line(k, names.getOrDefault(k, k), c[0], c[1])));
        out.sort((a, b) -> a.overdue() != b.overdue() ? Integer.compare(b.overdue(), a.overdue())
                : Integer.compare(b.dueSoon(), a.dueSoon()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }
}
