package org.capgov.enforcement;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.capgov.shared.spreadsheet.TableWriter;

/**
 * The filtered case list as CSV for spreadsheets: UTF-8 with a BOM (Excel reads the Chinese), Chinese labels for the
 * codes, text a spreadsheet would run as a formula neutralised with a leading apostrophe, read page by page within
 * the caller's scope. One audit entry per export.
 */
@Component
class CasePageExport {

    static final List<String> HEADER = List.of("案件编号", "类型", "状态", "统一社会信用代码", "企业名称", "区划路径", "维度", "设备",
            "责任部门", "立案日期", "期限", "原定期限", "已延期", "逾期", "办结日期", "依法关停", "规则", "来源");
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final CaseService cases;
    private final AuditTrail audit;
    private final MessageSource messages;

    CasePageExport(CaseService cases, AuditTrail audit, MessageSource messages) {
        this.cases = cases;
        this.audit = audit;
        this.messages = messages;
    }

    @FunctionalInterface
    interface Opener {
        OutputStream open() throws IOException;
    }

    /** Checks the filter by reading the first page before the first byte goes out, so a refusal is a clean 400. */
    void csv(CaseFilter filter, Opener open) throws IOException {
        CaseService.CasePage first = cases.search(filter, 0, CaseService.MAX_SIZE);
        long rows = 0;
        try (OutputStream out = open.open(); TableWriter csv = TableWriter.csv(out)) {
            csv.row(HEADER);
            CaseService.CasePage page = first;
            while (true) {
                for (EnforcementCase c : page.items()) {
                    csv.row(cells(c));
                    rows++;
                }
                if ((long) (page.page() + 1) * page.size() >= page.total() || page.items().isEmpty()) {
                    break;
                }
                page = cases.search(filter, page.page() + 1, CaseService.MAX_SIZE);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("filter", filter);
        details.put("rows", rows);
        audit.record(new AuditEvent(AuditAction.EXPORT, "enforcement_case", null, null,
                "导出执法案件列表（CSV）" + rows + " 件", null, details));
    }

    /** The cells as text; the table guards those a spreadsheet would take for a formula. */
    private List<String> cells(EnforcementCase c) {
        return Arrays.asList(c.id(), label("kind", c.kind()), label("state", c.state()), c.uscc(), c.enterpriseName(),
                c.regionPath(), label("dimension", c.dimension()), c.equipmentRef(), c.departmentName(),
                date(c.openedOn()), date(c.deadline()), date(c.originalDeadline()), c.extensionUsed() ? "是" : "",
                c.overdue() ? "是" : "", date(c.closedOn()), c.closedByLaw() ? "是" : "", c.ruleId(), c.origin());
    }

    private String label(String kind, Enum<?> value) {
        return messages.getMessage("enforcement." + kind + "." + value.name(), null, value.name(), ZH);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
