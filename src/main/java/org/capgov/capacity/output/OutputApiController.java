package org.capgov.capacity.output;

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

/**
 * Output reports: enterprises report for themselves, officers for the enterprises of their subtree. Financial
 * institutions and the grid company see no enterprise's output.
 */
@RestController
@Tag(name = "capacity", description = "Output, utilisation and warnings 产能利用率与预警")
class OutputApiController {

    static final String WRITERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE')";
    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE',"
            + "'OBSERVER')";

    /** The list of reports. */
    record Reports(List<OutputReport> items) {
    }

    private final OutputService output;

    OutputApiController(OutputService output) {
        this.output = output;
    }

    @PostMapping("/api/v1/output")
    @PreAuthorize(WRITERS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report an enterprise's output of a product in a month; a second report of the same month is "
            + "a revision. Above 1.5 × the month's capacity only with confirmAboveCapacity and a note, by an officer 产量报送")
    OutputReport submit(@RequestBody OutputService.Submission body) {
        return output.submit(body);
    }

    @GetMapping("/api/v1/output")
    @PreAuthorize(READERS)
    @Operation(summary = "Current output reports in the caller's scope (all revisions with revisions=true), months "
            + "from / to as 2025-07 产量查询")
    Reports search(@RequestParam(required = false) String uscc, @RequestParam(required = false) String product,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String region, @RequestParam(defaultValue = "false") boolean revisions) {
        return new Reports(output.search(uscc, product, from, to, region, revisions));
    }

    @GetMapping("/api/v1/output/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One version of an output report 产量报告")
    OutputReport get(@PathVariable long id) {
        return output.get(id);
    }
}
