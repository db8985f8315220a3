package org.capgov.pricing.page;

import java.io.IOException;
import org.capgov.pricing.registration.ActivityService;
import org.capgov.pricing.registration.GreenShareService;
import org.capgov.pricing.watch.ReasonService;
import org.capgov.shared.DomainException;
import org.capgov.shared.spreadsheet.Downloads;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What officers register for the list and the watch: enterprises' activities (crypto-mining), green-power shares per
 * account and year, and reasons for a rise in consumption (which enterprises register for their own accounts too).
 */
@Controller
class RegistrationPageController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'GRID_COMPANY','OBSERVER')";
    static final String REGISTRARS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER')";
    static final String GREEN_RECORDERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','GRID_COMPANY')";
    static final String REASON_READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'ENTERPRISE','OBSERVER')";
    static final String REASON_WRITERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'ENTERPRISE')";

    private final ActivityService activities;
    private final GreenShareService green;
    private final ReasonService reasons;
    private final PageMessages messages;

    RegistrationPageController(ActivityService activities, GreenShareService green, ReasonService reasons,
            PageMessages messages) {
        this.activities = activities;
        this.green = green;
        this.reasons = reasons;
        this.messages = messages;
    }

    @GetMapping("/pricing/registrations")
    @PreAuthorize(READERS)
    String registrations(Model model) {
        model.addAttribute("activities", activities.list(500));
        model.addAttribute("greenShares", green.list(500));
        model.addAttribute("activityCodes", ActivityService.ACTIVITIES);
        return "pricing/registrations";
    }

    @PostMapping("/pricing/activities")
    @PreAuthorize(REGISTRARS)
    String register(@RequestParam(required = false) String uscc, @RequestParam(required = false) String activity,
            @RequestParam(required = false) String effectiveFrom, @RequestParam(required = false) String effectiveTo,
            @RequestParam(required = false) String document, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            ActivityService.Activity a = activities.register(uscc, activity, effectiveFrom, effectiveTo, document, note);
            redirect.addFlashAttribute("success", "已登记：" + a.enterpriseName() + "，自 " + a.effectiveFrom() + " 起");
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.of(e));
        }
        return "redirect:/pricing/registrations";
    }

    @PostMapping("/pricing/activities/{id}/end")
    @PreAuthorize(REGISTRARS)
    String end(@PathVariable long id, @RequestParam(required = false) String effectiveTo, RedirectAttributes redirect) {
        try {
            ActivityService.Activity a = activities.end(id, effectiveTo);
            redirect.addFlashAttribute("success", "已登记终止：" + a.enterpriseName() + "，至 " + a.effectiveTo());
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.of(e));
        }
        return "redirect:/pricing/registrations";
    }

    @PostMapping("/pricing/green-shares")
    @PreAuthorize(GREEN_RECORDERS)
    String recordGreen(@RequestParam(required = false) String gridAccount, @RequestParam(required = false) String year,
            @RequestParam(required = false) String sharePercent,
            @RequestParam(required = false) String provinceWeightPercent, @RequestParam(required = false) String document,
            RedirectAttributes redirect) {
        try {
            GreenShareService.GreenShare g = green.record(gridAccount, year, sharePercent, provinceWeightPercent, document);
            redirect.addFlashAttribute("success", "已登记绿电占比：户号 " + g.gridAccount() + "，" + g.year() + " 年，阶梯电价加价降低 "
                    + g.reliefPercent() + "%");
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.of(e));
        }
        return "redirect:/pricing/registrations";
    }

    @GetMapping("/pricing/reasons")
    @PreAuthorize(REASON_READERS)
    String reasons(Model model) {
        model.addAttribute("reasons", reasons.list(null, 500));
        return "pricing/reasons";
    }

    @PostMapping("/pricing/reasons")
    @PreAuthorize(REASON_WRITERS)
    String registerReason(@RequestParam(required = false) String gridAccount,
            @RequestParam(required = false) String monthFrom, @RequestParam(required = false) String monthTo,
            @RequestParam(required = false) String reason, @RequestParam(required = false) MultipartFile document,
            RedirectAttributes redirect) throws IOException {
        try {
            ReasonService.Reason r = reasons.register(gridAccount, monthFrom, monthTo, reason,
                    document == null || document.isEmpty() ? null : new ReasonService.Document(
                            document.getOriginalFilename(), document.getContentType(), document.getBytes()));
            redirect.addFlashAttribute("success", "已登记原因：户号 " + r.gridAccount() + "，" + r.monthFrom() + " 至 "
                    + r.monthTo());
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.of(e));
        }
        return "redirect:/pricing/reasons";
    }

    @GetMapping("/pricing/reasons/{id}/document")
    @PreAuthorize(REASON_READERS)
    void document(@PathVariable long id, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        ReasonService.Document d = reasons.document(id);
        Downloads.attachment(response, "application/octet-stream", d.name() == null ? "document" : d.name());
        response.getOutputStream().write(d.bytes());
    }
}
