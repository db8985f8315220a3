package org.capgov.compliance;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.capgov.shared.Industry;
import org.capgov.shared.ListFilters;
import org.capgov.shared.spreadsheet.TableFormat;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * Pages of evaluation runs: the run list with the start form and the progress of the current run (refreshed by htmx
 * every second), the findings list with filters, paging, drill-down and export, and one enterprise's summary.
 */
@Controller
class ComplianceRunPageController {

    private static final List<Integer> SIZES = List.of(20, 50, 100, 200);
    private static final int ENTERPRISE_FINDINGS = 200;

    private final ComplianceRunService runs;
    private final FindingsService findings;
    private final FindingsExport export;
    private final WhatIfService whatIf;
    private final WhatIfExport whatIfExport;
    private final MessageSource messages;
    private final Clock clock;

    ComplianceRunPageController(Clock clock, ComplianceRunService runs, FindingsService findings, FindingsExport export,
            WhatIfService whatIf, WhatIfExport whatIfExport, MessageSource messages) {
        this.clock = clock;
        this.whatIfExport = whatIfExport;
        this.runs = runs;
        this.findings = findings;
        this.export = export;
        this.whatIf = whatIf;
        this.messages = messages;
    }

    @GetMapping("/compliance/runs")
    @PreAuthorize(ComplianceRunApiController.RUN_READERS)
    String list(Model model) {
        List<ComplianceRun> recent = runs.recent(30);
        model.addAttribute("runs", recent);
        model.addAttribute("run", recent.stream().filter(r -> !r.finished()).findFirst()
                .orElse(recent.isEmpty() ? null : recent.get(0)));
        model.addAttribute("today", ChinaTime.today(clock));
        return "compliance/runs";
    }

    @PostMapping("/compliance/runs")
    @PreAuthorize(ComplianceRunApiController.STARTERS)
    String start(@RequestParam(required = false) String asOf, @RequestParam(required = false) String incremental,
            RedirectAttributes redirect) {
        try {
            runs.start(ComplianceRunRequest.parseDate(asOf), "true".equals(incremental) || "on".equals(incremental));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/compliance/runs";
    }

    /** The progress block alone; it carries the htmx trigger that fetches it again until the run has ended. */
    @GetMapping("/compliance/runs/{id}/progress")
    @PreAuthorize(ComplianceRunApiController.RUN_READERS)
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("run", runs.get(id));
        return "compliance/runs :: progress";
    }

    @GetMapping("/compliance/findings")
    @PreAuthorize(ComplianceRunApiController.FINDING_READERS)
    String findings(@RequestParam Map<String, String> query, Model model) {
        Map<String, String> f = ListFilters.values(query,
                List.of("run", "region", "industry", "dimension", "status", "rule", "uscc"));
        int size = ListFilters.size(query, SIZES, 50);
        int page = ListFilters.page(query);
        model.addAttribute("f", f);
        model.addAttribute("size", size);
        model.addAttribute("sizes", SIZES);
        model.addAttribute("industries", Industry.values());
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("statuses", ComplianceRun.STATUSES);
        model.addAttribute("doneRuns", runs.recent(30).stream().filter(r -> ComplianceRun.DONE.equals(r.status())).toList());
        try {
            FindingsFilter filter = new FindingsFilter(f.get("region"), f.get("industry"), f.get("dimension"),
                    f.get("status"), f.get("rule"), f.get("uscc"));
            FindingsService.Page result = findings.page(f.get("run"), filter, page, size);
            model.addAttribute("result", result);
            model.addAttribute("pages", ListFilters.pages(result.total(), size));
            model.addAttribute("previousLink", link(f, size, page - 1));
            model.addAttribute("nextLink", link(f, size, page + 1));
            Map<String, String> exportQuery = new LinkedHashMap<>(f);
            exportQuery.put("run", Long.toString(result.run().id()));
            model.addAttribute("exportLink", link(exportQuery, "/compliance/findings/export.csv"));
            model.addAttribute("exportXlsxLink", link(exportQuery, "/compliance/findings/export.xlsx"));
        } catch (DomainException e) {
            model.addAttribute("failure", message(e));
        }
        return "compliance/findings";
    }

    @GetMapping("/compliance/findings/export.csv")
    @PreAuthorize(ComplianceRunApiController.FINDING_READERS)
    void exportCsv(@RequestParam(defaultValue = "latest") String run, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String dimension,
            @RequestParam(required = false) String status, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String uscc, HttpServletResponse response) throws IOException {
        export.write(run, new FindingsFilter(region, industry, dimension, status, rule, uscc), TableFormat.CSV,
                r -> ComplianceRunApiController.open(response, r, TableFormat.CSV));
    }

