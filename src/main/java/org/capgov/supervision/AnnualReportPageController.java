package org.capgov.supervision;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
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

/** Annual reports up the chain: list, draft, edit, approval, submission, .docx. */
@Controller
class AnnualReportPageController {

    static final String WRITERS = "hasAnyRole('ADMIN','COORDINATOR','DISTRICT_OFFICER')";

    private final AnnualReports reports;
    private final MessageSource messages;
    private final Clock clock;

    AnnualReportPageController(AnnualReports reports, MessageSource messages, Clock clock) {
        this.reports = reports;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/supervision/annual")
    @PreAuthorize(SupervisionApiController.READERS)
    String list(Model model) {
        model.addAttribute("reports", reports.list());
        model.addAttribute("lastYear", ChinaTime.today(clock).getYear() - 1);
        return "supervision/annual";
    }

    @PostMapping("/supervision/annual")
    @PreAuthorize(WRITERS)
    String draft(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
            RedirectAttributes redirect) {
        try {
            AnnualReports.AnnualReport r = reports.draft(region, year);
            return "redirect:/supervision/annual/" + r.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", message(e));
            return "redirect:/supervision/annual";
        }
    }

    @GetMapping("/supervision/annual/{id}")
    @PreAuthorize(SupervisionApiController.READERS)
    String show(@PathVariable long id, Model model) {
        AnnualReports.AnnualReport r = reports.get(id);
        model.addAttribute("report", r);
        model.addAttribute("decides", reports.decides(r));
        model.addAttribute("reportTitle", AnnualReportDocument.title(r));
        model.addAttribute("figures", reports.figuresOf(r));
        model.addAttribute("today", ChinaTime.today(clock));
        return "supervision/annual-report";
    }

    @PostMapping("/supervision/annual/{id}/{step}")
    @PreAuthorize(WRITERS)
    String step(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String text,
            @RequestParam(required = false) String approval, @RequestParam(required = false) String on,
            @RequestParam(required = false) String to, RedirectAttributes redirect) {
        try {
            switch (step) {
                case "edit" -> reports.edit(id, text);
                case "approve" -> reports.approve(id, approval, on);
                case "submit" -> reports.submit(id, to, on);
                default -> throw DomainException.notFound("error.supervision.annual.step", step);
            }
            redirect.addFlashAttribute("success", messages.getMessage("supervision.annual.done." + step, null,
                    LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/supervision/annual/" + id;
    }

    @PostMapping("/supervision/annual/{id}/decide")
    @PreAuthorize(SupervisionApiController.COORDINATORS)
    String decide(@PathVariable long id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            reports.decide(id, "accept".equals(decision), reason);
            redirect.addFlashAttribute("success", messages.getMessage("accept".equals(decision)
                    ? "supervision.annual.done.accept" : "supervision.annual.done.return", null,
                    LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/supervision/annual/" + id;
    }

    @GetMapping("/supervision/annual/{id}/docx")
    @PreAuthorize(SupervisionApiController.READERS)
    void docx(@PathVariable long id, HttpServletResponse response) throws IOException {
        AnnualReports.AnnualReport r = reports.get(id);
        byte[] bytes = reports.docx(id);
        Downloads.attachment(response, Downloads.DOCX, AnnualReportDocument.title(r) + ".docx");
        response.getOutputStream().write(bytes);
    }

    private String message(DomainException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }
}
