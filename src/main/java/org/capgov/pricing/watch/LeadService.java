package org.capgov.pricing.watch;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.enforcement.CaseDetail;
import org.capgov.enforcement.CaseService;
import org.capgov.enforcement.OpenCaseRequest;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Leads of the power-use watch, within the caller's scope: the list, one lead, dismissal with a reason, a case. */
@Service
public class LeadService {

    static final List<String> STATUSES = List.of("OPEN", "DISMISSED", "CASE_OPENED");

    /** How an officer opens a case from a lead: the dimension, the officer's deadline where the law wants one. */
    public record CaseFromLead(String dimension, LocalDate deadline, String document, String note) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final CaseService cases;

    LeadService(JdbcClient jdbc, JsonMapper json, AuditTrail audit, CaseService cases) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.cases = cases;
    }

    @Transactional(readOnly = true)
    public List<PowerLead> list(String status, int limit) {
        SqlPredicate s = Actors.scope().predicate("l.region_path", null, "l.uscc");
        Map<String, Object> p = new HashMap<>(s.params());
        String filter = "";
        if (status != null && !status.isBlank()) {
            if (!STATUSES.contains(status.trim())) {
                throw DomainException.invalid("status", "error.pricing.leadStatus", status);
            }
            p.put("status", status.trim());
            filter = " and l.status = :status";
        }
        p.put("limit", Math.max(1, Math.min(limit, 500)));
        return jdbc.sql("select l.*, e.name from power_lead l join enterprise e on e.id = l.enterprise_id where "
                + s.sql() + filter + " order by l.status = 'OPEN' desc, l.id desc limit :limit").params(p)
                .query((rs, i) -> lead(rs)).list();
    }

    @Transactional(readOnly = true)
    public PowerLead get(long id) {
        SqlPredicate s = Actors.scope().predicate("l.region_path", null, "l.uscc");
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("id", id);
        return jdbc.sql("select l.*, e.name from power_lead l join enterprise e on e.id = l.enterprise_id where l.id = :id and "
                + s.sql()).params(p).query((rs, i) -> lead(rs)).optional()
                .orElseThrow(() -> DomainException.notFound("error.pricing.leadNotFound", id));
    }

    @Transactional
    public PowerLead dismiss(long id, String reason) {
        return dismiss(id, reason, null);
    }

    /**
     * Dismisses a lead with a reason, or citing a registered reason of the same account that covers the lead's month
     * (its text becomes the reason when none is written).
     */
    @Transactional
    public PowerLead dismiss(long id, String reason, Long reasonId) {
        PowerLead lead = open(id);
        String r = reason == null ? "" : reason.trim();
        if (reasonId != null) {
            Map<String, Object> registered = jdbc.sql("""
                    select reason from consumption_reason where id = :id and account_no = :a
                      and cast(:m as date) between month_from and month_to""").param("id", reasonId)
                    .param("a", lead.gridAccount()).param("m", java.sql.Date.valueOf(lead.month() + "-01"))
                    .query().listOfRows().stream().findFirst()
                    .orElseThrow(() -> DomainException.invalid("reasonId", "error.pricing.reasonNotCovering", reasonId,
                            lead.gridAccount(), lead.month()));
            if (r.isEmpty()) {
                r = "已登记原因 #" + reasonId + "：" + registered.get("reason");
                r = r.length() > 1000 ? r.substring(0, 1000) : r;
            }
        }
        if (r.isEmpty()) {
            throw DomainException.invalid("reason", "error.pricing.reasonRequired");
        }
        if (r.length() > 1000) {
            throw DomainException.invalid("reason", "error.pricing.reasonTooLong");
        }
        jdbc.sql("update power_lead set status = 'DISMISSED', reason = :r, reason_id = :rid, decided_by = :by, "
                + "decided_at = now() where id = :id").param("r", r).param("rid", reasonId).param("by", Actors.username())
                .param("id", id).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "DISMISSED");
        after.put("reason", r);
        after.put("reasonId", reasonId);
        audit.record(AuditEvent.updated("power_lead", Long.toString(id), lead.regionPath(), Map.of("status", "OPEN"), after));
        return get(id);
    }

    @Transactional
    public PowerLead openCase(long id, CaseFromLead request) {
        PowerLead lead = open(id);
        String dimension = request == null || request.dimension() == null || request.dimension().isBlank() ? "TECHNOLOGY"
                : request.dimension().trim();
        String note = "用电异常线索 #" + id + "（" + lead.gridAccount() + "，" + lead.month() + "）"
                + (request != null && request.note() != null && !request.note().isBlank() ? "：" + request.note().trim() : "");
        CaseDetail c = cases.open(new OpenCaseRequest(lead.uscc(), dimension, cases.today(), null, null,
                request == null ? null : request.deadline(), "INSPECTION", request == null ? null : request.document(), note));
        jdbc.sql("update power_lead set status = 'CASE_OPENED', case_id = :c, decided_by = :by, decided_at = now() "
                + "where id = :id").param("c", c.summary().id()).param("by", Actors.username()).param("id", id).update();
        audit.record(AuditEvent.updated("power_lead", Long.toString(id), lead.regionPath(), Map.of("status", "OPEN"),
                Map.of("status", "CASE_OPENED", "caseId", c.summary().id())));
        return get(id);
    }

    private PowerLead open(long id) {
        PowerLead lead = get(id);
        if (!"OPEN".equals(lead.status())) {
            throw DomainException.conflict("error.pricing.leadDecided", id);
        }
        return lead;
    }

    private PowerLead lead(ResultSet rs) throws SQLException {
        JsonNode f = json.readTree(rs.getString("figures"));
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        List<BigDecimal> history = new ArrayList<>();
        for (var e : f.properties()) {
            if ("history".equals(e.getKey())) {
                e.getValue().forEach(v -> history.add(v.decimalValue()));
            } else {
                figures.put(e.getKey(), e.getValue().decimalValue());
            }
        }
        java.sql.Timestamp decided = rs.getTimestamp("decided_at");
        return new PowerLead(rs.getLong("id"), rs.getString("account_no"), rs.getString("uscc"), rs.getString("name"),
                rs.getString("region_path"), rs.getString("rule"), rs.getDate("month").toLocalDate().toString().substring(0, 7),
                figures, history, rs.getString("status"), rs.getString("reason"), rs.getString("case_id"),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
