package org.capgov.pricing.watch;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registered reasons for a rise in an account's consumption (watch rule b "without a registered reason"): the
 * enterprise for its own accounts, or an officer within scope, names the months, the reason and a document; the watch
 * raises no jump lead for a month a reason covers, and an officer may dismiss a lead citing one (reading P10).
 */
@Service
public class ReasonService {

    static final int MAX_DOCUMENT = 10 * 1024 * 1024;
    /** A reason covers at most this many months: a standing excuse would switch the watch off. */
    static final int MAX_MONTHS = 24;

    /** A document attached to a reason. */
    public record Document(String name, String contentType, byte[] bytes) {
    }

    /** A registered reason as shown. */
    public record Reason(long id, String gridAccount, String uscc, String enterpriseName, String regionPath,
            String monthFrom, String monthTo, String reason, String documentName, String recordedBy) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ReasonService(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Reason register(String gridAccount, String monthFrom, String monthTo, String reason, Document document) {
        String account = gridAccount == null ? "" : gridAccount.trim();
        if (account.isEmpty()) {
            throw DomainException.invalid("gridAccount", "error.request.missingParameter", "gridAccount");
        }
        Map<String, Object> e = jdbc.sql("""
                select e.id, e.uscc, e.region_path from grid_account g join enterprise e on e.id = g.enterprise_id
                where g.account_no = :a order by g.valid_from desc limit 1""").param("a", account).query().listOfRows()
                .stream().findFirst()
                .filter(r -> Actors.scope().coversEnterprise((String) r.get("region_path"), (String) r.get("uscc")))
                .orElseThrow(() -> DomainException.invalid("gridAccount", "error.pricing.accountUnknown", account));
        YearMonth from = month("monthFrom", monthFrom);
        YearMonth to = monthTo == null || monthTo.isBlank() ? from : month("monthTo", monthTo);
        if (to.isBefore(from)) {
            throw DomainException.invalid("monthTo", "error.pricing.toBeforeFrom", to.toString(), from.toString());
        }
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw DomainException.invalid("monthTo", "error.pricing.reasonTooManyMonths", MAX_MONTHS);
        }
        if (from.isAfter(YearMonth.from(ChinaTime.today(clock)).plusMonths(12)) || from.getYear() < 2010) {
            throw DomainException.invalid("monthFrom", "error.pricing.monthOutOfRange", from.toString());
        }
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
        String path = (String) e.get("region_path");
        long id = jdbc.sql("""
                insert into consumption_reason (account_no, enterprise_id, uscc, region_path, month_from, month_to, reason,
                                                document_name, document_type, document, recorded_by)
                values (:a, :e, :uscc, :path, :from, :to, :r, :name, :type, :doc, :by) returning id""")
                .param("a", account).param("e", ((Number) e.get("id")).longValue()).param("uscc", e.get("uscc"))
                .param("path", path).param("from", Date.valueOf(from.atDay(1))).param("to", Date.valueOf(to.atDay(1)))
                .param("r", r).param("name", hasDocument ? document.name() : null)
                .param("type", hasDocument ? document.contentType() : null).param("doc", hasDocument ? document.bytes() : null)
                .param("by", Actors.username()).query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("gridAccount", account);
        after.put("monthFrom", from.toString());
        after.put("monthTo", to.toString());
        after.put("reason", r);
        after.put("document", hasDocument ? document.name() : null);
        audit.record(AuditEvent.created("consumption_reason", Long.toString(id), path, after));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Reason get(long id) {
        SqlPredicate s = Actors.scope().predicate("r.region_path", null, "r.uscc");
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("id", id);
        return jdbc.sql(SELECT + " where r.id = :id and " + s.sql()).params(p).query((rs, i) -> row(rs)).optional()
                .orElseThrow(() -> DomainException.notFound("error.pricing.reasonNotFound", id));
    }

    /** The reasons in scope, newest first; {@code gridAccount} narrows to one account. */
    @Transactional(readOnly = true)
    public List<Reason> list(String gridAccount, int limit) {
        SqlPredicate s = Actors.scope().predicate("r.region_path", null, "r.uscc");
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("limit", Math.max(1, Math.min(limit, 500)));
        String filter = "";
        if (gridAccount != null && !gridAccount.isBlank()) {
            p.put("a", gridAccount.trim());
            filter = " and r.account_no = :a";
        }
        return jdbc.sql(SELECT + " where " + s.sql() + filter + " order by r.id desc limit :limit").params(p)
                .query((rs, i) -> row(rs)).list();
    }

    /** The attached document, within scope. */
    @Transactional(readOnly = true)
    public Document document(long id) {
        Reason r = get(id);
        return jdbc.sql("select document_name, document_type, document from consumption_reason where id = :id "
                + "and document is not null").param("id", r.id())
                .query((rs, i) -> new Document(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> DomainException.notFound("error.pricing.reasonNotFound", id));
    }

    private static YearMonth month(String field, String text) {
        try {
            if (text == null || !text.trim().matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-MM", String.valueOf(text), 0);
            }
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "error.pricing.month", text);
        }
    }

    private static final String SELECT = """
            select r.id, r.account_no, r.uscc, e.name, r.region_path, r.month_from, r.month_to, r.reason, r.document_name,
                   r.recorded_by
            from consumption_reason r join enterprise e on e.id = r.enterprise_id""";

    private static Reason row(ResultSet rs) throws SQLException {
        return new Reason(rs.getLong("id"), rs.getString("account_no"), rs.getString("uscc"), rs.getString("name"),
                rs.getString("region_path"), rs.getDate("month_from").toLocalDate().toString().substring(0, 7),
                rs.getDate("month_to").toLocalDate().toString().substring(0, 7), rs.getString("reason"),
                rs.getString("document_name"), rs.getString("recorded_by"));
    }
}
