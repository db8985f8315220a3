package org.capgov.supervision.awards;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.DomainException;
import org.capgov.shared.Vocabulary;
import org.capgov.shared.spreadsheet.Downloads;
import org.capgov.shared.spreadsheet.TableFormat;
import org.capgov.shared.spreadsheet.TableWriter;
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

/** The statement of exit awards per region (page, CSV and .xlsx), a new award, and the payment of instalments. */
@Controller
class AwardPageController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER')";
    static final String COORDINATORS = "hasAnyRole('ADMIN','COORDINATOR')";

    /** One district's line of the statement. */
    record Total(String regionName, int awards, BigDecimal amountYuan, BigDecimal paidYuan, int workersAffected,
            int workersResettled, BigDecimal resettlementYuan) {
    }

    private final ExitAwards awards;
    private final Vocabulary labels;
    private final MessageSource messages;

    AwardPageController(ExitAwards awards, Vocabulary labels, MessageSource messages) {
        this.awards = awards;
        this.labels = labels;
        this.messages = messages;
    }

    @GetMapping("/supervision/awards")
    @PreAuthorize(READERS)
    String statement(@RequestParam(required = false) String region, Model model) {
        model.addAttribute("region", region == null ? "" : region);
        try {
            List<ExitAward> list = awards.statement(region);
            model.addAttribute("awards", list);
            model.addAttribute("totals", totals(list));
        } catch (DomainException e) {
            model.addAttribute("failure", message(e));
            model.addAttribute("awards", List.of());
            model.addAttribute("totals", List.of());
        }
        return "supervision/awards";
    }

    @GetMapping("/supervision/awards/export")
    @PreAuthorize(READERS)
    void export(@RequestParam(required = false) String region, @RequestParam(defaultValue = "csv") String format,
            HttpServletResponse response) throws IOException {
        TableFormat f = "xlsx".equalsIgnoreCase(format) ? TableFormat.XLSX : TableFormat.CSV;
        List<ExitAward> list = awards.statement(region);
        Downloads.attachment(response, f.mediaType(), "退出奖补资金明细." + f.extension());
        try (TableWriter w = f.open(response.getOutputStream(), "奖补资金")) {
            w.row(List.of("地区", "企业", "统一社会信用代码", "设备", "退出产能", "单位", "案件", "奖补金额（元）", "已拨付（元）",
                    "未拨付（元）", "文号", "涉及职工（人）", "已安置职工（人）", "安置资金（元）"));
            for (ExitAward a : list) {
                w.row(java.util.Arrays.asList(a.regionName(), a.enterpriseName(), a.uscc(), a.equipmentCode(),
                        a.capacity(), labels.unit(a.unit()), a.caseId(), a.amountYuan(), a.paidYuan(),
                        a.outstandingYuan(), a.document(), a.workersAffected(), a.workersResettled(),
                        a.resettlementYuan()));
            }
        }
    }

    @PostMapping("/supervision/awards")
    @PreAuthorize(COORDINATORS)
    String grant(@RequestParam(required = false) String caseId, @RequestParam(required = false) BigDecimal amountYuan,
            @RequestParam(required = false) BigDecimal firstYuan, @RequestParam(required = false) String document,
            @RequestParam(required = false) Integer workersAffected,
            @RequestParam(required = false) Integer workersResettled,
            @RequestParam(required = false) BigDecimal resettlementYuan, RedirectAttributes redirect) {
        try {
            ExitAward a = awards.grant(new ExitAwards.Grant(caseId, amountYuan, firstYuan, document, workersAffected,
                    workersResettled, resettlementYuan));
            redirect.addFlashAttribute("success", messages.getMessage("award.granted", new Object[] {a.caseId()},
                    LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/supervision/awards";
    }

    @PostMapping("/supervision/awards/{id}/instalments/{instalment}/pay")
    @PreAuthorize(COORDINATORS)
    String pay(@PathVariable long id, @PathVariable long instalment, @RequestParam(required = false) LocalDate paidOn,
            @RequestParam(required = false) String paidDocument, RedirectAttributes redirect) {
        try {
            awards.pay(id, instalment, paidOn, paidDocument);
            redirect.addFlashAttribute("success", messages.getMessage("award.paidDone", null,
                    LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/supervision/awards";
    }

    private static List<Total> totals(List<ExitAward> list) {
        Map<String, Total> by = new LinkedHashMap<>();
        for (ExitAward a : list) {
            by.merge(a.regionName(), new Total(a.regionName(), 1, a.amountYuan(), a.paidYuan(), a.workersAffected(),
                    a.workersResettled(), a.resettlementYuan()), (x, y) -> new Total(x.regionName(),
                    x.awards() + y.awards(), x.amountYuan().add(y.amountYuan()), x.paidYuan().add(y.paidYuan()),
                    x.workersAffected() + y.workersAffected(), x.workersResettled() + y.workersResettled(),
                    x.resettlementYuan().add(y.resettlementYuan())));
        }
        return new ArrayList<>(by.values());
    }

    private String message(DomainException e) {
        if (e.problems().size() > 1) {
            return String.join("；", e.problems().stream().map(DomainException.FieldProblem::reason).toList());
        }
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }
}
