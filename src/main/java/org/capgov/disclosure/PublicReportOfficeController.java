package org.capgov.disclosure;

import org.capgov.shared.DomainException;
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

/** Officers' pages of public reports: the reports of their departments and region, and the handling steps. */
@Controller
class PublicReportOfficeController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER')";
    static final String HANDLERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER')";

    private final PublicReportService reports;
    private final MessageSource messages;

    PublicReportOfficeController(PublicReportService reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/reports")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String state, Model model) {
        model.addAttribute("state", state);
        model.addAttribute("states", PublicReport.STATES);
        model.addAttribute("reports", reports.visible(state));
        return "reports/list";
    }

    @GetMapping("/reports/{trackingNo}")
    @PreAuthorize(READERS)
    String show(@PathVariable String trackingNo, Model model) {
        PublicReport r = reports.get(trackingNo);
        model.addAttribute("r", r);
        model.addAttribute("events", reports.events(r));
        model.addAttribute("departments", reports.departments());
        return "reports/show";
    }

    @PostMapping("/reports/{trackingNo}/actions")
    @PreAuthorize(HANDLERS)
    String act(@PathVariable String trackingNo, @RequestParam(required = false) String action,
            @RequestParam(required = false) String reply, @RequestParam(required = false) String note,
            @RequestParam(required = false) String department, @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        try {
            reports.act(trackingNo, new PublicReportService.Action(action, reply, note, department, version));
            redirect.addFlashAttribute("saved", true);
            if ("FORWARD".equalsIgnoreCase(action)) {
                // forwarded out of the officer's department: it may no longer be theirs to see
                return "redirect:/reports";
            }
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/reports/" + trackingNo;
    }
}
