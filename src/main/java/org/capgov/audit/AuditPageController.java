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
import org.capgov.shared.Vocabulary;
import org.capgov.shared.spreadsheet.Downloads;
import org.capgov.shared.spreadsheet.TableFormat;
import org.capgov.shared.spreadsheet.TableWriter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit page with filters, paging and a streamed CSV export; each entry shows whether it is sealed into the hash
 * chain yet (待封存 until the sealer has chained it, docs/decisions/audit-chain-throughput.md).
 */
@Controller
class AuditPageController {

    private static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ChinaTime.ZONE);
    /**
     * Chinese headers; the action and object type by name, the recorded states as the JSON that was hashed, then the
     * seal: its position in the chain and whether the entry is sealed or still pending.
     */
    static final List<String> HEADER = List.of("编号", "时间", "操作人", "来源地址", "操作", "对象类型", "对象", "区划路径", "说明",
            "变更前", "变更后", "哈希", "封存序号", "封存状态");

    private final AuditReader reader;
    private final Vocabulary labels;
    private final AuditObjects objects;

    AuditPageController(AuditReader reader, Vocabulary labels, AuditObjects objects) {
        this.reader = reader;
        this.labels = labels;
        this.objects = objects;
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
        model.addAttribute("pendingSeal", reader.pending(Actors.scope()));
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
        write(new AuditFilter(from, to, actor, action, entityType, null), TableFormat.CSV, response);
    }

    @GetMapping("/audit/export.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','OBSERVER')")
    void exportXlsx(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType, HttpServletResponse response) throws IOException {
        write(new AuditFilter(from, to, actor, action, entityType, null), TableFormat.XLSX, response);
    }

    private void write(AuditFilter filter, TableFormat format, HttpServletResponse response) throws IOException {
        Downloads.attachment(response, format.mediaType(), "audit." + format.extension());
        try (TableWriter table = format.open(response.getOutputStream(), "审计日志")) {
            table.row(HEADER);
            reader.export(Actors.scope(), filter, e -> {
                try {
                    table.row(cells(e));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private List<String> cells(AuditEntry e) {
        String summary = "enforcement_case".equals(e.entityType())
                ? labels.in(Vocabulary.ZH, "enforcement.action.", e.summary()) : e.summary();
        return Arrays.asList(Long.toString(e.id()), TIME.format(e.recordedAt()), e.actor(), e.actorIp(),
                labels.in(Vocabulary.ZH, "audit.action.", e.action()),
                labels.in(Vocabulary.ZH, "audit.entityType.", e.entityType()),
                objects.name(Vocabulary.ZH, e.entityType(), e.entityId()), e.regionPath(), summary,
                e.beforeState(), e.afterState(), e.hash(), e.pending() ? "" : Long.toString(e.position()),
                labels.in(Vocabulary.ZH, "audit.seal.", e.pending() ? "PENDING" : "SEALED"));
    }
}
