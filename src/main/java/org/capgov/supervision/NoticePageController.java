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
    private final Interviews interviews;
    private final MessageSource messages;
    private final Clock clock;

    NoticePageController(SupervisionNotices notices, Circulars circulars, SupervisionClock supervisionClock,
            TaskRepository tasks, Interviews interviews, MessageSource messages, Clock clock) {
        this.tasks = tasks;
        this.interviews = interviews;
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
        model.addAttribute("interviews", interviews.list());
        java.util.Map<String, String> departments = new java.util.LinkedHashMap<>();
        tasks.departments().forEach(d -> departments.putIfAbsent(d.code(), d.shortName()));
        model.addAttribute("departments", departments);
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

    /** A 约谈 with up to three commitments (text, lead department, deadline), each becoming a task. */
    @PostMapping("/supervision/interviews")
    @PreAuthorize(SupervisionApiController.COORDINATORS)
    String interview(@RequestParam(required = false) String region, @RequestParam(required = false) String heldOn,
            @RequestParam(required = false) String attendees, @RequestParam(required = false) String summary,
            @RequestParam(name = "commitmentText", required = false) java.util.List<String> texts,
            @RequestParam(name = "commitmentDepartment", required = false) java.util.List<String> departments,
            @RequestParam(name = "commitmentDeadline", required = false) java.util.List<String> deadlines,
            RedirectAttributes redirect) {
        java.util.List<Interviews.Commitment> commitments = new java.util.ArrayList<>();
        int rows = texts == null ? 0 : texts.size();
        for (int i = 0; i < rows; i++) {
            commitments.add(new Interviews.Commitment(texts.get(i), at(departments, i), at(deadlines, i)));
        }
        try {
            Interviews.Interview done = interviews.record(region, heldOn, attendees, summary, commitments);
            redirect.addFlashAttribute("success", messages.getMessage("supervision.interview.recorded",
                    new Object[] {done.regionName(), done.taskIds().size()}, LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", e.problems().isEmpty()
                    ? messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale())
                    : String.join("；", e.problems().stream().map(p -> messages.getMessage("field." + p.field(), null,
                            p.field(), LocaleContextHolder.getLocale()) + "：" + p.reason()).toList()));
        }
        return "redirect:/supervision/notices";
    }

    private static String at(java.util.List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
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
