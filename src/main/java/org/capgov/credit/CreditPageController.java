package org.capgov.credit;

import java.util.List;
import java.util.Map;
import org.capgov.shared.DomainException;
import org.capgov.shared.ListFilters;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Pages: the records in the caller's scope with filters, one record with its basis, repair and the checks made
 * against it (with what each caller did), and the check form for bank and department staff with their own recent
 * checks and a feedback form per check.
 */
@Controller
class CreditPageController {

    private static final List<Integer> SIZES = List.of(20, 50, 100);
    private static final int MY_CHECKS = 20;

    private final CreditRecordService records;
    private final CreditCheckService checks;
    private final MessageSource messages;

    CreditPageController(CreditRecordService records, CreditCheckService checks, MessageSource messages) {
        this.records = records;
        this.checks = checks;
        this.messages = messages;
    }

    static void checkPaging(int page, int size) {
        if (page < 0) {
            throw DomainException.invalid("page", "error.request.page");
        }
        if (size < 1 || size > 500) {
            throw DomainException.invalid("size", "error.request.size", 500);
        }
    }

    @GetMapping("/credit")
    @PreAuthorize(CreditApiController.READERS)
    String list(@RequestParam Map<String, String> query, Model model) {
        Map<String, String> f = ListFilters.values(query, List.of("uscc", "status", "basis", "measure", "region"));
        int size = ListFilters.size(query, SIZES, 50);
        int page = ListFilters.page(query);
        model.addAttribute("f", f);
        model.addAttribute("size", size);
        model.addAttribute("sizes", SIZES);
        model.addAttribute("bases", CreditBasis.values());
        model.addAttribute("measures", CreditMeasure.values());
        model.addAttribute("statuses", List.of(CreditRecord.ACTIVE, CreditRecord.REPAIRED));
        try {
            CreditRecordService.Page result = records.search(new CreditRecordFilter(f.get("uscc"), f.get("status"),
                    f.get("basis"), f.get("measure"), f.get("region")), page, size);
            model.addAttribute("result", result);
            model.addAttribute("pages", ListFilters.pages(result.total(), size));
            model.addAttribute("previousLink", link(f, size, page - 1));
            model.addAttribute("nextLink", link(f, size, page + 1));
        } catch (DomainException e) {
            model.addAttribute("failure", message(e));
        }
        return "credit/records";
    }

    @GetMapping("/credit/records/{id}")
    @PreAuthorize(CreditApiController.READERS)
    String record(@PathVariable long id, Model model) {
        CreditRecordService.Detail detail = records.get(id);
        model.addAttribute("record", detail.record());
        model.addAttribute("checks", detail.checks());
        model.addAttribute("grounds", RepairGround.values());
        return "credit/record";
    }

    @PostMapping("/credit/records/{id}/repair")
    @PreAuthorize(CreditApiController.REPAIRERS)
    String repair(@PathVariable long id, @RequestParam(required = false) String ground,
            @RequestParam(required = false) String effectiveDate, @RequestParam(required = false) String document,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            records.repair(id, new CreditRecordService.RepairRequest(ground, effectiveDate, document, note));
            redirect.addFlashAttribute("success", messages.getMessage("credit.repair.done", null,
                    LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/credit/records/" + id;
    }

    @GetMapping("/credit/check")
    @PreAuthorize(CreditApiController.CHECKERS)
    String checkForm(@RequestParam(required = false) String uscc, @RequestParam(required = false) String measure,
            Model model) {
        model.addAttribute("uscc", uscc == null ? "" : uscc.trim());
        model.addAttribute("measure", measure == null ? "" : measure.trim());
        model.addAttribute("measures", CreditMeasure.values());
        model.addAttribute("actions", CheckFeedbackAction.values());
        if (uscc != null && !uscc.isBlank()) {
            try {
                model.addAttribute("result", checks.check(uscc, measure));
            } catch (DomainException e) {
                model.addAttribute("failure", message(e));
            }
        }
        model.addAttribute("mine", checks.mine(MY_CHECKS));
        return "credit/check";
    }

    @PostMapping("/credit/checks/{id}/feedback")
    @PreAuthorize(CreditApiController.CHECKERS)
    String feedback(@PathVariable String id, @RequestParam(required = false) String action,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            checks.feedback(id, action, note);
            redirect.addFlashAttribute("success", messages.getMessage("credit.feedback.done", null,
                    LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/credit/check";
    }

    private String message(DomainException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    private static String link(Map<String, String> f, int size, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/credit");
        f.forEach((k, v) -> {
            if (!v.isEmpty()) {
                b.queryParam(k, v);
            }
        });
        return b.queryParam("size", size).queryParam("page", page).encode().build().toUriString();
    }
}
