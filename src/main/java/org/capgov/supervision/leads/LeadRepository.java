package org.capgov.supervision.leads;

import java.math.BigDecimal;
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

/** SQL of leads, their photos and handling steps; reads the department and region tables for routing. */
@Repository
class LeadRepository {

    private static final String SELECT = """
            select l.*, d.short_name as department_name, r.name as region_name
              from supervision_lead l join department d on d.code = l.department_code join region r on r.code = l.region_code
            """;

    /** A region the public may name: its code, path and name. */
    record Place(String code, String path, String name) {
    }

    private final JdbcClient jdbc;

    LeadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Place> region(String code) {
        return jdbc.sql("select code, path, name from region where code = :c")
                .param("c", code).query((rs, n) -> new Place(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** The districts and counties (and the city) a reporter picks from, in code order. */
    List<Place> districts() {
        return jdbc.sql("""
                select code, path, name from region where closed_on is null
                   and kind in ('DISTRICT', 'COUNTY', 'AUTONOMOUS_COUNTY', 'MANAGEMENT_AREA') order by code""")
                .query((rs, n) -> new Place(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * The active departments that may take a lead about a place at {@code path}: government departments,
     * district governments and management committees whose region encloses the place ({@link LeadPolicies#route}
     * picks one).
     */
    List<LeadPolicies.Desk> desks(String path) {
        return jdbc.sql("""
                select d.code, d.kind, r.path, d.dimensions from department d join region r on r.code = d.region_code
                where d.active and d.kind in ('GOVERNMENT_DEPARTMENT', 'DISTRICT_GOVERNMENT', 'MANAGEMENT_COMMITTEE',
                                   'COORDINATION_OFFICE')
                  and starts_with(:path, r.path)""").param("path", path)
                .query((rs, n) -> new LeadPolicies.Desk(rs.getString(1), rs.getString(2), rs.getString(3),
                        dimensions(rs.getArray(4)))).list();
    }

    private static java.util.Set<String> dimensions(java.sql.Array a) throws SQLException {
        return a == null ? java.util.Set.of() : java.util.Set.of((String[]) a.getArray());
    }

    long insert(String trackingNo, String matter, Place place, String address, BigDecimal lat, BigDecimal lon,
            String text, String contact, String department, Instant at) {
        return jdbc.sql("""
                insert into supervision_lead (tracking_no, matter, region_code, region_path, address, latitude, longitude,
                                              text, contact, department_code, state, received_at, updated_at)
                values (:t, :matter, :code, :path, :address, :lat, :lon, :text, :contact, :dept, 'RECEIVED', :at, :at)
                returning id""").param("t", trackingNo).param("matter", matter).param("code", place.code())
                .param("path", place.path()).param("address", address).param("lat", lat).param("lon", lon)
                .param("text", text).param("contact", contact).param("dept", department)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    void addPhoto(long leadId, String filename, String contentType, String sha256, byte[] bytes) {
        jdbc.sql("""
                insert into supervision_lead_photo (lead_id, filename, content_type, sha256, bytes)
                values (:l, :f, :ct, :sha, :b)""").param("l", leadId).param("f", filename).param("ct", contentType)
                .param("sha", sha256).param("b", bytes).update();
    }

    List<Lead.Photo> photos(long leadId) {
        return jdbc.sql("select id, filename, content_type, sha256, length(bytes) from supervision_lead_photo"
                + " where lead_id = :l order by id").param("l", leadId)
                .query((rs, n) -> new Lead.Photo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5))).list();
    }

    Optional<byte[]> photoBytes(long leadId, long photoId) {
        return jdbc.sql("select bytes from supervision_lead_photo where lead_id = :l and id = :p")
                .param("l", leadId).param("p", photoId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    Optional<Lead> byTrackingNo(String trackingNo) {
        return jdbc.sql(SELECT + " where l.tracking_no = :t").param("t", trackingNo).query((rs, n) -> map(rs))
                .optional();
    }

    /** One page of leads and how many match. */
    record Page(List<Lead> items, long total) {
    }

    Page search(SqlPredicate visible, String state, String matter, int page, int size) {
        Map<String, Object> params = new HashMap<>(visible.params());
        String where = " where " + visible.sql();
        if (state != null) {
            where += " and l.state = :state";
            params.put("state", state);
        }
        if (matter != null) {
            where += " and l.matter = :matter";
            params.put("matter", matter);
        }
        long total = jdbc.sql("select count(*) from supervision_lead l" + where).params(params).query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Lead> items = jdbc.sql(SELECT + where + " order by l.received_at desc, l.id desc limit :limit offset :offset")
                .params(params).query((rs, n) -> map(rs)).list();
        return new Page(items, total);
    }

    boolean canSee(long id, SqlPredicate visible) {
        return jdbc.sql("select count(*) from supervision_lead l where l.id = :id and " + visible.sql())
                .params(visible.params()).param("id", id).query(Long.class).single() > 0;
    }

    boolean update(Lead l, String state, String reply, Long problemId, String uscc, String caseId, boolean close,
            Instant at) {
        return jdbc.sql("""
                update supervision_lead set state = :state, reply = :reply, problem_id = :problem, uscc = :uscc,
                       case_id = :caseId, updated_at = :at, closed_at = case when :close then cast(:at as timestamptz) end,
                       version = version + 1
                where id = :id and version = :version""").param("state", state).param("reply", reply)
                .param("problem", problemId).param("uscc", uscc).param("caseId", caseId).param("close", close)
                .param("at", Timestamp.from(at)).param("id", l.id()).param("version", l.version()).update() == 1;
    }

    void addEvent(long leadId, String action, String from, String to, String department, String note, String actor,
            Instant at) {
        jdbc.sql("""
                insert into supervision_lead_event (lead_id, action, from_state, to_state, department_code, note, actor,
                                                    recorded_at)
                values (:l, :action, :from, :to, :dept, :note, :actor, :at)""").param("l", leadId)
                .param("action", action).param("from", from).param("to", to).param("dept", department)
                .param("note", note).param("actor", actor).param("at", Timestamp.from(at)).update();
    }

    List<Lead.Event> events(long leadId) {
        return jdbc.sql("select * from supervision_lead_event where lead_id = :l order by id").param("l", leadId)
                .query((rs, n) -> new Lead.Event(rs.getString("action"), rs.getString("from_state"),
                        rs.getString("to_state"), rs.getString("department_code"), rs.getString("note"),
                        rs.getString("actor"), instant(rs.getTimestamp("recorded_at")))).list();
    }

    /** The department codes the person belongs to. */
    List<String> departmentsOf(String username) {
        return jdbc.sql("""
                select distinct d.code from membership m join person p on p.id = m.person_id
                join department d on d.id = m.department_id where p.username = :u""")
                .param("u", username).query(String.class).list();
    }

    private static Lead map(ResultSet rs) throws SQLException {
        long problem = rs.getLong("problem_id");
        Long problemId = rs.wasNull() ? null : problem;
        return new Lead(rs.getLong("id"), rs.getString("tracking_no"), rs.getString("matter"),
                rs.getString("region_code"), rs.getString("region_path"), rs.getString("region_name"),
                rs.getString("address"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                rs.getString("text"), rs.getString("contact"), rs.getString("department_code"),
                rs.getString("department_name"), rs.getString("state"), rs.getString("reply"), problemId,
                rs.getString("uscc"), rs.getString("case_id"), instant(rs.getTimestamp("received_at")),
                instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("closed_at")), rs.getInt("version"));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
