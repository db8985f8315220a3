package org.capgov.compliance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.spreadsheet.TableWriter;
import org.springframework.stereotype.Component;

/**
 * Findings as CSV for spreadsheets: UTF-8 with a BOM (so that Excel reads the Chinese), streamed row by row from the
 * database, text that a spreadsheet would run as a formula neutralised with a leading apostrophe. One audit entry
 * per export.
 */
@Component
class FindingsExport {

    static final List<String> HEADER = List.of("评价编号", "统一社会信用代码", "企业名称", "区划路径", "规则", "依据文件", "维度",
            "结论", "对象", "指标或参数", "观测值", "比较", "限值", "单位", "严重程度", "期限", "置信度", "须核对原文", "冲突规则", "说明");

    private final FindingsService findings;
    private final AuditTrail audit;

    FindingsExport(FindingsService findings, AuditTrail audit) {
        this.findings = findings;
        this.audit = audit;
    }

    /** Resolves the run first (a refusal comes before the first byte), then {@code open} gives the stream. */
    void csv(String run, FindingsFilter filter, Opener open) throws IOException {
        ComplianceRun r = findings.run(run);
        long[] rows = {0};
        try (OutputStream out = open.open(r); TableWriter csv = TableWriter.csv(out)) {
            csv.row(HEADER);
            try {
                findings.forEach(r, filter, f -> {
                    try {
                        csv.row(cells(f));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    rows[0]++;
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("run", r.id());
        details.put("filter", filter);
        details.put("rows", rows[0]);
        audit.record(new AuditEvent(AuditAction.EXPORT, "finding", Long.toString(r.id()), null,
                "导出合规评价 " + r.id() + " 的结论（CSV）" + rows[0] + " 条", null, details));
    }

    @FunctionalInterface
    interface Opener {
        OutputStream open(ComplianceRun run) throws IOException;
    }

    static String fileName(ComplianceRun run) {
        return "findings-" + run.id() + "-" + run.asOf() + ".csv";
    }

    /** The cells as text; the table guards those a spreadsheet would take for a formula. */
    private static List<String> cells(FindingsRow f) {
        return Arrays.asList(Long.toString(f.runId()), f.uscc(), f.enterpriseName(), f.regionPath(), f.ruleId(),
                f.documentId(), f.dimension(), f.status(), f.subject(), f.metric(), f.value(), f.comparator(), f.limit(),
                f.unit(), f.severity(), f.deadline() == null ? "" : f.deadline().toString(), f.confidence(),
                f.flagged() ? "是" : "", f.conflictWith(), f.note());
    }
}
