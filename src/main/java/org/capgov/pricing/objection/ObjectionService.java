package org.capgov.pricing.objection;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.pricing.surcharge.SurchargeItem;
import org.capgov.pricing.surcharge.SurchargeService;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.capgov.shared.ScopeGrant;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections: an enterprise objects to a surcharge of one of its accounts in a month's list, with a document; an
 * officer upholds or rejects it with a reason. An upheld objection takes the kind off that account's lists from the
 * objected month on (the next fetch of any list shows it corrected) and records as refund due what was billed for
 * it since (docs/decisions/pricing-readings.md P8).
 */
@Service
public class ObjectionService {

    static final int MAX_DOCUMENT = 10 * 1024 * 1024;

    /** A document attached to an objection. */
    public record Document(String name, String contentType, byte[] bytes) {
    }

    private final JdbcClient jdbc;
    private final SurchargeService surcharges;
    private final AuditTrail audit;

    ObjectionService(JdbcClient jdbc, SurchargeService surcharges, AuditTrail audit) {
        this.jdbc = jdbc;
        this.surcharges = surcharges;
        this.audit = audit;
    }

    @Transactional
    public Objection lodge(String gridAccount, String kind, String month, String reason, Document document) {
        String uscc = Actors.scope().grants().stream().map(ScopeGrant::enterpriseUscc).filter(u -> u != null).findFirst()
                .orElseThrow(() -> DomainException.forbidden("error.pricing.enterpriseOnly"));
        YearMonth m = surcharges.month(month);
        String account = gridAccount == null ? "" : gridAccount.trim();
        String k = kind == null ? "" : kind.trim();
        SurchargeItem item = surcharges.itemOf(account, k, m, Actors.scope()).filter(i -> i.uscc().equals(uscc))
                .orElseThrow(() -> DomainException.invalid("gridAccount", "error.pricing.notInList", account, m.toString(), k));
        String r = reason == null ? "" : reason.trim();
        if (r.isEmpty()) {
            throw DomainException.invalid("reason", "error.pricing.reasonRequired");
        }
        if (r.length() > 2000) {
            throw DomainException.invalid("reason", "error.pricing.reasonTooLong");
        }
        if (document != null && document.bytes() != null && document.bytes().length > MAX_DOCUMENT) {
            throw DomainException.invalid("document", "error.pricing.documentTooLarge");
        }
        boolean hasDocument = document != null && document.bytes() != null && document.bytes().length > 0;
        long id = jdbc.sql("""
                insert into pricing_objection (enterprise_id, uscc, region_path, account_no, kind, month, reason,
                                               document_name, document_type, document, lodged_by)
                values ((select id from enterprise where uscc = :uscc), :uscc, :path, :a, :kind, :month, :reason,
                        :name, :type, :doc, :by) returning id""")
                .param("uscc", uscc).param("path", item.regionPath()).param("a", account).param("kind", k)
                .param("month", Date.valueOf(m.atDay(1))).param("reason", r)
                .param("name", hasDocument ? document.name() : null).param("type", hasDocument ? document.contentType() : null)
                .param("doc", hasDocument ? document.bytes() : null).param("by", Actors.username())
                .query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("gridAccount", account);
        after.put("kind", k);
        after.put("month", m.toString());
        after.put("document", hasDocument ? document.name() : null);
        audit.record(AuditEvent.created("pricing_objection", Long.toString(id), item.regionPath(), after));
        return get(id);
    }

    @Transactional
    public Objection decide(long id, String decision, String reason) {
        Objection o = get(id);
        if (!"OPEN".equals(o.status())) {
            throw DomainException.conflict("error.pricing.objectionDecided", id);
        }
        String d = decision == null ? "" : decision.trim();
        if (!d.equals("UPHELD") && !d.equals("REJECTED")) {
            throw DomainException.invalid("decision", "error.pricing.decision");
        }
        String r = reason == null ? "" : reason.trim();
        if (r.isEmpty()) {
            throw DomainException.invalid("reason", "error.pricing.reasonRequired");
        }
        if (r.length() > 1000) {
            throw DomainException.invalid("reason", "error.pricing.reasonTooLong");
        }
        BigDecimal refund = null;
        if (d.equals("UPHELD")) {
            refund = jdbc.sql("select coalesce(sum(amount_yuan), 0) from pricing_billing where account_no = :a "
                    + "and kind = :k and month >= :m").param("a", o.gridAccount()).param("k", o.kind())
                    .param("m", Date.valueOf(YearMonth.parse(o.month()).atDay(1))).query(BigDecimal.class).single();
        }
        jdbc.sql("""
                update pricing_objection set status = :s, decision_reason = :r, refund_yuan = :refund, decided_by = :by,
                       decided_at = now(), effective_month = case when :s = 'UPHELD' then month end
                where id = :id""").param("s", d).param("r", r).param("refund", refund).param("by", Actors.username())
                .param("id", id).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", d);
        after.put("reason", r);
        after.put("refundYuan", refund == null ? null : refund.toPlainString());
        audit.record(AuditEvent.updated("pricing_objection", Long.toString(id), o.regionPath(), Map.of("status", "OPEN"),
                after));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Objection get(long id) {
        SqlPredicate s = Actors.scope().predicate("o.region_path", null, "o.uscc");
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("id", id);
        return jdbc.sql(SELECT + " where o.id = :id and " + s.sql()).params(p).query((rs, i) -> row(rs)).optional()
                .orElseThrow(() -> DomainException.notFound("error.pricing.objectionNotFound", id));
    }

    @Transactional(readOnly = true)
    public List<Objection> list(int limit) {
        SqlPredicate s = Actors.scope().predicate("o.region_path", null, "o.uscc");
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("limit", Math.max(1, Math.min(limit, 500)));
        return jdbc.sql(SELECT + " where " + s.sql() + " order by o.status = 'OPEN' desc, o.id desc limit :limit")
                .params(p).query((rs, i) -> row(rs)).list();
    }

    /** The attached document, within scope. */
    @Transactional(readOnly = true)
    public Document document(long id) {
        Objection o = get(id);
        return jdbc.sql("select document_name, document_type, document from pricing_objection where id = :id and document is not null")
                .param("id", o.id()).query((rs, i) -> new Document(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional().orElseThrow(() -> DomainException.notFound("error.pricing.objectionNotFound", id));
    }

    private static final String SELECT = """
            select o.id, o.uscc, e.name, o.region_path, o.account_no, o.kind, o.month, o.reason, o.document_name, o.status,
                   o.decision_reason, o.refund_yuan, o.decided_by, o.decided_at, o.lodged_by, o.lodged_at
            from pricing_objection o join enterprise e on e.id = o.enterprise_id""";

    private static Objection row(ResultSet rs) throws SQLException {
        java.sql.Timestamp decided = rs.getTimestamp("decided_at");
        return new Objection(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"), rs.getString("region_path"),
                rs.getString("account_no"), rs.getString("kind"), rs.getDate("month").toLocalDate().toString().substring(0, 7),
                rs.getString("reason"), rs.getString("document_name"), rs.getString("status"),
                rs.getString("decision_reason"), rs.getBigDecimal("refund_yuan"), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("lodged_by"),
                rs.getTimestamp("lodged_at").toInstant());
    }
}
