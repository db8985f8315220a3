package org.capgov.credit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.capgov.identity.CapgovUser;
import org.capgov.identity.Role;
import org.capgov.shared.Actors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The credit API: the check for departments and banks (logged, with feedback), the records within the caller's
 * scope, and their repair. Enterprises and the grid company have no part in it.
 */
@RestController
@Tag(name = "credit", description = "Credit sanctions 失信惩戒")
class CreditApiController {

    static final String CHECKERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'FINANCIAL_INSTITUTION','OBSERVER')";
    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER')";
    static final String REPAIRERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER')";

    record Feedback(String action, String note) {
    }

    private final CreditCheckService checks;
    private final CreditRecordService records;

    CreditApiController(CreditCheckService checks, CreditRecordService records) {
        this.checks = checks;
        this.records = records;
    }

    @GetMapping("/api/v1/credit/check")
    @PreAuthorize(CHECKERS)
    @Operation(summary = "Is an enterprise restricted today (for one measure, or all)? Logged with the caller 信用核查")
    CreditCheckService.Result check(@RequestParam String uscc, @RequestParam(required = false) String measure) {
        return checks.check(uscc, measure);
    }

    @PostMapping("/api/v1/credit/checks/{id}/feedback")
    @PreAuthorize(CHECKERS)
    @Operation(summary = "What the caller did after its check, e.g. {\"action\":\"LOAN_REFUSED\"} 核查反馈")
    CreditCheck feedback(@PathVariable String id, @RequestBody Feedback body) {
        return checks.feedback(id, body.action(), body.note());
    }

    @GetMapping("/api/v1/credit/checks/{id}")
    @PreAuthorize(CHECKERS)
    @Operation(summary = "One check with its response and feedback (its caller, or coordinator / observer / admin) 查询一次核查")
    CreditCheck checkOf(@PathVariable String id) {
        return checks.get(id, overseer());
    }

    @GetMapping("/api/v1/credit/records")
    @PreAuthorize(READERS)
    @Operation(summary = "Credit records in the caller's scope 失信记录")
    CreditRecordService.Page list(@RequestParam(required = false) String uscc,
            @RequestParam(required = false) String status, @RequestParam(required = false) String basis,
            @RequestParam(required = false) String measure, @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        CreditPageController.checkPaging(page, size);
        return records.search(new CreditRecordFilter(uscc, status, basis, measure, region), page, size);
    }

    @GetMapping("/api/v1/credit/records/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One credit record with the checks that rested on it 失信记录详情")
    CreditRecordService.Detail get(@PathVariable long id) {
        return records.get(id);
    }

    @PostMapping("/api/v1/credit/records/{id}/repair")
    @PreAuthorize(REPAIRERS)
    @Operation(summary = "Repair a record when its conditions are met (audited); 409 with the reason otherwise 信用修复")
    CreditRecord repair(@PathVariable long id, @RequestBody CreditRecordService.RepairRequest body) {
        return records.repair(id, body);
    }

    static boolean overseer() {
        return Actors.principal().filter(CapgovUser.class::isInstance).map(CapgovUser.class::cast)
                .map(u -> u.hasRole(Role.COORDINATOR) || u.hasRole(Role.OBSERVER) || u.hasRole(Role.ADMIN)).orElse(false);
    }
}
