package org.capgov.pricing.watch;

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

/** Consumption from the grid company, the watch and its leads. */
@RestController
@Tag(name = "pricing", description = "Differential, ladder and punitive electricity prices 差别电价、阶梯电价、惩罚性电价")
class WatchApiController {

    static final String SENDERS = "hasAnyRole('ADMIN','GRID_COMPANY')";
    static final String RUNNERS = "hasAnyRole('ADMIN','COORDINATOR','GRID_COMPANY')";
    static final String LEAD_READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER')";
    static final String LEAD_DECIDERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER')";

    /** The leads. */
    record Leads(List<PowerLead> items) {
    }

    /** A watch run's outcome. */
    record WatchRun(String month, int leads) {
    }

    /** A dismissal: a reason, or a registered reason covering the lead's month ({@code reasonId}), or both. */
    record Dismissal(String reason, Long reasonId) {
    }

    /** Registered reasons. */
    record Reasons(List<ReasonService.Reason> items) {
    }

    static final String REASON_READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'ENTERPRISE','OBSERVER')";
    static final String REASON_WRITERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'ENTERPRISE')";

    private final ConsumptionService consumption;
    private final WatchService watch;
    private final LeadService leads;
    private final org.capgov.pricing.surcharge.SurchargeService months;
    private final ReasonService reasons;

    WatchApiController(ConsumptionService consumption, WatchService watch, LeadService leads,
            org.capgov.pricing.surcharge.SurchargeService months, ReasonService reasons) {
        this.reasons = reasons;
        this.consumption = consumption;
        this.watch = watch;
        this.leads = leads;
        this.months = months;
    }

    @PostMapping("/api/v1/electricity/consumption")
    @PreAuthorize(SENDERS)
    @Operation(summary = "Consumption per grid account and day (yyyy-MM-dd) or month (yyyy-MM): all rows or none with a "
            + "row report; idempotent per account × period; the watch runs for the finished months touched 用电量报送")
    ConsumptionService.Result submit(@RequestBody(required = false) ConsumptionService.ConsumptionBatch body) {
        return consumption.submit(body == null ? null : body.items());
    }

    @PostMapping("/api/v1/electricity/watch")
    @PreAuthorize(RUNNERS)
    @Operation(summary = "Run the power-use watch over a month for every account; new hits become leads 用电异常监测")
    WatchRun run(@RequestParam(required = false) String month) {
        return new WatchRun(months.month(month).toString(), watch.run(months.month(month), null));
    }

    @GetMapping("/api/v1/electricity/leads")
    @PreAuthorize(LEAD_READERS)
    @Operation(summary = "Leads of the power-use watch in the caller's scope 用电异常线索")
    Leads list(@RequestParam(required = false) String status) {
        return new Leads(leads.list(status, 500));
    }

    @GetMapping("/api/v1/electricity/leads/{id}")
    @PreAuthorize(LEAD_READERS)
    @Operation(summary = "One lead with its figures 线索详情")
    PowerLead get(@PathVariable long id) {
        return leads.get(id);
    }

    @PostMapping("/api/v1/electricity/leads/{id}/dismissal")
    @PreAuthorize(LEAD_DECIDERS)
    @Operation(summary = "Dismiss a lead with a reason (audited) 驳回线索")
    PowerLead dismiss(@PathVariable long id, @RequestBody(required = false) Dismissal body) {
        return leads.dismiss(id, body == null ? null : body.reason(), body == null ? null : body.reasonId());
    }

    @GetMapping("/api/v1/electricity/reasons")
    @PreAuthorize(REASON_READERS)
    @Operation(summary = "Registered reasons for a rise in consumption, in the caller's scope 用电变化登记原因")
    Reasons reasons(@RequestParam(required = false) String gridAccount) {
        return new Reasons(reasons.list(gridAccount, 500));
    }

    @PostMapping("/api/v1/electricity/reasons")
    @PreAuthorize(REASON_WRITERS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a reason for a rise in an account's consumption over months (yyyy-MM), with a "
            + "document; the watch raises no jump lead for those months (audited) 登记用电变化原因")
    ReasonService.Reason registerReason(@RequestParam(required = false) String gridAccount,
            @RequestParam(required = false) String monthFrom, @RequestParam(required = false) String monthTo,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile document)
            throws java.io.IOException {
        return reasons.register(gridAccount, monthFrom, monthTo, reason, document == null || document.isEmpty() ? null
                : new ReasonService.Document(document.getOriginalFilename(), document.getContentType(),
                        document.getBytes()));
    }

    @PostMapping("/api/v1/electricity/leads/{id}/case")
    @PreAuthorize(LEAD_DECIDERS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open an enforcement case from a lead 线索立案")
    PowerLead openCase(@PathVariable long id, @RequestBody(required = false) LeadService.CaseFromLead body) {
        return leads.openCase(id, body);
    }
}
