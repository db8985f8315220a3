package org.capgov.supervision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The task board (per department and region: due soon, overdue), a task with its reports, and new tasks. */
@Controller
class SupervisionPageController {

    private final TaskService tasks;
    private final ProgressService progress;
    private final PlatformFigures figures;
    private final SupervisionNotices notices;
    private final TaskRepository repository;
    private final MessageSource messages;

    SupervisionPageController(TaskService tasks, ProgressService progress, PlatformFigures figures,
            SupervisionNotices notices, TaskRepository repository, MessageSource messages) {
        this.tasks = tasks;
        this.progress = progress;
        this.figures = figures;
        this.notices = notices;
        this.repository = repository;
        this.messages = messages;
    }

    /** One line of the board's summary: a department or a region with its counts. */
    record Tally(String key, String name, int total, int dueSoon, int overdue, int done) {
    }

    @GetMapping("/supervision")
    @PreAuthorize(SupervisionApiController.READERS)
    String board(@RequestParam(required = false) String document, @RequestParam(required = false) String department,
            @RequestParam(required = false) String region, @RequestParam(required = false) String standing,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
        List<Task> all = tasks.list(document, department, region, true);
        Map<String, String> names = departmentNames();
        Map<String, int[]> byDepartment = new TreeMap<>();
        Map<String, int[]> byRegion = new TreeMap<>();
        Map<String, String> regionNames = new LinkedHashMap<>();
        for (Task t : all) {
            if (!"PUBLISHED".equals(t.status())) {
                continue;
            }
            for (String d : t.lead()) {
                count(byDepartment.computeIfAbsent(d, k -> new int[4]), t.standing());
            }
            regionNames.put(t.region(), t.regionName());
            count(byRegion.computeIfAbsent(t.region(), k -> new int[4]), t.standing());
        }
        model.addAttribute("departmentTally", tallies(byDepartment, names));
        model.addAttribute("regionTally", tallies(byRegion, regionNames));
        List<Task> shown = standing == null || standing.isBlank() ? all
                : all.stream().filter(t -> t.standing().equals(standing)).toList();
        // about 130 published tasks: shown a page at a time, the tallies above still count them all
        int pageSize = org.capgov.shared.ListFilters.size(java.util.Map.of("size", size == null ? "" : size),
                PAGE_SIZES, 50);
        long pages = org.capgov.shared.ListFilters.pages(shown.size(), pageSize);
        int pageNo = (int) Math.min(org.capgov.shared.ListFilters.page(page), pages - 1);
        int from = pageNo * pageSize;
        model.addAttribute("tasks", shown.subList(from, Math.min(shown.size(), from + pageSize)));
        model.addAttribute("taskTotal", shown.size());
        model.addAttribute("page", pageNo);
        model.addAttribute("pages", pages);
        model.addAttribute("size", pageSize);
        model.addAttribute("sizes", PAGE_SIZES);
        if (pageNo > 0) {
            model.addAttribute("previousLink", boardLink(document, department, region, standing, pageSize, pageNo - 1));
        }
        if (pageNo + 1 < pages) {
            model.addAttribute("nextLink", boardLink(document, department, region, standing, pageSize, pageNo + 1));
        }
        model.addAttribute("documents", all.stream().map(Task::document).distinct().sorted().toList());
        model.addAttribute("departments", names);
        model.addAttribute("document", document == null ? "" : document);
        model.addAttribute("department", department == null ? "" : department);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("standing", standing == null ? "" : standing);
        return "supervision/board";
    }

