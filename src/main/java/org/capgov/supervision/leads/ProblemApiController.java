package org.capgov.supervision.leads;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.ListFilters;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The problem register (八张问题清单) over the API: the same service, scope, closed-loop steps and audit as the
 * pages ({@code /supervision/problems}).
 */
@RestController
class ProblemApiController {

    private static final List<Integer> SIZES = List.of(25, 50, 100, 200);

    private final ProblemService problems;

    ProblemApiController(ProblemService problems) {
        this.problems = problems;
    }

    record ProblemInput(String list, String title, String description, String source, String sourceRef,
            String region, String department, String deadline) {
    }

    record StepInput(Integer version, String department, String deadline, String note) {
    }

    record ListInput(String name, Boolean active) {
    }

    @Operation(summary = "问题清单中的问题（可按清单、状态、责任部门筛选，分页）· Problems of the register in the caller's scope, by list, state and department, paged")
    @GetMapping("/api/v1/supervision/problems")
    @PreAuthorize(LeadOfficeController.READERS)
    Map<String, Object> list(@RequestParam Map<String, String> query) {
        int page = ListFilters.page(query);
        int size = ListFilters.size(query, SIZES, 50);
        ProblemRepository.Page result = problems.search(query.get("list"), query.get("state"),
                query.get("department"), page, size);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", result.items());
        out.put("total", result.total());
        out.put("page", page);
        out.put("size", size);
        return out;
    }

    @Operation(summary = "登记问题（发现；写明责任部门和期限即为交办）· Record a problem (found; assigned at once when department and deadline are given)")
    @PostMapping("/api/v1/supervision/problems")
    @PreAuthorize(ProblemPageController.COORDINATORS)
    Map<String, Object> create(@RequestBody(required = false) ProblemInput in) {
        ProblemInput p = in == null ? new ProblemInput(null, null, null, null, null, null, null, null) : in;
        return detail(problems.record(new ProblemService.Draft(p.list(), p.title(), p.description(), p.source(),
                p.sourceRef(), p.region(), p.department(), LeadApiController.date("deadline", p.deadline()), null,
                null)));
    }

    @Operation(summary = "一个问题及其办理记录和可执行的操作 · One problem with its steps and the steps open now")
    @GetMapping("/api/v1/supervision/problems/{id}")
    @PreAuthorize(LeadOfficeController.READERS)
    Map<String, Object> get(@PathVariable long id) {
        return detail(problems.get(id));
    }

    @Operation(summary = "交办：指定责任部门和整改期限 · Assign the problem to a responsible department with a deadline")
    @PostMapping("/api/v1/supervision/problems/{id}/assign")
    @PreAuthorize(ProblemPageController.COORDINATORS)
    Map<String, Object> assign(@PathVariable long id, @RequestBody(required = false) StepInput in) {
        return step(id, "ASSIGN", in);
    }

    @Operation(summary = "整改：责任部门开始整改 · The responsible department starts rectifying")
    @PostMapping("/api/v1/supervision/problems/{id}/rectify")
    @PreAuthorize(LeadOfficeController.HANDLERS)
    Map<String, Object> rectify(@PathVariable long id, @RequestBody(required = false) StepInput in) {
        return step(id, "RECTIFY", in);
    }

    @Operation(summary = "销号：写明整改情况后关闭问题 · Close the problem, saying how it was rectified")
    @PostMapping("/api/v1/supervision/problems/{id}/close")
    @PreAuthorize(ProblemPageController.COORDINATORS)
    Map<String, Object> close(@PathVariable long id, @RequestBody(required = false) StepInput in) {
        return step(id, "CLOSE", in);
    }

    @Operation(summary = "问题清单的名称（八张问题清单）· The register's list names, active and retired")
    @GetMapping("/api/v1/supervision/problem-lists")
    @PreAuthorize(LeadOfficeController.READERS)
    Map<String, Object> lists() {
        return Map.of("items", problems.lists());
    }

    @Operation(summary = "新增、改名或停用问题清单 · Add, rename or retire a list of the register")
    @PutMapping("/api/v1/supervision/problem-lists/{code}")
    @PreAuthorize(ProblemPageController.COORDINATORS)
    Problem.ProblemList saveList(@PathVariable String code, @RequestBody(required = false) ListInput in) {
        ListInput l = in == null ? new ListInput(null, null) : in;
        return problems.saveList(code, l.name(), l.active() == null || l.active());
    }

    private Map<String, Object> step(long id, String action, StepInput in) {
        StepInput s = in == null ? new StepInput(null, null, null, null) : in;
        return detail(problems.act(id, action, s.department(), LeadApiController.date("deadline", s.deadline()),
                s.note(), s.version()));
    }

    private Map<String, Object> detail(Problem p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("problem", p);
        out.put("events", problems.events(p.id()));
        out.put("allowed", ProblemPolicies.allowed(p.state()));
        return out;
    }
}
