package org.capgov.pricing.page;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.capgov.pricing.scale.PriceCatalogue;
import org.capgov.pricing.surcharge.BillingService;
import org.capgov.pricing.surcharge.FundLedgerService;
import org.capgov.pricing.surcharge.SurchargeList;
import org.capgov.pricing.surcharge.SurchargeService;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the surcharge list (officers: billed against due; grid company: acknowledge, bill), ledger, scales. */
@Controller
class SurchargePageController {

    static final String LIST_READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'GRID_COMPANY','OBSERVER')";
    static final String GRID = "hasAnyRole('ADMIN','GRID_COMPANY')";
    static final String OFFICERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER')";

    private final SurchargeService surcharges;
    private final BillingService billing;
    private final FundLedgerService ledger;
    private final PriceCatalogue catalogue;
    private final PageMessages messages;
    private final Clock clock;

    SurchargePageController(SurchargeService surcharges, BillingService billing, FundLedgerService ledger,
            PriceCatalogue catalogue, PageMessages messages, Clock clock) {
        this.surcharges = surcharges;
        this.billing = billing;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.messages = messages;
        this.clock = clock;
    }

    private String lastMonth() {
        return YearMonth.from(ChinaTime.today(clock)).minusMonths(1).toString();
    }

    @GetMapping("/pricing/surcharges")
    @PreAuthorize(LIST_READERS)
    String list(@RequestParam(required = false) String month, @RequestParam(required = false) String region, Model model) {
        String m = month == null || month.isBlank() ? lastMonth() : month.trim();
        String r = region == null || region.isBlank() ? "500000" : region.trim();
        model.addAttribute("month", m);
        model.addAttribute("region", r);
        model.addAttribute("items", List.of());
        model.addAttribute("conflicts", List.of());
        model.addAttribute("drafts", List.of());
        try {
            model.addAttribute("items", billing.compare(m, r));
            SurchargeList list = surcharges.list(m, r);
            model.addAttribute("conflicts", list.conflicts());
            model.addAttribute("drafts", list.drafts());
            model.addAttribute("storedAt", list.storedAt() == null ? null
                    : java.time.LocalDateTime.ofInstant(list.storedAt(), org.capgov.shared.ChinaTime.ZONE).withNano(0)
                            .toString().replace('T', ' '));
        } catch (DomainException e) {
            model.addAttribute("failure", messages.of(e));
        }
        return "pricing/surcharges";
    }

    @PostMapping("/pricing/surcharges/acknowledge")
    @PreAuthorize(GRID)
    String acknowledge(@RequestParam(required = false) String month, @RequestParam(required = false) String region,
            RedirectAttributes redirect) {
        try {
            BillingService.Acknowledgement a = billing.acknowledge(month, region);
            redirect.addFlashAttribute("success", "已签收 " + a.month() + " 清单（" + a.items() + " 项）");
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.of(e));
        }
        return "redirect:/pricing/surcharges?month=" + enc(month) + "&region=" + enc(region);
    }

    @PostMapping("/pricing/surcharges/regenerate")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String regenerate(@RequestParam(required = false) String month, @RequestParam(required = false) String region,
            RedirectAttributes redirect) {
        try {
            BillingService.Acknowledgement a = billing.regenerate(month, region);
            redirect.addFlashAttribute("success", "已重新生成 " + a.month() + " 清单（" + a.items() + " 项）");
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.of(e));
        }
        return "redirect:/pricing/surcharges?month=" + enc(month) + "&region=" + enc(region);
    }

    @PostMapping("/pricing/billing")
    @PreAuthorize(GRID)
    String bill(@RequestParam(required = false) String month, @RequestParam(required = false) String region,
            @RequestParam(required = false) String gridAccount, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String consumptionKwh, @RequestParam(required = false) String amountYuan,
            @RequestParam(required = false) String collectedYuan, RedirectAttributes redirect) {
        try {
            BillingService.BillingResult r = billing.bill(new BillingService.Billing(month, List.of(
                    new BillingService.BilledLine(gridAccount, kind, number("consumptionKwh", consumptionKwh),
                            number("amountYuan", amountYuan), blank(collectedYuan) ? null : number("collectedYuan",
                                    collectedYuan)))));
            redirect.addFlashAttribute("success", r.stored() > 0 ? "已保存户号 " + gridAccount + " 的结算" : "结算未变");
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.of(e));
        }
        return "redirect:/pricing/surcharges?month=" + enc(month) + "&region=" + enc(region);
    }

    @GetMapping("/pricing/ledger")
    @PreAuthorize(OFFICERS)
    String ledger(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String region, Model model) {
        String f = blank(from) ? YearMonth.from(ChinaTime.today(clock)).minusMonths(12).toString() : from.trim();
        String t = blank(to) ? lastMonth() : to.trim();
        String r = blank(region) ? "500000" : region.trim();
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("region", r);
        model.addAttribute("items", List.of());
        try {
            List<FundLedgerService.LedgerLine> lines = ledger.statement(f, t, r);
            model.addAttribute("items", lines);
            model.addAttribute("billed", lines.stream().map(FundLedgerService.LedgerLine::billedYuan)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            model.addAttribute("collected", lines.stream().map(FundLedgerService.LedgerLine::collectedYuan)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        } catch (DomainException e) {
            model.addAttribute("failure", messages.of(e));
        }
        return "pricing/ledger";
    }

    @GetMapping("/pricing/scales")
    @PreAuthorize("isAuthenticated()")
    String scales(Model model) {
        model.addAttribute("version", catalogue.version());
        model.addAttribute("scales", catalogue.scales());
        model.addAttribute("overlaps", catalogue.overlaps());
        model.addAttribute("watch", catalogue.watch());
        return "pricing/scales";
    }

    static BigDecimal number(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "error.pricing.number", text);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
