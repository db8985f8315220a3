package org.capgov.capacity.warning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Warnings: the list for departments and banks, one warning with its history, and evaluation on demand. */
@RestController
@Tag(name = "capacity", description = "Output, utilisation and warnings 产能利用率与预警")
class WarningApiController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'FINANCIAL_INSTITUTION','OBSERVER')";
    static final String EVALUATORS = "hasAnyRole('ADMIN','COORDINATOR')";

    /** The list of warnings. */
    record Warnings(List<CapacityWarning> items) {
    }

    private final WarningService warnings;

    WarningApiController(WarningService warnings) {
        this.warnings = warnings;
    }

    @GetMapping("/api/v1/capacity/warnings")
    @PreAuthorize(READERS)
    @Operation(summary = "Utilisation warnings in a region subtree (RELATIVE_EXCESS < 80 %, SEVERE_EXCESS < 75 %), "
            + "with their monthly history and citation; status OPEN or CLOSED 产能过剩预警")
    Warnings search(@RequestParam(required = false) String region, @RequestParam(required = false) String product,
            @RequestParam(required = false) String status) {
        return new Warnings(warnings.search(region, product, status));
    }

    @GetMapping("/api/v1/capacity/warnings/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One warning with its history 预警详情")
    CapacityWarning get(@PathVariable long id) {
        return warnings.get(id);
    }

    @PostMapping("/api/v1/capacity/warnings/evaluate")
    @PreAuthorize(EVALUATORS)
    @Operation(summary = "Evaluate a month now for every monitored product × region (audited; notices sent) 预警评估")
    WarningService.Evaluation evaluate(@RequestParam(required = false) String period) {
        return warnings.evaluate(period);
    }
}
