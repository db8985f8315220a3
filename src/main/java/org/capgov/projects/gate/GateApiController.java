package org.capgov.projects.gate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The stateless project gate for other systems: a project described in full against the catalogue as of its date. */
@RestController
@Tag(name = "projects", description = "Project gate 项目准入")
class GateApiController {

    private final ProjectGateService gate;

    GateApiController(ProjectGateService gate) {
        this.gate = gate;
    }

    @PostMapping("/api/v1/projects/evaluate")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Evaluate a project: ALLOWED, NEEDS_REPLACEMENT (ratio, capacity to retire) or REFUSED 项目准入评价")
    GateDecision evaluate(@RequestBody GateRequest request) {
        return gate.evaluate(request);
    }
}
