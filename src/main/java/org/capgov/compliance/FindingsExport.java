package org.capgov.compliance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Vocabulary;
import org.capgov.shared.spreadsheet.TableFormat;
import org.capgov.shared.spreadsheet.TableWriter;
import org.springframework.stereotype.Component;

/**
 * Findings as CSV (UTF-8 with a BOM, so that Excel reads the Chinese) or .xlsx, streamed row by row from the database,
 * text that a spreadsheet would run as a formula neutralised. People read names, not codes: dimension, conclusion,
 * metric, parameter values, severity and confidence come through the vocabulary; the rule and document ids stay,
 * because people type them into the filters and the catalogue. One audit entry per export.
 */
@Component
class FindingsExport {

    static final List<String> HEADER = List.of("评价编号", "统一社会信用代码", "企业名称", "区划路径", "规则编号", "依据文件", "维度",
            "结论", "对象", "指标或参数", "观测值", "单位", "要求", "严重程度", "期限", "置信度", "须核对原文", "冲突规则", "说明");

    private static final Locale ZH = Vocabulary.ZH;

    private final FindingsService findings;
    private final AuditTrail audit;
    private final Vocabulary labels;

    FindingsExport(FindingsService findings, AuditTrail audit, Vocabulary labels) {
        this.findings = findings;
        this.audit = audit;
        this.labels = labels;
    }

    /** Resolves the run first (a refusal comes before the first byte), then {@code open} gives the stream. */
    void write(String run, FindingsFilter filter, TableFormat format, Opener open) throws IOException {
        ComplianceRun r = findings.run(run);
        long[] rows = {0};
        try (OutputStream out = open.open(r); TableWriter table = format.open(out, "评价结论")) {
            table.row(HEADER);
            try {
                findings.forEach(r, filter, f -> {
                    try {
                        table.row(cells(f));
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
        details.put("format", format.extension());
        details.put("rows", rows[0]);
        audit.record(new AuditEvent(AuditAction.EXPORT, "finding", Long.toString(r.id()), null,
                "导出合规评价 " + r.id() + " 的结论（" + format.extension().toUpperCase(Locale.ROOT) + "）" + rows[0] + " 条",
                null, details));
    }

    @FunctionalInterface
    interface Opener {
        OutputStream open(ComplianceRun run) throws IOException;
    }

    static String fileName(ComplianceRun run, TableFormat format) {
        return "findings-" + run.id() + "-" + run.asOf() + "." + format.extension();
    }

    /** The cells as text, names instead of codes; the table guards those a spreadsheet would take for a formula. */
    private List<String> cells(FindingsRow f) {
        boolean conflict = "CONFLICT".equals(f.status());
        return Arrays.asList(Long.toString(f.runId()), f.uscc(), f.enterpriseName(), f.regionPath(), f.ruleId(),
                f.documentId(), f.dimension() == null ? "" : labels.in(ZH, "dimension.", f.dimension()),
                labels.in(ZH, "compliance.status.", f.status()),
                "enterprise".equals(f.subject()) ? labels.in(ZH, "compliance.subject.", f.subject()) : f.subject(),
                labels.metric(ZH, f.metric()), f.value() == null ? "" : labels.value(ZH, f.metric(), f.value()),
                labels.unit(ZH, f.unit()), conflict ? "" : labels.limit(ZH, f.metric(), f.comparator(), f.limit(), f.unit()),
                f.severity() == null ? "" : labels.in(ZH, "catalog.severity.", f.severity()),
                f.deadline() == null ? "" : f.deadline().toString(),
                f.confidence() == null ? "" : labels.in(ZH, "catalog.confidence.", f.confidence()),
                f.flagged() ? "是" : "", f.conflictWith(), f.note());
    }
}
