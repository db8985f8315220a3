package org.capgov.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The stateless evaluation API: other systems and enterprises check an enterprise description against the law. */
@RestController
@Tag(name = "compliance", description = "Evaluation against the catalogue 合规评价")
class EvaluationApiController {

    private final EvaluationService evaluation;

    EvaluationApiController(EvaluationService evaluation) {
        this.evaluation = evaluation;
    }

    @PostMapping("/api/v1/compliance/evaluate")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Evaluate equipment and measurements as of a date 按日期评价设备与监测数据")
    EvaluationResult evaluate(@RequestBody EvaluationRequest request) {
        return evaluation.evaluate(request);
    }
}