    @GetMapping("/compliance/findings/export.xlsx")
    @PreAuthorize(ComplianceRunApiController.FINDING_READERS)
    void exportXlsx(@RequestParam(defaultValue = "latest") String run, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String dimension,
            @RequestParam(required = false) String status, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String uscc, HttpServletResponse response) throws IOException {
        export.write(run, new FindingsFilter(region, industry, dimension, status, rule, uscc), TableFormat.XLSX,
                r -> ComplianceRunApiController.open(response, r, TableFormat.XLSX));
    }

    @GetMapping("/compliance/enterprises/{uscc}")
    @PreAuthorize(ComplianceRunApiController.FINDING_READERS)
    String enterprise(@PathVariable String uscc, Model model) {
        FindingsFilter filter = FindingsFilter.ofEnterprise(uscc);
        model.addAttribute("uscc", filter.uscc());
        model.addAttribute("statuses", ComplianceRun.STATUSES);
        try {
            FindingsService.Summary summary = findings.summary("latest", filter, 0, 1);
            FindingsService.Page page = findings.page(Long.toString(summary.run().id()), filter, 0, ENTERPRISE_FINDINGS);
            if (summary.enterprises().isEmpty()) {
                throw DomainException.notFound("error.compliance.enterpriseNotFound", filter.uscc());
            }
            model.addAttribute("summary", summary);
            model.addAttribute("enterprise", summary.enterprises().get(0));
            model.addAttribute("page", page);
            model.addAttribute("dimensions", dimensionsOf(summary.enterprises().get(0)));
        } catch (DomainException e) {
            if (e.status() != 404) {
                throw e;
            }
            model.addAttribute("failure", message(e));
        }
        return "compliance/enterprise";
    }

    @GetMapping("/compliance/what-if")
    @PreAuthorize(ComplianceRunApiController.STARTERS)
    String whatIfForm(Model model) {
        whatIfModel(model, null, ChinaTime.today(clock).toString());
        return "compliance/what-if";
    }

    @PostMapping("/compliance/what-if")
    @PreAuthorize(ComplianceRunApiController.STARTERS)
    String whatIf(@RequestParam(required = false) String draft, @RequestParam(required = false) String asOf,
            @RequestParam(defaultValue = "0") int page, Model model) {
        whatIfModel(model, draft, asOf);
        try {
            model.addAttribute("result", whatIf.compare(draft, ComplianceRunRequest.parseDate(asOf), page,
                    WhatIfService.PAGE_SIZE));
        } catch (DomainException e) {
            model.addAttribute("failure", message(e));
        }
        return "compliance/what-if";
    }

    @GetMapping("/compliance/what-if/export")
    @PreAuthorize(ComplianceRunApiController.STARTERS)
    void whatIfExport(@RequestParam(required = false) String draft, @RequestParam(required = false) String asOf,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        whatIfExport.csv(draft, ComplianceRunRequest.parseDate(asOf), response);
    }

    private void whatIfModel(Model model, String draft, String asOf) {
        model.addAttribute("candidates", whatIf.candidates());
        model.addAttribute("draft", draft);
        model.addAttribute("asOf", asOf);
    }

    /** One line of the summary table: a dimension and its counts in the order of {@link ComplianceRun#STATUSES}. */
    record DimensionRow(String dimension, List<Long> counts) {
    }

    private static List<DimensionRow> dimensionsOf(FindingsService.EnterpriseSummary s) {
        List<String> order = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            if (s.dimensions().containsKey(d.name())) {
                order.add(d.name());
            }
        }
        s.dimensions().keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        List<DimensionRow> rows = new ArrayList<>();
        for (String d : order) {
            List<Long> counts = new ArrayList<>();
            for (String status : ComplianceRun.STATUSES) {
                counts.add(s.dimensions().get(d).getOrDefault(status, 0L));
            }
            rows.add(new DimensionRow(d, counts));
        }
        return rows;
    }

    private String message(DomainException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    private static String link(Map<String, String> f, int size, int page) {
        Map<String, String> q = new LinkedHashMap<>(f);
        q.put("size", Integer.toString(size));
        q.put("page", Integer.toString(page));
        return link(q, "/compliance/findings");
    }

    private static String link(Map<String, String> q, String path) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        q.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                b.queryParam(k, v);
            }
        });
        return b.encode().build().toUriString();
    }
}
