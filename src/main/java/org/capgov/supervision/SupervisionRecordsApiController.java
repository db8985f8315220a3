package org.capgov.supervision;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 督办, 通报, 约谈 and the annual reports up the chain over the API: the same services, scopes and audit as the pages
 * ({@code /supervision/notices}, {@code /supervision/annual}).
 */
@RestController
class SupervisionRecordsApiController {

    static final String ANNUAL_WRITERS = "hasAnyRole('ADMIN','COORDINATOR','DISTRICT_OFFICER')";

    private final SupervisionNotices notices;
    private final Circulars circulars;
    private final Interviews interviews;
    private final AnnualReports reports;

    SupervisionRecordsApiController(SupervisionNotices notices, Circulars circulars, Interviews interviews,
            AnnualReports reports) {
        this.notices = notices;
        this.circulars = circulars;
        this.interviews = interviews;
        this.reports = reports;
    }

    record CircularInput(String issuer) {
    }

    record InterviewInput(String region, String heldOn, String attendees, String summary,
            List<Interviews.Commitment> commitments) {
    }

    record DraftInput(String region, Integer year) {
    }

    record StepInput(String text, String approval, String on, String to) {
    }

    record DecisionInput(Boolean accept, String reason) {
    }

    @Operation(summary = "督办与通报（不含 .docx），可按种类筛选 · 督办 and 通报 issued in the caller's scope, newest first, optionally of one kind (DUBAN, TONGBAO)")
    @GetMapping("/api/v1/supervision/notices")
    @PreAuthorize(SupervisionApiController.READERS)
    Map<String, Object> notices(@RequestParam(required = false) String kind) {
        String k = kind == null || kind.isBlank() ? null : kind.trim().toUpperCase(Locale.ROOT);
        if (k != null && !k.equals("DUBAN") && !k.equals("TONGBAO")) {
            throw DomainException.invalid("kind", "error.supervision.notice.kind", kind);
        }
        return Map.of("items", notices.list(Actors.scope().regionPredicate("n.region_path"), null).stream()
                .filter(n -> k == null || n.kind().equals(k)).toList());
    }

    @Operation(summary = "进展较慢的地区（一年内两次督办且仍有逾期任务）· Regions that drew two 督办 within a year and still have overdue tasks")
    @GetMapping("/api/v1/supervision/slow-regions")
    @PreAuthorize(SupervisionApiController.READERS)
    Map<String, Object> slow() {
        return Map.of("items", circulars.slowDistricts());
    }

    @Operation(summary = "生成通报（.docx），点名进展较慢的地区 · Issue a 通报 naming the slow regions, generated as .docx")
    @PostMapping("/api/v1/supervision/circulars")
    @PreAuthorize(SupervisionApiController.COORDINATORS)
    SupervisionNotices.Issued circular(@RequestBody CircularInput in) {
        return circulars.issue(in == null ? null : in.issuer());
    }

    @Operation(summary = "约谈记录及整改承诺转成的任务 · 约谈 records with the tasks their commitments became")
    @GetMapping("/api/v1/supervision/interviews")
    @PreAuthorize(SupervisionApiController.READERS)
    Map<String, Object> interviews() {
        return Map.of("items", interviews.list());
    }

    @Operation(summary = "记录约谈，整改承诺成为任务（全部成功或全部不变）· Record a 约谈; each commitment becomes a task, all or nothing")
    @PostMapping("/api/v1/supervision/interviews")
    @PreAuthorize(SupervisionApiController.COORDINATORS)
    Interviews.Interview interview(@RequestBody InterviewInput in) {
        if (in == null) {
            throw DomainException.invalid("region", "error.supervision.annual.region", "");
        }
        return interviews.record(in.region(), in.heldOn(), in.attendees(), in.summary(), in.commitments());
    }

    @Operation(summary = "年度报告列表 · Annual reports in the caller's scope")
    @GetMapping("/api/v1/supervision/annual-reports")
    @PreAuthorize(SupervisionApiController.READERS)
    Map<String, Object> annual() {
        return Map.of("items", reports.list());
    }

    @Operation(summary = "起草年度报告（区县或市）· Draft the annual report of a region and year from the tasks and named queries")
    @PostMapping("/api/v1/supervision/annual-reports")
    @PreAuthorize(ANNUAL_WRITERS)
    AnnualReports.AnnualReport draft(@RequestBody DraftInput in) {
        return reports.draft(in == null ? null : in.region(), in == null ? null : in.year());
    }

    @Operation(summary = "年度报告及每个数字的查询名称 · An annual report with each figure and the query it comes from")
    @GetMapping("/api/v1/supervision/annual-reports/{id}")
    @PreAuthorize(SupervisionApiController.READERS)
    Map<String, Object> report(@PathVariable long id) {
        AnnualReports.AnnualReport r = reports.get(id);
        return Map.of("report", r, "figures", reports.figuresOf(r));
    }

    @Operation(summary = "修改正文、记录政府同意或报送上级（edit / approve / submit）· Edit the text, record the government's consent, or submit to the level above")
    @PostMapping("/api/v1/supervision/annual-reports/{id}/{step}")
    @PreAuthorize(ANNUAL_WRITERS)
    AnnualReports.AnnualReport step(@PathVariable long id, @PathVariable String step, @RequestBody StepInput in) {
        StepInput s = in == null ? new StepInput(null, null, null, null) : in;
        return switch (step) {
            case "edit" -> reports.edit(id, s.text());
            case "approve" -> reports.approve(id, s.approval(), s.on());
            case "submit" -> reports.submit(id, s.to(), s.on());
            default -> throw DomainException.notFound("error.supervision.annual.step", step);
        };
    }

    @Operation(summary = "上级审核：通过或退回（退回须写理由）· The level above accepts or returns the report (a reason is required to return)")
    @PostMapping("/api/v1/supervision/annual-reports/{id}/decision")
    @PreAuthorize(SupervisionApiController.COORDINATORS)
    AnnualReports.AnnualReport decide(@PathVariable long id, @RequestBody DecisionInput in) {
        return reports.decide(id, in != null && Boolean.TRUE.equals(in.accept()), in == null ? null : in.reason());
    }
}
