package org.capgov.supervision.leads;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.capgov.shared.DomainException;
import org.capgov.shared.ListFilters;
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
import org.springframework.web.util.UriComponentsBuilder;

/** The problem register (八张问题清单): lists with counts, problems paged and filtered, one problem and its steps. */
@Controller
class ProblemPageController {

    static final String COORDINATORS = "hasAnyRole('ADMIN','COORDINATOR')";
    private static final List<String> FILTERS = List.of("list", "state", "department");
    private static final List<Integer> SIZES = List.of(25, 50, 100);

    private final ProblemService problems;
    private final MessageSource messages;

    ProblemPageController(ProblemService problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/supervision/problems")
    @PreAuthorize(LeadOfficeController.READERS)
    String list(@RequestParam Map<String, String> query, Model model) {
        Map<String, String> f = ListFilters.values(query, FILTERS);
        int page = ListFilters.page(query);
        int size = ListFilters.size(query, SIZES, 25);
        model.addAttribute("f", f);
        model.addAttribute("lists", problems.lists());
        model.addAttribute("states", ProblemPolicies.STATES);
        model.addAttribute("sources", ProblemPolicies.SOURCES);
        model.addAttribute("departments", problems.departments());
        model.addAttribute("tally", problems.tally());
        model.addAttribute("today", problems.today());
        model.addAttribute("size", size);
        model.addAttribute("sizes", SIZES);
        try {
            ProblemRepository.Page result = problems.search(f.get("list"), f.get("state"), f.get("department"), page,
                    size);
            model.addAttribute("result", result);
            model.addAttribute("page", page);
            if (page > 0) {
                model.addAttribute("previousLink", link(f, size, page - 1));
            }
            boolean hasNext = (long) (page + 1) * size < result.total();
            model.addAttribute("hasNext", hasNext);
            if (hasNext) {
                model.addAttribute("nextLink", link(f, size, page + 1));
            }
        } catch (DomainException e) {
            model.addAttribute("failure", message(e));
            model.addAttribute("result", new ProblemRepository.Page(List.of(), 0));
            model.addAttribute("page", 0);
            model.addAttribute("hasNext", false);
        }
        return "supervision/problems";
    }

    @PostMapping("/supervision/problems")
    @PreAuthorize(COORDINATORS)
    String create(@RequestParam(required = false) String list, @RequestParam(required = false) String title,
            @RequestParam(required = false) String description, @RequestParam(required = false) String source,
            @RequestParam(required = false) String sourceRef, @RequestParam(required = false) String region,
            @RequestParam(required = false) String department, @RequestParam(required = false) LocalDate deadline,
            RedirectAttributes redirect) {
        try {
            Problem p = problems.record(new ProblemService.Draft(list, title, description, source, sourceRef, region,
                    department, deadline, null, null));
            redirect.addFlashAttribute("success", label("supervision.problem.recorded"));
            return "redirect:/supervision/problems/" + p.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", message(e));
            return "redirect:/supervision/problems";
        }
    }

    @GetMapping("/supervision/problems/{id}")
    @PreAuthorize(LeadOfficeController.READERS)
    String show(@PathVariable long id, Model model) {
        Problem p = problems.get(id);
        model.addAttribute("p", p);
        model.addAttribute("events", problems.events(id));
        model.addAttribute("allowed", ProblemPolicies.allowed(p.state()));
        model.addAttribute("departments", problems.departments());
        model.addAttribute("overdue", p.overdue(problems.today()));
        return "supervision/problem";
    }

    @PostMapping("/supervision/problems/{id}/actions")
    @PreAuthorize(LeadOfficeController.HANDLERS)
    String act(@PathVariable long id, @RequestParam(required = false) String action,
            @RequestParam(required = false) String department, @RequestParam(required = false) LocalDate deadline,
            @RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        try {
            problems.act(id, action, department, deadline, note, version);
            redirect.addFlashAttribute("success", label("supervision.problem.saved"));
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/supervision/problems/" + id;
    }

    @GetMapping("/supervision/problem-lists")
    @PreAuthorize(LeadOfficeController.READERS)
    String lists(Model model) {
        model.addAttribute("lists", problems.lists());
        return "supervision/problem-lists";
    }

    @PostMapping("/supervision/problem-lists")
    @PreAuthorize(COORDINATORS)
    String saveList(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
            @RequestParam(required = false) Boolean active, RedirectAttributes redirect) {
        try {
            problems.saveList(code, name, active == null || active);
            redirect.addFlashAttribute("success", label("supervision.problem.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/supervision/problem-lists";
    }

    private static String link(Map<String, String> f, int size, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/supervision/problems");
        f.forEach((k, v) -> {
            if (!v.isEmpty()) {
                b.queryParam(k, v);
            }
        });
        return b.queryParam("size", size).queryParam("page", page).encode().build().toUriString();
    }

    private String label(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private String message(DomainException e) {
        StringBuilder b = new StringBuilder(messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                LocaleContextHolder.getLocale()));
        if (e.problems().size() > 1) {
            b.setLength(0);
            b.append(String.join("；", e.problems().stream().map(DomainException.FieldProblem::reason).toList()));
        }
        return b.toString();
    }
}
