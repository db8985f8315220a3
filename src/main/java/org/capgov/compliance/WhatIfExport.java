package org.capgov.compliance;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.spreadsheet.Downloads;
import org.capgov.shared.spreadsheet.TableWriter;
import org.springframework.stereotype.Component;

/**
 * Every change of a what-if as CSV, written while the comparison runs (nothing is held, nothing is cut): one line
 * per enterprise and subject whose worst status changes. UTF-8 with a BOM for Excel; one audit entry per export.
 */
@Component
class WhatIfExport {

    static final List<String> HEADER = List.of("统一社会信用代码", "区划", "行业", "企业原结论", "企业新结论", "对象", "设备类型",
            "原结论", "新结论", "相关规则");

    private final WhatIfService whatIf;
    private final AuditTrail audit;

    WhatIfExport(WhatIfService whatIf, AuditTrail audit) {
        this.whatIf = whatIf;
        this.audit = audit;
    }

    void csv(String draft, LocalDate asOf, HttpServletResponse response) throws IOException {
        TableWriter[] csv = {null};
        long[] rows = {0};
        WhatIfResult result;
        try {
            result = whatIf.export(draft, asOf, change -> {
                try {
                    if (csv[0] == null) {
                        csv[0] = open(response, draft);
                    }
                    for (WhatIfResult.EquipmentChange q : change.equipment()) {
                        csv[0].row(Arrays.asList(change.uscc(), change.regionCode(), String.join(",", change.industries()),
                                change.from(), change.to(), q.subject(), q.type() == null ? "" : q.type(), q.from(), q.to(),
                                String.join(" ", q.rules())));
                        rows[0]++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (csv[0] == null) {
            // no change at all: still a file, with its header (a refusal came before this point as a 400)
            csv[0] = open(response, draft);
        }
        csv[0].close();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("draft", result.draftVersion());
        details.put("published", result.publishedVersion());
        details.put("asOf", result.asOf().toString());
        details.put("enterprisesChanged", result.enterprisesChanged());
        details.put("rows", rows[0]);
        audit.record(new AuditEvent(AuditAction.EXPORT, "catalog_version", result.draftVersion(), null,
                "导出目录草稿 " + result.draftVersion() + " 的假设分析（CSV）" + rows[0] + " 行", null, details));
    }

    private static TableWriter open(HttpServletResponse response, String draft) throws IOException {
        Downloads.attachment(response, Downloads.CSV, "what-if-" + draft.trim().replaceAll("[^A-Za-z0-9_-]", "_") + ".csv");
        TableWriter csv = TableWriter.csv(response.getOutputStream());
        csv.row(HEADER);
        return csv;
    }
}
