package org.capgov.enforcement;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.capgov.registry.Equipment;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.capgov.shared.ListFilters;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.capgov.enforcement.documents.CaseDocuments;
import org.capgov.shared.spreadsheet.Downloads;

/**
 * Case pages: the list with filters, paging and CSV export (always within the caller's scope), one case with its
 * timeline, exit measures and the forms of exactly the actions the viewer may take now, and its two documents.
 */
@Controller
class CasePageController {

    static final List<Integer> SIZES = List.of(20, 50, 100, 200);
    static final List<String> FILTERS = List.of("state", "dimension", "region", "uscc", "open", "overdue");

    private final CaseService cases;
    private final CasePageExport export;
    private final CaseDocuments documents;
    private final EquipmentService equipment;
    private final MessageSource messages;

    CasePageController(CaseService cases, CasePageExport export, CaseDocuments documents, EquipmentService equipment,
            MessageSource messages) {
        this.cases = cases;
        this.export = export;
        this.documents = documents;
        this.equipment = equipment;
        this.messages = messages;
    }

    @GetMapping("/enforcement/cases")
    @PreAuthorize(CaseApiController.READERS)
    String list(@RequestParam Map<String, String> query, Model model) {
        Map<String, String> f = ListFilters.values(query, FILTERS);
        int size = ListFilters.size(query, SIZES, 50);
        int page = ListFilters.page(query);
        model.addAttribute("f", f);
        model.addAttribute("size", size);
        model.addAttribute("sizes", SIZES);
        model.addAttribute("states", CaseState.values());
        model.addAttribute("dimensions", Dimension.values());
        try {
            CaseService.CasePage result = cases.search(filter(f), page, size);
            model.addAttribute("result", result);
            model.addAttribute("pages", ListFilters.pages(result.total(), size));
            model.addAttribute("hasNext", (long) (page + 1) * size < result.total());
            model.addAttribute("previousLink", link(f, "/enforcement/cases", size, page - 1));
            model.addAttribute("nextLink", link(f, "/enforcement/cases", size, page + 1));
            model.addAttribute("exportLink", link(f, "/enforcement/cases/export.csv", null, null));
        } catch (DomainException e) {
            model.addAttribute("failure", message(e));
        }
        return "enforcement/cases";
    }

    @GetMapping("/enforcement/cases/export.csv")
    @PreAuthorize(CaseApiController.READERS)
    void exportCsv(@RequestParam(required = false) String state, @RequestParam(required = false) String dimension,
            @RequestParam(required = false) String region, @RequestParam(required = false) String uscc,
            @RequestParam(required = false) String open, @RequestParam(required = false) String overdue,
            HttpServletResponse response) throws IOException {
        CaseFilter filter = cases.filter(state, dimension, region, uscc, null, bool(open), bool(overdue));
        export.csv(filter, () -> {
            Downloads.attachment(response, Downloads.CSV, "cases-" + cases.today() + ".csv");
            return response.getOutputStream();
        });
    }

    @GetMapping("/enforcement/cases/{id}")
    @PreAuthorize(CaseApiController.READERS)
    String show(@PathVariable String id, Model model) {
        CaseDetail d = cases.get(id);
        EnforcementCase c = d.summary();
        model.addAttribute("c", c);
        model.addAttribute("detail", d);
        model.addAttribute("today", cases.today());
        model.addAttribute("measures", ExitMeasure.values());
        model.addAttribute("closureApproved",
                d.timeline().stream().anyMatch(e -> e.action() == CaseAction.APPROVE_CLOSURE));
        model.addAttribute("maxMonths", CaseDates.MAX_EXTENSION_MONTHS);
        model.addAttribute("next", NextStep.of(c.state(), c.deadline()));
        model.addAttribute("deadlines", deadlineHistory(d.timeline()));
        if (d.allowedActions().contains(CaseAction.RECORD_EXIT_MEASURE)) {
            model.addAttribute("items", c.equipmentRef() != null ? List.of(c.equipmentRef())
                    : equipment.of(c.uscc()).stream().map(Equipment::code).toList());
        }
        return "enforcement/case";
    }

    /**
     * Each deadline the case has had, in order, with the step that set it (the notice, an extension, the closure
     * decision): a later deadline never hides the earlier ones.
     */
    static List<CaseEvent> deadlineHistory(List<CaseEvent> timeline) {
        List<CaseEvent> out = new java.util.ArrayList<>();
        for (CaseEvent e : timeline) {
            if (e.deadline() != null && (out.isEmpty() || !out.get(out.size() - 1).deadline().equals(e.deadline()))) {
                out.add(e);
            }
        }
        return out;
    }

    @GetMapping("/enforcement/cases/{id}/documents/notice.docx")
    @PreAuthorize(CaseApiController.READERS)
    void notice(@PathVariable String id, HttpServletResponse response) throws IOException {
        docx(response, "限期整改通知书-" + id + ".docx", documents.notice(id));
    }

    @GetMapping("/enforcement/cases/{id}/documents/closure.docx")
    @PreAuthorize(CaseApiController.READERS)
    void closure(@PathVariable String id, HttpServletResponse response) throws IOException {
        docx(response, "关停决定-" + id + ".docx", documents.closure(id));
    }

    private static void docx(HttpServletResponse response, String name, byte[] body) throws IOException {
        Downloads.attachment(response, Downloads.DOCX, name);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private CaseFilter filter(Map<String, String> f) {
        return cases.filter(f.get("state"), f.get("dimension"), f.get("region"), f.get("uscc"), null, bool(f.get("open")),
                bool(f.get("overdue")));
    }

    /** "true" / "false"; anything else (blank: any) is no filter. */
    static Boolean bool(String s) {
        return "true".equals(s) ? Boolean.TRUE : "false".equals(s) ? Boolean.FALSE : null;
    }

    private String message(DomainException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    private static String link(Map<String, String> f, String path, Integer size, Integer page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        f.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                b.queryParam(k, v);
            }
        });
        if (size != null) {
            b.queryParam("size", size).queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }
}
