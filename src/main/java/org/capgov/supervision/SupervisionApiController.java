package org.capgov.supervision;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task tables, progress reports and 督办 / 通报 over the API (contract in the issue: {"items": [...]}). */
@RestController
class SupervisionApiController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER')";
    static final String REPORTERS = "hasAnyRole('COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER')";
    static final String COORDINATORS = "hasAnyRole('ADMIN','COORDINATOR')";

    private final TaskService tasks;
    private final ProgressService progress;

    SupervisionApiController(TaskService tasks, ProgressService progress) {
        this.tasks = tasks;
        this.progress = progress;
    }

    /** A task as the API shows it. */
    record TaskView(long id, String document, String section, Integer row, String title, String text,
            List<String> lead, List<String> cooperating, List<String> unmapped, String region, String deadline,
            String recurrence, String deadlineText, String expectedOutput, String status, int period, String due,
            String standing) {

        static TaskView of(Task t) {
            return new TaskView(t.id(), t.document(), t.section(), t.row(), t.title(), t.text(), t.lead(),
                    t.cooperating(), t.unmapped(), t.region(), t.deadline().recurring() ? null : t.deadline().date()
                            .toString(), t.recurrence(), t.deadlineText(), t.expectedOutput(), t.status(), t.period(),
                    t.due().toString(), t.standing());
        }
    }

    record ReportInput(Integer period, String text, String figures, String documentNumbers) {
    }

    record Decision(Integer period, String reason) {
    }

    @Operation(summary = "Tasks of the seeds' task tables and the coordinator's own, filtered by document, department, region, status 任务清单")
    @GetMapping("/api/v1/tasks")
    @PreAuthorize(READERS)
    Map<String, Object> list(@RequestParam(required = false) String document,
            @RequestParam(required = false) String department, @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "false") boolean drafts) {
        return Map.of("items", tasks.list(document, department, region, drafts).stream().map(TaskView::of).toList());
    }

    @Operation(summary = "One task with its citation, departments, deadline and reports 任务详情")
    @GetMapping("/api/v1/tasks/{id}")
    @PreAuthorize(READERS)
    Map<String, Object> get(@PathVariable long id) {
        return Map.of("task", TaskView.of(tasks.get(id)), "reports", progress.reportsOf(id));
    }

    @Operation(summary = "A coordinator's new task as a draft (published separately, audited) 新增任务草稿")
    @PostMapping("/api/v1/tasks")
    @PreAuthorize(COORDINATORS)
    TaskView create(@RequestBody TaskInput in) {
        return TaskView.of(tasks.createDraft(in));
    }

    @Operation(summary = "Publish a draft task 发布任务")
    @PostMapping("/api/v1/tasks/{id}/publish")
    @PreAuthorize(COORDINATORS)
    TaskView publish(@PathVariable long id) {
        return TaskView.of(tasks.publish(id));
    }

    @Operation(summary = "The lead department's progress report for a period 报送进展")
    @PostMapping("/api/v1/tasks/{id}/reports")
    @PreAuthorize(REPORTERS)
    ProgressReport report(@PathVariable long id, @RequestBody ReportInput in) {
        return progress.submit(id, in.period(), in.text(), in.figures(), in.documentNumbers());
    }

    @Operation(summary = "A cooperating department's contribution to the lead's report 配合部门提供材料")
    @PostMapping("/api/v1/tasks/{id}/contributions")
    @PreAuthorize(REPORTERS)
    ProgressReport contribute(@PathVariable long id, @RequestBody ReportInput in) {
        return progress.contribute(id, in.period(), in.text());
    }

    @Operation(summary = "The coordinator accepts a progress report 审核通过")
    @PostMapping("/api/v1/tasks/{id}/reports/{period}/accept")
    @PreAuthorize(COORDINATORS)
    ProgressReport accept(@PathVariable long id, @PathVariable int period) {
        return progress.decide(id, period, true, null);
    }

    @Operation(summary = "The coordinator returns a progress report with a reason 退回进展报告")
    @PostMapping("/api/v1/tasks/{id}/reports/{period}/return")
    @PreAuthorize(COORDINATORS)
    ProgressReport giveBack(@PathVariable long id, @PathVariable int period, @RequestBody Decision in) {
        return progress.decide(id, period, false, in.reason());
    }
}
