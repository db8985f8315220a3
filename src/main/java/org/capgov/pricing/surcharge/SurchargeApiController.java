package org.capgov.pricing.surcharge;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.capgov.shared.Vocabulary;
import org.capgov.shared.spreadsheet.Downloads;
import org.capgov.shared.spreadsheet.TableFormat;
import org.capgov.shared.spreadsheet.TableWriter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The monthly surcharge list for the grid company, its acknowledgement and billing, billed versus due, the ledger. */
@RestController
@Tag(name = "pricing", description = "Differential, ladder and punitive electricity prices 差别电价、阶梯电价、惩罚性电价")
class SurchargeApiController {

    static final String LIST_READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'GRID_COMPANY','OBSERVER')";
    static final String GRID = "hasAnyRole('ADMIN','GRID_COMPANY')";
    static final String OFFICERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER')";

    /** The ledger statement. */
    record Ledger(List<FundLedgerService.LedgerLine> items) {
    }

    /** Billed versus due. */
    record Comparisons(String month, List<BillingService.Comparison> items) {
    }

    private final SurchargeService surcharges;
    private final BillingService billing;
    private final FundLedgerService ledger;
    private final Vocabulary labels;

    SurchargeApiController(SurchargeService surcharges, BillingService billing, FundLedgerService ledger, Vocabulary labels) {
        this.surcharges = surcharges;
        this.billing = billing;
        this.ledger = ledger;
        this.labels = labels;
    }

    @GetMapping("/api/v1/pricing/surcharges")
    @PreAuthorize(LIST_READERS)
    @Operation(summary = "The surcharge list of a month for a region subtree: per grid account the kinds due, rate, "
            + "unit and basis (price scale, finding, citation, catalogue version); overlaps the catalogue does not "
            + "settle are listed as conflicts 电价加价清单")
    SurchargeList list(@RequestParam(required = false) String month, @RequestParam(required = false) String region) {
        return surcharges.list(month, region);
    }

    @GetMapping("/api/v1/pricing/surcharges.csv")
    @PreAuthorize(LIST_READERS)
    @Operation(summary = "The surcharge list as CSV (UTF-8 with BOM) 电价加价清单下载")
    void csv(@RequestParam(required = false) String month, @RequestParam(required = false) String region,
            HttpServletResponse response) throws IOException {
        export(month, region, TableFormat.CSV, response);
    }

    @GetMapping("/api/v1/pricing/surcharges.xlsx")
    @PreAuthorize(LIST_READERS)
    @Operation(summary = "The surcharge list as .xlsx 电价加价清单下载")
    void xlsx(@RequestParam(required = false) String month, @RequestParam(required = false) String region,
            HttpServletResponse response) throws IOException {
        export(month, region, TableFormat.XLSX, response);
    }

    private void export(String month, String region, TableFormat format, HttpServletResponse response) throws IOException {
        String m = surcharges.month(month).toString();
        surcharges.regionPath(region);
        Downloads.attachment(response, format.mediaType(), "电价加价清单-" + m + "-" + region.trim() + "." + format.extension());
        try (TableWriter out = format.open(response.getOutputStream(), "电价加价清单")) {
            out.row(List.of("统一社会信用代码", "企业名称", "供电户号", "加价类别", "加价标准", "单位", "计价基数", "依据条款",
                    "评价结论编号", "依据文件", "条款", "原文", "目录版本"));
            surcharges.forEach(m, region, i -> {
                try {
                    out.row(java.util.Arrays.asList(i.uscc(), i.enterpriseName(), i.gridAccount(),
                            labels.of("pricing.kind.", i.kind()), i.rate(), i.unit(), labels.of("pricing.base.", i.base()),
                            i.basis().ruleId(), i.basis().findingId(), i.basis().citation().document(),
                            i.basis().citation().section(), i.basis().citation().text(), i.basis().catalogueVersion()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @PostMapping("/api/v1/pricing/surcharges/acknowledgements")
    @PreAuthorize(GRID)
    @Operation(summary = "The grid company acknowledges the list of a month for a region (audited) 清单签收")
    BillingService.Acknowledgement acknowledge(@RequestParam(required = false) String month,
            @RequestParam(required = false) String region) {
        return billing.acknowledge(month, region);
    }

    @PostMapping("/api/v1/pricing/surcharges/regenerations")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Operation(summary = "Compute the list of a month for a region afresh and store it: later fetches return the new "
            + "rows (audited) 清单重新生成")
    BillingService.Acknowledgement regenerate(@RequestParam(required = false) String month,
            @RequestParam(required = false) String region) {
        return billing.regenerate(month, region);
    }

    @PostMapping("/api/v1/pricing/billing")
    @PreAuthorize(GRID)
    @Operation(summary = "Billed consumption and amount per account and kind; all rows or none, a re-sent identical "
            + "row changes nothing (audited) 加价电费结算回传")
    BillingService.BillingResult bill(@RequestBody(required = false) BillingService.Billing body) {
        return billing.bill(body);
    }

    @GetMapping("/api/v1/pricing/billing")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Each item of the month's list with what was billed and collected for it 应收与实收对照")
    Comparisons compare(@RequestParam(required = false) String month, @RequestParam(required = false) String region) {
        return new Comparisons(month, billing.compare(month, region));
    }

    @GetMapping("/api/v1/pricing/ledger")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Fund ledger: billed and collected surcharge money per district, kind and month, with the "
            + "treasury's share, summed from the billing records 加价资金台账")
    Ledger ledger(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String region) {
        return new Ledger(ledger.statement(from, to, region));
    }
}
