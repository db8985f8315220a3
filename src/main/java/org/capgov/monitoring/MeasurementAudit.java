package org.capgov.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.springframework.stereotype.Component;

/**
 * Audit entries of measurements, in the caller's transaction: one per enterprise of a recorded batch or import (how
 * many values of which metrics; for an import the file and its SHA-256), not one per value, since online monitoring
 * would drown the chain; and one per change of validity, with before and after.
 */
@Component
class MeasurementAudit {

    private final AuditTrail audit;

    MeasurementAudit(AuditTrail audit) {
        this.audit = audit;
    }

    /** A batch of the API: entries per enterprise, with the ids stored. */
    void batch(List<ValidMeasurement> valid, List<Long> ids) {
        Map<String, List<Integer>> byEnterprise = new LinkedHashMap<>();
        for (int i = 0; i < valid.size(); i++) {
            byEnterprise.computeIfAbsent(valid.get(i).uscc(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> items : byEnterprise.values()) {
            ValidMeasurement first = valid.get(items.get(0));
            Map<String, Long> metrics = new TreeMap<>();
            List<Long> own = new ArrayList<>();
            for (int i : items) {
                metrics.merge(valid.get(i).metric(), 1L, Long::sum);
                own.add(ids.get(i));
            }
            recorded(first.uscc(), first.regionPath(), items.size(), metrics, own, null);
        }
    }

    /** {@code count} values recorded for one enterprise; {@code ids} for the API, {@code file} for an import. */
    void recorded(String uscc, String regionPath, long count, Map<String, Long> metrics, List<Long> ids,
            Map<String, Object> file) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("count", count);
        after.put("metrics", metrics);
        if (ids != null) {
            after.put("ids", ids);
        }
        if (file != null) {
            after.putAll(file);
        }
        String summary = (file == null ? "录入" : "导入") + "测量值 " + count + " 条：" + String.join("、", metrics.keySet());
        audit.record(new AuditEvent(AuditAction.CREATE, "measurement", uscc, regionPath,
                summary.length() > 500 ? summary.substring(0, 499) + "…" : summary, null, after));
    }

    void validityChanged(Measurement before, Validity to, String note, String regionPath) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("id", before.id());
        after.put("validity", to.name());
        after.put("note", note == null ? "" : note.strip());
        audit.record(new AuditEvent(AuditAction.UPDATE, "measurement", before.uscc(), regionPath,
                "测量值 " + before.id() + "（" + before.metric() + "）标记为" + to.nameZh(),
                Map.of("id", before.id(), "validity", before.validity().name()), after));
    }

    /** A derived value re-computed by the platform (a system revision), with the value and validity before and after. */
    void revised(Measurement before, java.math.BigDecimal value, Validity to, String note, String regionPath) {
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("id", before.id());
        was.put("value", before.value() == null ? null : before.value().toPlainString());
        was.put("validity", before.validity().name());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("id", before.id());
        after.put("value", value.toPlainString());
        after.put("validity", to.name());
        after.put("note", note == null ? "" : note.strip());
        audit.record(new AuditEvent(AuditAction.UPDATE, "measurement", before.uscc(), regionPath,
                "系统重算测量值 " + before.id() + "（" + before.metric() + "）", was, after));
    }
}
