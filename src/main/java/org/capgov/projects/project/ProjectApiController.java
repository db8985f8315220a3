package org.capgov.projects.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Projects of new capacity and their replacement plans, within the caller's scope. */
@RestController
@Tag(name = "projects", description = "Projects and replacement plans 项目与产能置换方案")
class ProjectApiController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER',"
            + "'ENTERPRISE')";
    static final String SUBMITTERS = "hasAnyRole('ADMIN','COORDINATOR','DISTRICT_OFFICER','ENTERPRISE')";
    static final String ACTORS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE')";
    static final String REVIEWERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER')";
    static final String CONFIRMERS = "hasAnyRole('ADMIN','COORDINATOR')";

    private final ProjectService projects;
    private final PlanService plans;
    private final PlanObjections objections;

    ProjectApiController(ProjectService projects, PlanService plans, PlanObjections objections) {
        this.projects = projects;
        this.plans = plans;
        this.objections = objections;
    }

    @GetMapping("/api/v1/projects")
    @PreAuthorize(READERS)
    @Operation(summary = "Projects in the caller's scope 项目列表")
    List<Project> list(@RequestParam(required = false) String status) {
        return projects.search(status);
    }

    @PostMapping("/api/v1/projects")
    @PreAuthorize(SUBMITTERS)
    @Operation(summary = "Declare a project; the gate's decision is stored with it 项目申报")
    ResponseEntity<ProjectService.Detail> submit(@RequestBody ProjectRequests.Submission body) {
        ProjectService.Detail d = projects.submit(body);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + d.project().id())).body(d);
    }

    @GetMapping("/api/v1/projects/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A project with gate decision, history, documents and overrides 项目详情")
    ProjectService.Detail get(@PathVariable long id) {
        return projects.detail(id);
    }

    @PostMapping("/api/v1/projects/{id}/transitions")
    @PreAuthorize(ACTORS)
    @Operation(summary = "A step of the project's status history (审查, 公示, 批复 … 投产) → 409 with the reason 项目状态")
    ProjectService.Detail transition(@PathVariable long id, @RequestBody ProjectRequests.Transition body) {
        return projects.transition(id, body);
    }

    @PostMapping("/api/v1/projects/{id}/documents")
    @PreAuthorize(ACTORS)
    @Operation(summary = "A document of the project: land, planning, energy review, EIA, investment approval 项目文件")
    ProjectService.Detail document(@PathVariable long id, @RequestBody ProjectRequests.Document body) {
        return projects.addDocument(id, body);
    }

    @PostMapping("/api/v1/projects/{id}/override")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "A reviewer's decision in place of the gate's, with reason and document 审查改判")
    ProjectService.Detail override(@PathVariable long id, @RequestBody ProjectRequests.Override body) {
        return projects.override(id, body);
    }

    @GetMapping("/api/v1/replacement-plans")
    @PreAuthorize(READERS)
    @Operation(summary = "Replacement plans in the caller's scope 置换方案列表")
    List<ReplacementPlan> plans(@RequestParam(required = false) Long project) {
        return plans.search(project);
    }

    @PostMapping("/api/v1/replacement-plans")
    @PreAuthorize(ACTORS)
    @Operation(summary = "A replacement plan: retired equipment and indicator units → 201, or 400/409 with the reason "
            + "提交置换方案")
    ResponseEntity<PlanService.Detail> create(@RequestBody ProjectRequests.Plan body) {
        PlanService.Detail d = plans.create(body);
        return ResponseEntity.created(URI.create("/api/v1/replacement-plans/" + d.plan().id())).body(d);
    }

    @GetMapping("/api/v1/replacement-plans/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A plan with its retired equipment and objections 置换方案详情")
    PlanService.Detail plan(@PathVariable long id) {
        return plans.detail(id);
    }

    @PostMapping("/api/v1/replacement-plans/{id}/notice")
    @PreAuthorize(CONFIRMERS)
    @Operation(summary = "Public notice (公示) for the plan's working days; reserves its units 方案公示")
    PlanService.Detail notice(@PathVariable long id, @RequestBody ProjectRequests.Notice body) {
        return plans.notice(id, body);
    }

    @PostMapping("/api/v1/replacement-plans/{id}/objections")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "An objection received during the public notice, naming an objecting enterprise (objectorUscc) "
            + "or person (objectorAccount) when identified 公示期异议")
    PlanService.Detail objection(@PathVariable long id, @RequestBody ProjectRequests.Objection body) {
        return objections.record(id, body);
    }

    @PostMapping("/api/v1/replacement-plans/{id}/objections/{objection}/answer")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "The officer's answer to an objection, once; an identified objector is notified 答复公示期异议")
    PlanService.Detail answer(@PathVariable long id, @PathVariable long objection,
            @RequestBody ProjectRequests.Answer body) {
        return objections.answer(id, objection, body);
    }

    @PostMapping("/api/v1/replacement-plans/{id}/announce")
    @PreAuthorize(CONFIRMERS)
    @Operation(summary = "公告 after the notice: units retired, exit cases opened with the plan's deadline 方案公告")
    PlanService.Detail announce(@PathVariable long id, @RequestBody ProjectRequests.Announcement body) {
        return plans.announce(id, body);
    }

    @PostMapping("/api/v1/replacement-plans/{id}/refuse")
    @PreAuthorize(CONFIRMERS)
    @Operation(summary = "The plan is not confirmed: units released, equipment freed 方案不予确认")
    PlanService.Detail refuse(@PathVariable long id, @RequestBody ProjectRequests.Refusal body) {
        return plans.refuse(id, body);
    }
}
