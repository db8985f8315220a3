package org.capgov.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of public reports and their handling steps. */
@Repository
class PublicReportRepository {

    private static final String SELECT = """
            select p.*, d.short_name as department_name from public_report p join department d on d.code = p.department_code
            """;

    private final JdbcClient jdbc;

    PublicReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String trackingNo, PublicEnterprise e, String caseId, String category, String text, String contact,
            String departmentCode) {
        return jdbc.sql("""
                insert into public_report (tracking_no, uscc, enterprise_name, region_path, case_id, category, text, contact,
                                           department_code, state)
                values (:t, :uscc, :name, :path, :caseId, :category, :text, :contact, :dept, 'RECEIVED') returning id
                """).param("t", trackingNo).param("uscc", e.uscc()).param("name", e.name()).param("path", e.regionPath())
                .param("caseId", caseId).param("category", category).param("text", text).param("contact", contact)
                .param("dept", departmentCode).query(Long.class).single();
    }

    Optional<PublicReport> byTrackingNo(String trackingNo) {
        return jdbc.sql(SELECT + " where p.tracking_no = :t").param("t", trackingNo).query((rs, n) -> map(rs)).optional();
    }

    /** Reports the predicate lets the caller see, newest first, optionally of one state. */
    List<PublicReport> visible(SqlPredicate visible, String state, int limit) {
        Map<String, Object> params = new HashMap<>(visible.params());
        String where = visible.sql();
        if (state != null) {
            where += " and p.state = :state";
            params.put("state", state);
        }
        params.put("limit", limit);
        return jdbc.sql(SELECT + " where " + where + " order by p.received_at desc, p.id desc limit :limit").params(params)
                .query((rs, n) -> map(rs)).list();
    }

    boolean canSee(long id, SqlPredicate visible) {
        return jdbc.sql("select count(*) from public_report p where p.id = :id and " + visible.sql())
                .params(visible.params()).param("id", id).query(Long.class).single() > 0;
    }

    /** Moves the report on if nobody else did since it was read; false when the version has moved. */
    boolean update(PublicReport r, String state, String departmentCode, String assignee, String reply, boolean close) {
        return jdbc.sql("""
                update public_report set state = :state, department_code = :dept, assignee = :assignee, reply = :reply,
                       updated_at = now(), closed_at = case when :close then now() else null end, version = version + 1
                where id = :id and version = :version
                """).param("state", state).param("dept", departmentCode).param("assignee", assignee).param("reply", reply)
                .param("close", close).param("id", r.id()).param("version", r.version()).update() == 1;
    }

    void addEvent(long reportId, String action, String from, String to, String departmentCode, String note, String actor) {
        jdbc.sql("""
                insert into public_report_event (report_id, action, from_state, to_state, department_code, note, actor)
                values (:id, :action, :from, :to, :dept, :note, :actor)
                """).param("id", reportId).param("action", action).param("from", from).param("to", to)
                .param("dept", departmentCode).param("note", note).param("actor", actor).update();
    }

    List<PublicReport.Event> events(long reportId) {
        return jdbc.sql("select * from public_report_event where report_id = :id order by id").param("id", reportId)
                .query((rs, n) -> new PublicReport.Event(rs.getString("action"), rs.getString("from_state"),
                        rs.getString("to_state"), rs.getString("department_code"), rs.getString("note"),
                        rs.getString("actor"), instant(rs.getTimestamp("recorded_at")))).list();
    }

    /**
     * The department that owns an enterprise's registry entry: the district government or management committee of
     * its region or the nearest enclosing one (a district government before a committee of the same region).
     */
    Optional<String> regionOwner(String regionPath) {
        return jdbc.sql("""
                select d.code from department d join region r on r.code = d.region_code
                where d.active and d.kind in ('DISTRICT_GOVERNMENT', 'MANAGEMENT_COMMITTEE') and starts_with(:path, r.path)
                order by length(r.path) desc, case d.kind when 'DISTRICT_GOVERNMENT' then 0 else 1 end, d.code
                limit 1
                """).param("path", regionPath).query(String.class).optional();
    }

    /** Active departments a report can be forwarded to: code and short name, in code order. */
    List<Map.Entry<String, String>> departments() {
        return jdbc.sql("select code, short_name from department where active and kind <> 'ENTERPRISE' order by code")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list();
    }

    Optional<String> activeDepartmentRegionPath(String code) {
        return jdbc.sql("select r.path from department d join region r on r.code = d.region_code where d.code = :c and d.active")
                .param("c", code).query(String.class).optional();
    }

    private static PublicReport map(ResultSet rs) throws SQLException {
        return new PublicReport(rs.getLong("id"), rs.getString("tracking_no"), rs.getString("uscc"),
                rs.getString("enterprise_name"), rs.getString("region_path"), rs.getString("case_id"),
                rs.getString("category"), rs.getString("text"), rs.getString("contact"), rs.getString("department_code"),
                rs.getString("department_name"), rs.getString("state"), rs.getString("assignee"), rs.getString("reply"),
                instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("closed_at")), rs.getInt("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
