package org.capgov.supervision;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.shared.spreadsheet.Downloads;
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

/** 督办 and 通报: the list, the districts slow enough for a 通报, issuing one, and its .docx. */
@Controller
class NoticePageController {

    private final SupervisionNotices notices;
    private final Circulars circulars;
    private final SupervisionClock supervisionClock;
    private final TaskRepository tasks;
    private final MessageSource messages;
    private final Clock clock;

    NoticePageController(SupervisionNotices notices, Circulars circulars, SupervisionClock supervisionClock,
            TaskRepository tasks, MessageSource messages, Clock clock) {
        this.tasks = tasks;
        this.notices = notices;
        this.circulars = circulars;
        this.supervisionClock = supervisionClock;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/supervision/notices")
    @PreAuthorize(SupervisionApiController.READERS)
    String list(Model model) {
        model.addAttribute("notices", notices.list(Actors.scope().regionPredicate("n.region_path"), null));
        model.addAttribute("slow", circulars.slowDistricts());
        model.addAttribute("repeated", Circulars.REPEATED);
        model.addAttribute("homeRegion", Actors.scope().unrestricted() || Actors.scope().grants().isEmpty() ? "500000"
                : tasks.regionCodeOf(Actors.scope().grants().get(0).regionPath()));
        return "supervision/notices";
    }

    /** Runs the deadline check now over a region the caller covers (the daily job runs it over all). */
    @PostMapping("/supervision/sweep")
    @PreAuthorize(SupervisionApiController.COORDINATORS)
    String sweep(@RequestParam(required = false) String region, RedirectAttributes redirect) {
        String path = region == null ? null : tasks.regionPath(region.trim()).orElse(null);
        if (path == null || !Actors.scope().coversRegion(path)) {
            redirect.addFlashAttribute("failure", messages.getMessage("error.supervision.sweep.region",
                    new Object[] {region == null ? "" : region}, LocaleContextHolder.getLocale()));
            return "redirect:/supervision/notices";
        }
        SupervisionClock.Result r = supervisionClock.sweep(ChinaTime.today(clock), path);
        redirect.addFlashAttribute("success", messages.getMessage("supervision.sweep.done",
                new Object[] {r.reminders(), r.duban()}, LocaleContextHolder.getLocale()));
        return "redirect:/supervision/notices";
    }

    @PostMapping("/supervision/circulars")
    @PreAuthorize(SupervisionApiController.COORDINATORS)
    String issue(@RequestParam(required = false) String issuer, RedirectAttributes redirect) {
        try {
            SupervisionNotices.Issued n = circulars.issue(issuer);
            redirect.addFlashAttribute("success", messages.getMessage("supervision.circular.issued",
                    new Object[] {n.number()}, LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/supervision/notices";
    }

    @GetMapping("/supervision/notices/{id}/docx")
    @PreAuthorize(SupervisionApiController.READERS)
    void docx(@PathVariable long id, HttpServletResponse response) throws IOException {
        byte[] docx = notices.docx(id, Actors.scope().regionPredicate("n.region_path"))
                .orElseThrow(() -> DomainException.notFound("error.supervision.notice.notFound", id));
        Downloads.attachment(response, Downloads.DOCX, "通报-" + id + ".docx");
        response.getOutputStream().write(docx);
    }
}
