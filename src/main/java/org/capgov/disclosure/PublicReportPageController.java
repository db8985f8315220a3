package org.capgov.disclosure;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public "report an error" form of an enterprise page and the status page of a report (no login). */
@Controller
class PublicReportPageController {

    private static final List<String> CATEGORIES = List.of("WRONG_DATA", "WRONG_STATUS", "OTHER");

    private final PublicReportService reports;
    private final PublicEnterpriseDirectory directory;
    private final PublicEnterpriseEnforcement enforcement;
    private final MessageSource messages;

    PublicReportPageController(PublicReportService reports, PublicEnterpriseDirectory directory,
            PublicEnterpriseEnforcement enforcement, MessageSource messages) {
        this.enforcement = enforcement;
        this.reports = reports;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/public/enterprises/{uscc}/report")
    @PermitAll
    String form(@PathVariable String uscc, Model model) {
        PublicEnterprise e = directory.get(uscc);
        model.addAttribute("e", e);
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("listing", enforcement.of(e.uscc(), null));
        return "public/report-form";
    }

    /**
     * Anyone may submit; the form's CSRF token (an anonymous session) is required like on every page form.
     * {@code website} is the honeypot: hidden from people, filled in by scripts.
     */
    @PostMapping("/public/enterprises/{uscc}/report")
    @PermitAll
    String submit(@PathVariable String uscc, @RequestParam(required = false) String category,
            @RequestParam(required = false) String text, @RequestParam(required = false) String contact,
            @RequestParam(required = false) String website, @RequestParam(required = false) String caseId, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        PublicEnterprise e = directory.get(uscc);
        try {
            PublicReport r = reports.submit(e.uscc(), new PublicReportService.Submission(category, text, contact, website, caseId),
                    request.getRemoteAddr());
            redirect.addFlashAttribute("submitted", true);
            return "redirect:/public/reports/" + r.trackingNo();
        } catch (DomainException ex) {
            response.setStatus(ex.status());
            Map<String, String> errors = new LinkedHashMap<>();
            ex.problems().forEach(p -> errors.putIfAbsent(p.field(), p.reason()));
            if (errors.isEmpty()) {
                model.addAttribute("failure", messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(),
                        LocaleContextHolder.getLocale()));
            }
            model.addAttribute("errors", errors);
            model.addAttribute("e", e);
            model.addAttribute("categories", CATEGORIES);
            model.addAttribute("category", category);
            model.addAttribute("text", text);
            model.addAttribute("contact", contact);
            model.addAttribute("caseId", caseId);
            model.addAttribute("listing", enforcement.of(e.uscc(), null));
            return "public/report-form";
        }
    }

    @GetMapping("/public/reports/{trackingNo}")
    @PermitAll
    String status(@PathVariable String trackingNo, Model model) {
        model.addAttribute("r", reports.status(trackingNo));
        return "public/report-status";
    }
}
