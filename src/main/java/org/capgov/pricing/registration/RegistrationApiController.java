package org.capgov.pricing.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registered activities (crypto-mining) and green-power shares that the monthly list reads. */
@RestController
@Tag(name = "pricing", description = "Differential, ladder and punitive electricity prices 差别电价、阶梯电价、惩罚性电价")
class RegistrationApiController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER')";
    static final String REGISTRARS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER')";
    static final String GREEN_READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'GRID_COMPANY','OBSERVER')";
    static final String GREEN_RECORDERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','GRID_COMPANY')";

    /** A registration as sent. */
    record ActivityBody(String uscc, String activity, String effectiveFrom, String effectiveTo, String document,
            String note) {
    }

    /** The end of a registration. */
    record EndBody(String effectiveTo) {
    }

    /** A green-power share as sent (percentages as text or numbers). */
    record GreenBody(String gridAccount, String year, String sharePercent, String provinceWeightPercent,
            String document) {
    }

    record Activities(List<ActivityService.Activity> items) {
    }

    record GreenShares(List<GreenShareService.GreenShare> items) {
    }

    private final ActivityService activities;
    private final GreenShareService green;

    RegistrationApiController(ActivityService activities, GreenShareService green) {
        this.activities = activities;
        this.green = green;
    }

    @GetMapping("/api/v1/pricing/activities")
    @PreAuthorize(READERS)
    @Operation(summary = "Registered activities that a price scale names, in the caller's scope 登记的经营活动")
    Activities activities() {
        return new Activities(activities.list(500));
    }

    @PostMapping("/api/v1/pricing/activities")
    @PreAuthorize(REGISTRARS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an enterprise's activity (CRYPTO_MINING) from a date, optionally to a date, with the "
            + "document that found it; the mining surcharge appears in the lists of the months it covers (audited) "
            + "登记虚拟货币挖矿")
    ActivityService.Activity register(@RequestBody(required = false) ActivityBody body) {
        ActivityBody b = body == null ? new ActivityBody(null, null, null, null, null, null) : body;
        return activities.register(b.uscc(), b.activity(), b.effectiveFrom(), b.effectiveTo(), b.document(), b.note());
    }

    @PostMapping("/api/v1/pricing/activities/{id}/end")
    @PreAuthorize(REGISTRARS)
    @Operation(summary = "Set the last day of a registered activity (audited) 登记活动终止")
    ActivityService.Activity end(@PathVariable long id, @RequestBody(required = false) EndBody body) {
        return activities.end(id, body == null ? null : body.effectiveTo());
    }

    @GetMapping("/api/v1/pricing/green-shares")
    @PreAuthorize(GREEN_READERS)
    @Operation(summary = "Green-power shares per grid account and year, with the relief they give 绿电消纳占比")
    GreenShares greenShares() {
        return new GreenShares(green.list(500));
    }

    @PostMapping("/api/v1/pricing/green-shares")
    @PreAuthorize(GREEN_RECORDERS)
    @Operation(summary = "Record an account's share of non-hydro renewable electricity for a year and the province's "
            + "incentive weight; the next year's ladder is cut by the relief of 1239号 (audited) 登记绿电占比")
    GreenShareService.GreenShare recordGreen(@RequestBody(required = false) GreenBody body) {
        GreenBody b = body == null ? new GreenBody(null, null, null, null, null) : body;
        return green.record(b.gridAccount(), b.year(), b.sharePercent(), b.provinceWeightPercent(), b.document());
    }
}
