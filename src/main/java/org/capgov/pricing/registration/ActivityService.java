package org.capgov.pricing.registration;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
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
 * An enterprise's activity that a price scale names (seed 004 三、（三） 虚拟货币"挖矿"), registered by an officer with
 * its dates and the document that found it; the list of every month from its first day on carries the scale's
 * surcharge. Ending a registration sets its last day. Audited, within the officer's scope.
 */
@Service
public class ActivityService {

    /** The activities a price scale may name. */
    public static final List<String> ACTIVITIES = List.of("CRYPTO_MINING");

    /** A registration as shown. */
    public record Activity(long id, String uscc, String enterpriseName, String regionPath, String activity,
            LocalDate effectiveFrom, LocalDate effectiveTo, String document, String note, String recordedBy) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ActivityService(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Activity register(String uscc, String activity, String from, String to, String document, String note) {
        Registrations.Found e = Registrations.enterprise(jdbc, uscc);
        String a = activity == null ? "" : activity.trim();
        if (!ACTIVITIES.contains(a)) {
            throw DomainException.invalid("activity", "error.pricing.activity", a);
        }
        LocalDate f = Registrations.date("effectiveFrom", from, true);
        LocalDate t = Registrations.date("effectiveTo", to, false);
        if (f.isAfter(ChinaTime.today(clock).plusYears(1)) || f.getYear() < 2010) {
            throw DomainException.invalid("effectiveFrom", "error.pricing.dateOutOfRange", f.toString());
        }
        if (t != null && t.isBefore(f)) {
            throw DomainException.invalid("effectiveTo", "error.pricing.toBeforeFrom", t.toString(), f.toString());
        }
        String doc = Registrations.text("document", document, 200, true);
        String n = Registrations.text("note", note, 1000, false);
        long id = jdbc.sql("""
                insert into pricing_activity (enterprise_id, uscc, region_path, activity, effective_from, effective_to,
                                              document, note, recorded_by)
                values (:e, :uscc, :path, :a, :from, :to, :doc, :note, :by) returning id""")
                .param("e", e.enterpriseId()).param("uscc", e.uscc()).param("path", e.regionPath()).param("a", a)
                .param("from", Date.valueOf(f)).param("to", t == null ? null : Date.valueOf(t)).param("doc", doc)
                .param("note", n).param("by", Actors.username()).query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("uscc", e.uscc());
        after.put("activity", a);
        after.put("effectiveFrom", f.toString());
        after.put("effectiveTo", t == null ? null : t.toString());
        after.put("document", doc);
        audit.record(AuditEvent.created("pricing_activity", Long.toString(id), e.regionPath(), after));
        return get(id);
    }

    /** Sets the last day of a registration (the activity stopped), audited. */
    @Transactional
    public Activity end(long id, String to) {
        Activity a = get(id);
        LocalDate t = Registrations.date("effectiveTo", to, true);
        if (t.isBefore(a.effectiveFrom())) {
            throw DomainException.invalid("effectiveTo", "error.pricing.toBeforeFrom", t.toString(),
                    a.effectiveFrom().toString());
        }
        jdbc.sql("update pricing_activity set effective_to = :t, ended_by = :by, ended_at = now() where id = :id")
                .param("t", Date.valueOf(t)).param("by", Actors.username()).param("id", id).update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("effectiveTo", a.effectiveTo() == null ? null : a.effectiveTo().toString());
        audit.record(AuditEvent.updated("pricing_activity", Long.toString(id), a.regionPath(), before,
                Map.of("effectiveTo", t.toString())));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Activity get(long id) {
        SqlPredicate s = Actors.scope().predicate("a.region_path", null, "a.uscc");
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("id", id);
        return jdbc.sql(SELECT + " where a.id = :id and " + s.sql()).params(p).query((rs, i) -> row(rs)).optional()
                .orElseThrow(() -> DomainException.notFound("error.pricing.activityNotFound", id));
    }

    @Transactional(readOnly = true)
    public List<Activity> list(int limit) {
        SqlPredicate s = Actors.scope().predicate("a.region_path", null, "a.uscc");
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("limit", Math.max(1, Math.min(limit, 500)));
        return jdbc.sql(SELECT + " where " + s.sql() + " order by a.id desc limit :limit").params(p)
                .query((rs, i) -> row(rs)).list();
    }

    private static final String SELECT = """
            select a.id, a.uscc, e.name, a.region_path, a.activity, a.effective_from, a.effective_to, a.document, a.note,
                   a.recorded_by
            from pricing_activity a join enterprise e on e.id = a.enterprise_id""";

    private static Activity row(ResultSet rs) throws SQLException {
        Date to = rs.getDate("effective_to");
        return new Activity(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"), rs.getString("region_path"),
                rs.getString("activity"), rs.getDate("effective_from").toLocalDate(), to == null ? null : to.toLocalDate(),
                rs.getString("document"), rs.getString("note"), rs.getString("recorded_by"));
    }
}
