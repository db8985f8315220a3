package org.capgov.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.capgov.shared.DomainException;
import org.capgov.shared.spreadsheet.Downloads;
import org.capgov.shared.spreadsheet.TableFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Evaluation runs over the registry and their stored findings: start, follow, list, count, export. */
@RestController
@Tag(name = "compliance-runs", description = "Evaluation runs and findings 合规评价任务与结论")
class ComplianceRunApiController {

    static final String STARTERS = "hasAnyRole('ADMIN','COORDINATOR')";
    /** Officials who follow runs; enterprises see their own findings, not the platform's jobs. */
    static final String RUN_READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER')";
    static final String FINDING_READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'ENTERPRISE','OBSERVER')";

    private final ComplianceRunService runs;
    private final FindingsService findings;
    private final FindingsExport export;
    private final WhatIfService whatIf;
    private final WhatIfExport whatIfExport;

    ComplianceRunApiController(ComplianceRunService runs, FindingsService findings, FindingsExport export,
            WhatIfService whatIf, WhatIfExport whatIfExport) {
        this.whatIfExport = whatIfExport;
        this.runs = runs;
        this.findings = findings;
        this.export = export;
        this.whatIf = whatIf;
    }

    @PostMapping("/api/v1/compliance/runs")
    @PreAuthorize(STARTERS)
    @Operation(summary = "Start an evaluation run of the registry 启动名录合规评价")
    ResponseEntity<ComplianceRun> start(@RequestBody(required = false) ComplianceRunRequest request) {
        ComplianceRunRequest r = request == null ? new ComplianceRunRequest(null, null) : request;
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(runs.start(r.date(), r.incrementalOrDefault()));
    }

    @GetMapping("/api/v1/compliance/runs")
    @PreAuthorize(RUN_READERS)
    @Operation(summary = "Recent evaluation runs 最近的评价")
    List<ComplianceRun> recent(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw DomainException.invalid("limit", "error.request.size", 200);
        }
        return runs.recent(limit);
    }

    @GetMapping("/api/v1/compliance/runs/{id}")
    @PreAuthorize(RUN_READERS)
    @Operation(summary = "An evaluation run: status, progress, counts 评价状态、进度与统计")
    ComplianceRun get(@PathVariable long id) {
        return runs.get(id);
    }

    @GetMapping("/api/v1/compliance/findings")
    @PreAuthorize(FINDING_READERS)
    @Operation(summary = "Findings of a run, filtered, in the caller's scope 评价结论（按数据范围）")
    FindingsService.Page findings(@RequestParam(defaultValue = "latest") String run,
            @RequestParam(required = false) String region, @RequestParam(required = false) String industry,
            @RequestParam(required = false) String dimension, @RequestParam(required = false) String status,
            @RequestParam(required = false) String rule, @RequestParam(required = false) String uscc,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return findings.page(run, new FindingsFilter(region, industry, dimension, status, rule, uscc), page, size);
    }

    @GetMapping("/api/v1/compliance/summary")
    @PreAuthorize(FINDING_READERS)
    @Operation(summary = "Counts per enterprise × dimension × status, latest DONE run 按企业与维度统计")
    FindingsService.Summary summary(@RequestParam(defaultValue = "latest") String run,
            @RequestParam(required = false) String uscc, @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return findings.summary(run, new FindingsFilter(region, null, null, null, null, uscc), page, size);
    }

    @GetMapping("/api/v1/compliance/findings/export.csv")
    @PreAuthorize(FINDING_READERS)
    @Operation(summary = "Findings as CSV (UTF-8 with BOM), names instead of codes 导出评价结论（CSV）")
    void exportCsv(@RequestParam(defaultValue = "latest") String run, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String dimension,
            @RequestParam(required = false) String status, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String uscc, HttpServletResponse response) throws IOException {
        export.write(run, new FindingsFilter(region, industry, dimension, status, rule, uscc), TableFormat.CSV,
                r -> open(response, r, TableFormat.CSV));
    }

    @GetMapping("/api/v1/compliance/findings/export.xlsx")
    @PreAuthorize(FINDING_READERS)
    @Operation(summary = "Findings as an Excel workbook, names instead of codes 导出评价结论（Excel）")
    void exportXlsx(@RequestParam(defaultValue = "latest") String run, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String dimension,
            @RequestParam(required = false) String status, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String uscc, HttpServletResponse response) throws IOException {
        export.write(run, new FindingsFilter(region, industry, dimension, status, rule, uscc), TableFormat.XLSX,
                r -> open(response, r, TableFormat.XLSX));
    }

    /** The body of POST /api/v1/compliance/what-if; page (from 0) and size of the changed enterprises shown. */
    record WhatIfRequest(String draft, String asOf, Integer page, Integer size) {
    }

    @PostMapping("/api/v1/compliance/what-if")
    @PreAuthorize(STARTERS)
    @Operation(summary = "Evaluate the registry against a draft catalogue version and list what changes; the changed "
            + "enterprises come one page at a time (page, size ≤ 1000), the counts cover all 草稿目录假设分析")
    WhatIfResult whatIf(@RequestBody(required = false) WhatIfRequest request) {
        WhatIfRequest r = request == null ? new WhatIfRequest(null, null, null, null) : request;
        return whatIf.compare(r.draft(), ComplianceRunRequest.parseDate(r.asOf()), r.page() == null ? 0 : r.page(),
                r.size() == null ? WhatIfService.PAGE_SIZE : r.size());
    }

    @GetMapping("/api/v1/compliance/what-if/export")
    @PreAuthorize(STARTERS)
    @Operation(summary = "Every enterprise and equipment item whose status a draft changes, as CSV (streamed) 假设分析导出")
    void whatIfExport(@RequestParam(required = false) String draft, @RequestParam(required = false) String asOf,
            HttpServletResponse response) throws IOException {
        whatIfExport.csv(draft, ComplianceRunRequest.parseDate(asOf), response);
    }

    static java.io.OutputStream open(HttpServletResponse response, ComplianceRun run, TableFormat format)
            throws IOException {
        Downloads.attachment(response, format.mediaType(), FindingsExport.fileName(run, format));
        return response.getOutputStream();
    }
}
