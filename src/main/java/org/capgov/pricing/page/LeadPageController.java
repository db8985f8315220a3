package org.capgov.pricing.page;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.capgov.pricing.watch.LeadService;
import org.capgov.pricing.watch.PowerLead;
import org.capgov.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The leads of the power-use watch: the list, one lead with its figures and chart, dismissal, a case. */
@Controller
class LeadPageController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER')";
    static final String DECIDERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER')";

    /** A bar of the chart: label, height in the SVG's units, the value, whether it is the month of the lead. */
    record Bar(String label, int x, int height, BigDecimal kwh, boolean current) {
    }

    private final LeadService leads;
    private final org.capgov.pricing.watch.ReasonService reasons;
    private final PageMessages messages;

    LeadPageController(LeadService leads, org.capgov.pricing.watch.ReasonService reasons, PageMessages messages) {
        this.leads = leads;
        this.reasons = reasons;
        this.messages = messages;
    }

    @GetMapping("/pricing/leads")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String status, Model model) {
        model.addAttribute("status", status == null ? "" : status);
        try {
            model.addAttribute("items", leads.list(status, 500));
        } catch (DomainException e) {
            model.addAttribute("items", List.of());
            model.addAttribute("failure", messages.of(e));
        }
        return "pricing/leads";
    }

    @GetMapping("/pricing/leads/{id}")
    @PreAuthorize(READERS)
    String lead(@PathVariable long id, Model model) {
        PowerLead lead = leads.get(id);
        model.addAttribute("lead", lead);
        model.addAttribute("bars", bars(lead));
        // registered reasons of the account that cover the lead's month, to cite in a dismissal
        model.addAttribute("reasons", reasons.list(lead.gridAccount(), 50).stream()
                .filter(r -> r.monthFrom().compareTo(lead.month()) <= 0 && r.monthTo().compareTo(lead.month()) >= 0)
                .toList());
        return "pricing/lead";
    }

    /** The trailing months and the lead's month as bars scaled to 160 units (the chart is drawn on the server). */
    static List<Bar> bars(PowerLead lead) {
        List<BigDecimal> values = new ArrayList<>(lead.history());
        BigDecimal current = lead.figures().get("kwh");
        values.add(current);
        BigDecimal max = values.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        if (max.signum() == 0) {
            max = BigDecimal.ONE;
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            boolean last = i == values.size() - 1;
            int h = values.get(i).multiply(BigDecimal.valueOf(160)).divide(max, 0, RoundingMode.HALF_UP).intValue();
            bars.add(new Bar(last ? lead.month() : "−" + (values.size() - 1 - i), 10 + i * 40, Math.max(h, 1),
                    values.get(i), last));
        }
        return bars;
    }

    @PostMapping("/pricing/leads/{id}/dismiss")
    @PreAuthorize(DECIDERS)
    String dismiss(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String reasonId, RedirectAttributes redirect) {
        try {
            Long cited;
            try {
                cited = reasonId == null || reasonId.isBlank() ? null : Long.valueOf(reasonId.trim());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("reasonId", "error.pricing.number", reasonId);
            }
            leads.dismiss(id, reason, cited);
            redirect.addFlashAttribute("success", "线索已驳回");
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.of(e));
        }
        return "redirect:/pricing/leads/" + id;
    }

    @PostMapping("/pricing/leads/{id}/case")
    @PreAuthorize(DECIDERS)
    String openCase(@PathVariable long id, @RequestParam(required = false) String dimension,
            @RequestParam(required = false) String deadline, @RequestParam(required = false) String document,
            RedirectAttributes redirect) {
        try {
            LocalDate d;
            try {
                d = deadline == null || deadline.isBlank() ? null : LocalDate.parse(deadline.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw DomainException.invalid("deadline", "error.pricing.date", deadline);
            }
            PowerLead lead = leads.openCase(id, new LeadService.CaseFromLead(dimension, d, document, null));
            redirect.addFlashAttribute("success", "已立案：" + lead.caseId());
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.of(e));
        }
        return "redirect:/pricing/leads/" + id;
    }
}
