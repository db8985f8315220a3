package org.capgov.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.capgov.shared.Actors;
import org.capgov.shared.ListFilters;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.spreadsheet.Downloads;
import org.capgov.shared.spreadsheet.TableWriter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit page with filters, paging and a streamed CSV export. */
@Controller
class AuditPageController {

    private static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ChinaTime.ZONE);
    static final List<String> HEADER = List.of("id", "时间 time", "操作人 actor", "来源地址 ip", "操作 action",
            "对象类型 entity_type", "对象 entity_id", "区划路径 region_path", "说明 summary", "变更前 before", "变更后 after",
            "哈希 hash");

    private final AuditReader reader;

    AuditPageController(AuditReader reader) {
        this.reader = reader;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','OBSERVER')")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) String page,
            Model model) {
        AuditFilter filter = new AuditFilter(from, to, actor, action, entityType, null);
        long total = reader.count(Actors.scope(), filter);
        int safePage = ListFilters.page(page);
        model.addAttribute("filter", filter);
        model.addAttribute("entries", reader.search(Actors.scope(), filter, safePage, PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", safePage);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("time", TIME);
        return "audit/list";
    }

    @GetMapping("/audit/export.csv")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','OBSERVER')")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType, HttpServletResponse response) throws IOException {
        Downloads.attachment(response, Downloads.CSV, "audit.csv");
        try (TableWriter csv = TableWriter.csv(response.getOutputStream())) {
            csv.row(HEADER);
            reader.export(Actors.scope(), new AuditFilter(from, to, actor, action, entityType, null), e -> {
                try {
                    csv.row(Arrays.asList(Long.toString(e.id()), TIME.format(e.recordedAt()), e.actor(), e.actorIp(),
                            e.action(), e.entityType(), e.entityId(), e.regionPath(), e.summary(), e.beforeState(),
                            e.afterState(), e.hash()));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