    private static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);

    private static String boardLink(String document, String department, String region, String standing, int size,
            int page) {
        return org.springframework.web.util.UriComponentsBuilder.fromPath("/supervision")
                .queryParamIfPresent("document", blank(document)).queryParamIfPresent("department", blank(department))
                .queryParamIfPresent("region", blank(region)).queryParamIfPresent("standing", blank(standing))
                .queryParam("size", size).queryParam("page", page).encode().build().toUriString();
    }

    private static java.util.Optional<String> blank(String s) {
        return s == null || s.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(s.trim());
    }

    @GetMapping("/supervision/tasks/{id}")
    @PreAuthorize(SupervisionApiController.READERS)
    String task(@PathVariable long id, Model model) {
        Task t = tasks.get(id);
        model.addAttribute("task", t);
        model.addAttribute("names", departmentNames());
        model.addAttribute("reports", progress.reportsOf(id));
        model.addAttribute("current", progress.reportsOf(id).stream().filter(r -> r.period() == t.period())
                .findFirst().orElse(null));
        model.addAttribute("figures", figures.of(t.regionPath(), t.period()));
        model.addAttribute("isLead", progress.leadDepartmentOfCaller(t) != null);
        model.addAttribute("isCooperating", progress.cooperatingDepartmentOfCaller(t) != null);
        model.addAttribute("notices", notices.list(Actors.scope().regionPredicate("n.region_path"), id));
        return "supervision/task";
    }

    @PostMapping("/supervision/tasks/{id}/report")
    @PreAuthorize(SupervisionApiController.REPORTERS)
    String report(@PathVariable long id, @RequestParam(required = false) String text,
            @RequestParam(required = false) String figures, @RequestParam(required = false) String documentNumbers,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            RedirectAttributes redirect) {
        try {
            ProgressReport r = progress.submit(id, null, text, figures, documentNumbers);
            if (file != null && !file.isEmpty()) {
                progress.attach(id, r.period(), file.getOriginalFilename(), file.getContentType(), file.getBytes());
            }
            redirect.addFlashAttribute("success", label("supervision.report.submitted"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", message(e));
            redirect.addFlashAttribute("draftText", text);
        } catch (java.io.IOException e) {
            redirect.addFlashAttribute("failure", label("error.supervision.attachment.unreadable"));
        }
        return "redirect:/supervision/tasks/" + id;
    }

    @PostMapping("/supervision/tasks/{id}/contribute")
    @PreAuthorize(SupervisionApiController.REPORTERS)
    String contribute(@PathVariable long id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
        try {
            progress.contribute(id, null, text);
            redirect.addFlashAttribute("success", label("supervision.report.contributed"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/supervision/tasks/" + id;
    }

    @PostMapping("/supervision/tasks/{id}/decide")
    @PreAuthorize(SupervisionApiController.COORDINATORS)
    String decide(@PathVariable long id, @RequestParam int period, @RequestParam String decision,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            progress.decide(id, period, "accept".equals(decision), reason);
            redirect.addFlashAttribute("success", label("accept".equals(decision) ? "supervision.report.accepted"
                    : "supervision.report.returned"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/supervision/tasks/" + id;
    }

    @GetMapping("/supervision/tasks/{id}/attachments/{period}/{attachment}")
    @PreAuthorize(SupervisionApiController.READERS)
    org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable int period,
            @PathVariable long attachment) {
        ProgressReport r = progress.reportsOf(id).stream().filter(x -> x.period() == period).findFirst()
                .orElseThrow(() -> DomainException.notFound("error.supervision.report.notFound", period));
        ProgressReport.Attachment a = r.attachments().stream().filter(x -> x.id() == attachment).findFirst()
                .orElseThrow(() -> DomainException.notFound("error.supervision.attachment.notFound", attachment));
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", org.capgov.shared.spreadsheet.Downloads.contentDisposition(a.fileName()))
                .header("Content-Type", "application/octet-stream")
                .body(progress.attachment(id, period, attachment));
    }

    @GetMapping("/supervision/tasks/new")
    @PreAuthorize(SupervisionApiController.COORDINATORS)
    String newTask(Model model) {
        model.addAttribute("departments", departmentNames());
        return "supervision/new";
    }

    @PostMapping("/supervision/tasks")
    @PreAuthorize(SupervisionApiController.COORDINATORS)
    String create(@RequestParam(required = false) String document, @RequestParam(required = false) String section,
            @RequestParam(required = false) String title, @RequestParam(required = false) String text,
            @RequestParam(required = false) List<String> lead, @RequestParam(required = false) List<String> cooperating,
            @RequestParam(required = false) String region, @RequestParam(required = false) String deadline,
            @RequestParam(required = false) String recurrence, @RequestParam(required = false) String output,
            Model model, RedirectAttributes redirect) {
        try {
            Task t = tasks.createDraft(new TaskInput(document, section, title, text, lead, cooperating, region, deadline,
                    recurrence, output));
            redirect.addFlashAttribute("success", label("supervision.task.drafted"));
            return "redirect:/supervision/tasks/" + t.id();
        } catch (DomainException e) {
            model.addAttribute("failure", message(e));
            model.addAttribute("problems", e.problems().stream().map(p -> fieldLabel(p.field()) + "：" + p.reason())
                    .toList());
            model.addAttribute("departments", departmentNames());
            model.addAttribute("form", Map.of("document", nz(document), "section", nz(section), "title", nz(title),
                    "text", nz(text), "region", nz(region), "deadline", nz(deadline), "recurrence", nz(recurrence),
                    "output", nz(output)));
            return "supervision/new";
        }
    }

    @PostMapping("/supervision/tasks/{id}/publish")
    @PreAuthorize(SupervisionApiController.COORDINATORS)
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        try {
            tasks.publish(id);
            redirect.addFlashAttribute("success", label("supervision.task.published"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/supervision/tasks/" + id;
    }

    private Map<String, String> departmentNames() {
        Map<String, String> out = new LinkedHashMap<>();
        repository.departments().forEach(d -> out.putIfAbsent(d.code(), d.shortName()));
        return out;
    }

    private static void count(int[] c, String standing) {
        c[0]++;
        switch (standing) {
            case "DUE_SOON" -> c[1]++;
            case "OVERDUE" -> c[2]++;
            case "DONE" -> c[3]++;
            default -> { }
        }
    }

    private static List<Tally> tallies(Map<String, int[]> counts, Map<String, String> names) {
        List<Tally> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new Tally(k, names.getOrDefault(k, k), c[0], c[1], c[2], c[3])));
        out.sort((a, b) -> Integer.compare(b.overdue(), a.overdue()));
        return out;
    }

    private String message(DomainException e) {
        if (!e.problems().isEmpty()) {
            return String.join("；", e.problems().stream().map(p -> fieldLabel(p.field()) + "：" + p.reason()).toList());
        }
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    private String fieldLabel(String field) {
        return messages.getMessage("field." + field, null, field, LocaleContextHolder.getLocale());
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static List<String> split(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("[,，、\\s]+")).filter(x -> !x.isBlank()).toList();
    }
}
