package org.capgov.capacity.page;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.capgov.capacity.target.TargetProgress;
import org.capgov.capacity.target.TargetDrillDown;
import org.capgov.capacity.target.TargetProgressService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.shared.Vocabulary;
import org.capgov.shared.spreadsheet.Downloads;
import org.capgov.shared.spreadsheet.TableFormat;
import org.capgov.shared.spreadsheet.TableWriter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The target board of a region as of a date, and its .xlsx export with Chinese labels. */
@Controller
class TargetBoardController {

    /** Year-end points of a sparkline at most. */
    static final int HISTORY_POINTS = 8;
    /** Who may see the enterprises and equipment behind a figure (banks see the figures only). */
    static final String DRILLERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER')";

    private final TargetProgressService progress;
    private final TargetDrillDown drillDown;
    private final MessageSource messages;
    private final Clock clock;
    private final Vocabulary labels;

    TargetBoardController(TargetProgressService progress, TargetDrillDown drillDown, MessageSource messages,
            Clock clock, Vocabulary labels) {
        this.labels = labels;
        this.progress = progress;
        this.drillDown = drillDown;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/capacity/targets")
    @PreAuthorize(CapacityPageController.READERS)
    String board(@RequestParam(required = false) String region, @RequestParam(required = false) String asOf, Model model) {
        String day = asOf == null || asOf.isBlank() ? ChinaTime.today(clock).toString() : asOf.trim();
        model.addAttribute("region", region == null ? "" : region.trim());
        model.addAttribute("asOf", day);
        try {
            model.addAttribute("items", progress.progress(region, day));
        } catch (DomainException e) {
            model.addAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
        }
        return "capacity/targets";
    }

    /** The sparkline of a target's history (year ends and the day), as an SVG image for the board. */
    @GetMapping("/capacity/targets/{id}/sparkline.svg")
    @PreAuthorize(CapacityPageController.READERS)
    @ResponseBody
    ResponseEntity<String> sparkline(@PathVariable String id, @RequestParam(required = false) String asOf) {
        List<TargetProgress> history = progress.history(id, asOf, HISTORY_POINTS);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noCache()).body(sparkline(history));
    }

    /** One target: its history and, for officers, the enterprises and equipment behind the figure. */
    @GetMapping("/capacity/targets/{id}")
    @PreAuthorize(CapacityPageController.READERS)
    String target(@PathVariable String id, @RequestParam(required = false) String asOf, Model model,
            org.springframework.security.core.Authentication who) {
        List<TargetProgress> history = progress.history(id, asOf, HISTORY_POINTS);
        TargetProgress now = history.get(history.size() - 1);
        model.addAttribute("t", now);
        model.addAttribute("asOf", now.asOf());
        model.addAttribute("history", history);
        model.addAttribute("sparkline", sparkline(history));
        boolean officer = who.getAuthorities().stream().map(a -> a.getAuthority()).anyMatch(a -> List.of("ROLE_ADMIN",
                "ROLE_COORDINATOR", "ROLE_DEPARTMENT_OFFICER", "ROLE_DISTRICT_OFFICER", "ROLE_OBSERVER").contains(a));
        if (officer) {
            model.addAttribute("behind", drillDown.behind(id, now.asOf()));
            model.addAttribute("limit", TargetDrillDown.LIMIT);
        }
        return "capacity/target";
    }

    private String sparkline(List<TargetProgress> history) {
        TargetProgress last = history.get(history.size() - 1);
        StringBuilder title = new StringBuilder(label("capacity.targets.history")).append('：');
        for (TargetProgress p : history) {
            title.append(p.asOf()).append(' ').append(p.value() == null ? "—" : p.value().toPlainString()).append("；");
        }
        return Sparkline.svg(history.stream().map(TargetProgress::value).toList(), last.goal(), title.toString());
    }

    @GetMapping("/capacity/targets.xlsx")
    @PreAuthorize(CapacityPageController.READERS)
    void export(@RequestParam(required = false) String region, @RequestParam(required = false) String asOf,
            HttpServletResponse response) throws IOException {
        String day = asOf == null || asOf.isBlank() ? ChinaTime.today(clock).toString() : asOf.trim();
        List<TargetProgress> items = progress.progress(region, day);
        Downloads.attachment(response, TableFormat.XLSX.mediaType(), "targets-" + day + "." + TableFormat.XLSX.extension());
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        try (TableWriter table = TableFormat.XLSX.open(response.getOutputStream(), label("capacity.targets.title"))) {
            table.row(List.of("capacity.col.targetId", "capacity.col.kind", "capacity.col.subject",
                    "capacity.field.regionCode", "capacity.col.goal", "capacity.col.deadline", "capacity.col.value",
                    "capacity.col.unit", "capacity.field.status", "capacity.col.projected", "capacity.col.method",
                    "capacity.col.citation").stream().map(this::label).toList());
            for (TargetProgress t : items) {
                table.row(java.util.Arrays.asList(t.targetId(), labels.in(zh, "catalog.targetKind.", t.kind()),
                        t.product() != null ? labels.in(zh, "product.", t.product()) : labels.in(zh, "industry.", t.industry()),
                        t.region(), labels.comparator(t.comparator()) + " " + t.goal().toPlainString(), t.deadline(),
                        t.value(), t.unit() == null ? "" : labels.unit(zh, t.unit()),
                        labels.in(zh, "capacity.targetStatus.", t.status()), t.projected(), t.methodText(),
                        t.citation().document() + " " + t.citation().section() + "："
                                + (t.citation().text() == null ? "" : t.citation().text())));
            }
        }
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }
}
