package org.capgov.capacity.target;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Targets' measured progress, and the yearly figures of share targets. */
@RestController
@Tag(name = "targets", description = "Targets' progress 目标进度")
class TargetApiController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'FINANCIAL_INSTITUTION','OBSERVER')";
    static final String REPORTERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER')";

    /** The list of targets' progress. */
    record Progress(List<TargetProgress> items) {
    }

    /** The figures of a target. */
    record Figures(List<TargetMeasures.Figure> items) {
    }

    private final TargetProgressService progress;
    private final TargetFigureService figures;

    TargetApiController(TargetProgressService progress, TargetFigureService figures) {
        this.progress = progress;
        this.figures = figures;
    }

    @GetMapping("/api/v1/targets/progress")
    @PreAuthorize(READERS)
    @Operation(summary = "Every catalogue target in a region subtree measured as of a date (default today): value, goal, "
            + "unit, status MET / ON_TRACK / AT_RISK / MISSED / NO_DATA, the method and the citation 目标进度")
    Progress progress(@RequestParam(required = false) String region, @RequestParam(required = false) String asOf) {
        return new Progress(progress.progress(region, asOf));
    }

    @GetMapping("/api/v1/targets/{id}/figures")
    @PreAuthorize(READERS)
    @Operation(summary = "Yearly figures reported for a share target 目标年度数据")
    Figures figures(@PathVariable String id) {
        return new Figures(figures.figures(id));
    }

    @PostMapping("/api/v1/targets/{id}/figures")
    @PreAuthorize(REPORTERS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a share target's figure for a year with its source document (audited) 报送目标年度数据")
    TargetMeasures.Figure report(@PathVariable String id, @RequestBody TargetFigureService.FigureInput body) {
        return figures.report(id, body);
    }
}
