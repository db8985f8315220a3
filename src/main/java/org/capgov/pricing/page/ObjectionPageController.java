package org.capgov.pricing.page;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.capgov.pricing.objection.ObjectionService;
import org.capgov.pricing.surcharge.SurchargeService;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.shared.ScopeGrant;
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

/** The enterprise's own surcharges with the objection form, and the officers' list of objections to decide. */
@Controller
class ObjectionPageController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE','OBSERVER')";
    static final String DECIDERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER')";

    private final ObjectionService objections;
    private final SurchargeService surcharges;
    private final PageMessages messages;
    private final Clock clock;

    ObjectionPageController(ObjectionService objections, SurchargeService surcharges, PageMessages messages, Clock clock) {
        this.objections = objections;
        this.surcharges = surcharges;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/pricing/own")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String own(@RequestParam(required = false) String month, Model model) {
        String m = month == null || month.isBlank() ? YearMonth.from(ChinaTime.today(clock)).minusMonths(1).toString()
                : month.trim();
        model.addAttribute("month", m);
        model.addAttribute("items", List.of());
        model.addAttribute("objections", objections.list(100));
        String uscc = Actors.scope().grants().stream().map(ScopeGrant::enterpriseUscc).filter(u -> u != null).findFirst()
                .orElse(null);
        try {
            if (uscc != null) {
                String path = Actors.scope().grants().get(0).regionPath();
                model.addAttribute("items", surcharges.ownItems(uscc, surcharges.month(m), path));
            }
        } catch (DomainException e) {
            model.addAttribute("failure", messages.of(e));
        }
        return "pricing/own";
    }

    @PostMapping("/pricing/objections")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String lodge(@RequestParam(required = false) String gridAccount, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String month, @RequestParam(required = false) String reason,
            @RequestParam(required = false) MultipartFile document, RedirectAttributes redirect) throws IOException {
        try {
            objections.lodge(gridAccount, kind, month, reason, document == null || document.isEmpty() ? null
                    : new ObjectionService.Document(document.getOriginalFilename(), document.getContentType(),
                            document.getBytes()));
            redirect.addFlashAttribute("success", "异议已提交，等待主管部门决定");
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.of(e));
        }
        return "redirect:/pricing/own?month=" + SurchargePageController.enc(month);
    }

    @GetMapping("/pricing/objections")
    @PreAuthorize(READERS)
    String list(Model model) {
        model.addAttribute("items", objections.list(500));
        return "pricing/objections";
    }

    @PostMapping("/pricing/objections/{id}/decision")
    @PreAuthorize(DECIDERS)
    String decide(@PathVariable long id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            objections.decide(id, decision, reason);
            redirect.addFlashAttribute("success", "已作出决定");
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.of(e));
        }
        return "redirect:/pricing/objections";
    }

    @GetMapping("/pricing/objections/{id}/document")
    @PreAuthorize(READERS)
    void document(@PathVariable long id, HttpServletResponse response) throws IOException {
        ObjectionService.Document d = objections.document(id);
        Downloads.attachment(response, "application/octet-stream", d.name() == null ? "document" : d.name());
        response.getOutputStream().write(d.bytes());
    }
}
