package org.capgov.enforcement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enforcement cases over JSON, a public contract: open, act, read, list within the caller's scope; the deadline
 * board; and the deadline sweep on demand. A finding is named {@code <runId>:<uscc>:<ruleId>:<subject>}.
 */
@RestController
@Tag(name = "enforcement", description = "Rectification and exit cases 整改与退出案件")
class CaseApiController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE',"
            + "'OBSERVER')";
    static final String OFFICERS = "hasAnyRole('COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER')";
    /** The enterprise takes two actions on its own cases; the policies decide the rest (see WhoMayAct). */
    static final String ACTORS = "hasAnyRole('COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE')";

    private final CaseService cases;
    private final DeadlineBoard board;
    private final DeadlineSweep sweep;

    CaseApiController(CaseService cases, DeadlineBoard board, DeadlineSweep sweep) {
        this.cases = cases;
        this.board = board;
        this.sweep = sweep;
    }

    @PostMapping("/api/v1/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Open a case 立案（限期整改通知 / 退出决定）")
    CaseDetail open(@RequestBody(required = false) OpenCaseRequest request) {
        return cases.open(request);
    }

    @PostMapping("/api/v1/cases/{id}/actions")
    @PreAuthorize(ACTORS)
    @Operation(summary = "Take an action on a case 案件办理")
    CaseDetail act(@PathVariable String id, @RequestBody(required = false) CaseActionRequest request) {
        return cases.act(id, request);
    }

    @GetMapping("/api/v1/cases/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A case with its timeline 案件详情")
    CaseDetail get(@PathVariable String id) {
        return cases.get(id);
    }

    @GetMapping("/api/v1/cases")
    @PreAuthorize(READERS)
    @Operation(summary = "Cases in the caller's scope 案件列表")
    CaseService.CasePage list(@RequestParam(required = false) String state,
            @RequestParam(required = false) String dimension, @RequestParam(required = false) String region,
            @RequestParam(required = false) String uscc, @RequestParam(required = false) String department,
            @RequestParam(required = false) Boolean open, @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return cases.search(cases.filter(state, dimension, region, uscc, department, open, overdue), page, size);
    }

    @GetMapping("/api/v1/cases/deadlines")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER')")
    @Operation(summary = "Open cases due within 30 days and overdue, by department 临期与逾期案件")
    DeadlineBoard.Board deadlines() {
        return board.board();
    }

    @PostMapping("/api/v1/cases/sweep")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Operation(summary = "Run the daily deadline sweep now 立即执行逾期检查")
    DeadlineSweep.Result sweep() {
        return sweep.sweep(cases.today());
    }
}
