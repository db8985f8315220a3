package org.capgov.projects.illegal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The illegal-project register: entries in the caller's scope, steps, and the published results. */
@RestController
@Tag(name = "illegal-projects", description = "Illegal project register 违规项目清理台账")
class IllegalProjectApiController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER',"
            + "'ENTERPRISE')";
    static final String OFFICERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER')";

    private final IllegalProjectService register;

    IllegalProjectApiController(IllegalProjectService register) {
        this.register = register;
    }

    @GetMapping("/api/v1/illegal-projects")
    @PreAuthorize(READERS)
    @Operation(summary = "Illegal projects in the caller's scope 违规项目列表")
    List<IllegalProject> list() {
        return register.list();
    }

    @PostMapping("/api/v1/illegal-projects")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Enter a project on the register with its class 登记违规项目")
    ResponseEntity<IllegalProject> create(@RequestBody(required = false) IllegalProjectRequests.Register request) {
        IllegalProject p = register.register(request);
        return ResponseEntity.created(URI.create("/api/v1/illegal-projects/" + p.number())).body(p);
    }

    @GetMapping("/api/v1/illegal-projects/{number}")
    @PreAuthorize(READERS)
    @Operation(summary = "One project with its references and steps 违规项目详情")
    IllegalProject get(@PathVariable String number) {
        return register.get(number);
    }

    @PostMapping("/api/v1/illegal-projects/{number}/steps")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "A step: 补办 application (区县 → 市 → 国家) or demolition done 办理步骤")
    IllegalProject step(@PathVariable String number,
            @RequestBody(required = false) IllegalProjectRequests.StepRequest request) {
        return register.step(number, request);
    }

    @GetMapping("/api/v1/public/illegal-projects")
    @PermitAll
    @Operation(summary = "The published results of the cleanup 违规项目处理结果公开")
    List<PublishedProject> published() {
        return register.published().stream().map(PublishedProject::of).toList();
    }

    /** What the public reads: the class and the result, no references or officers' names. */
    record PublishedProject(String number, String enterpriseName, String regionName, String name, String industry,
            String stage, String procedures, List<String> measures, String application,
            java.time.LocalDate demolitionDeadline, java.time.LocalDate demolishedOn, Integer eliminationYear) {
        static PublishedProject of(IllegalProject p) {
            return new PublishedProject(p.number(), p.enterpriseName(), p.regionName(), p.name(), p.industry(),
                    p.stage().name(), p.procedures().name(), p.measures().stream().map(Enum::name).toList(),
                    p.application().name(), p.demolitionDeadline(), p.demolishedOn(), p.eliminationYear());
        }
    }
}
