package org.capgov.supervision.leads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the problem register, its lists and its steps. */
@Repository
class ProblemRepository {

    private static final String FROM = """
             from supervision_problem p join supervision_problem_list pl on pl.code = p.list_code
             join region r on r.code = p.region_code left join department d on d.code = p.department_code
            """;
    private static final String SELECT = "select p.*, pl.name as list_name, r.name as region_name,"
            + " d.short_name as department_name" + FROM;

    /** One page of problems and how many match. */
    record Page(List<Problem> items, long total) {
    }

    private final JdbcClient jdbc;

    ProblemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Problem.ProblemList> lists() {
        return jdbc.sql("select * from supervision_problem_list order by position, code")
                .query((rs, n) -> new Problem.ProblemList(rs.getString("code"), rs.getString("name"),
                        rs.getInt("position"), rs.getBoolean("active"))).list();
    }

    Optional<Problem.ProblemList> list(String code) {
        return lists().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    void saveList(String code, String name, boolean active) {
        jdbc.sql("""
                insert into supervision_problem_list (code, name, position, active)
                values (:c, :n, (select coalesce(max(position), 0) + 1 from supervision_problem_list), :a)
                on conflict (code) do update set name = excluded.name, active = excluded.active""")
                .param("c", code).param("n", name).param("a", active).update();
    }

    long insert(String list, String title, String description, String source, String sourceRef, String regionCode,
            String regionPath, String department, LocalDate deadline, String state, String uscc, String caseId,
            String actor, Instant at) {
        return jdbc.sql("""
                insert into supervision_problem (list_code, title, description, source, source_ref, region_code,
                    region_path, department_code, deadline, state, uscc, case_id, created_by, created_at, updated_at)
                values (:list, :title, :description, :source, :ref, :region, :path, :dept, :deadline, :state, :uscc,
                        :caseId, :actor, :at, :at) returning id""").param("list", list).param("title", title)
                .param("description", description).param("source", source).param("ref", sourceRef)
                .param("region", regionCode).param("path", regionPath).param("dept", department)
                .param("deadline", deadline).param("state", state).param("uscc", uscc).param("caseId", caseId)
                .param("actor", actor).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    Optional<Problem> find(long id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    boolean canSee(long id, SqlPredicate visible) {
        return jdbc.sql("select count(*) from supervision_problem p where p.id = :id and " + visible.sql())
                .params(visible.params()).param("id", id).query(Long.class).single() > 0;
    }

    Page search(SqlPredicate visible, String list, String state, String department, int page, int size) {
        Map<String, Object> params = new HashMap<>(visible.params());
        StringBuilder where = new StringBuilder(" where ").append(visible.sql());
        if (list != null) {
            where.append(" and p.list_code = :list");
            params.put("list", list);
        }
        if (state != null) {
            where.append(" and p.state = :state");
            params.put("state", state);
        }
        if (department != null) {
            where.append(" and p.department_code = :dept");
            params.put("dept", department);
        }
        long total = jdbc.sql("select count(*)" + FROM + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Problem> items = jdbc.sql(SELECT + where + " order by p.created_at desc, p.id desc limit :limit offset :offset")
                .params(params).query((rs, n) -> map(rs)).list();
        return new Page(items, total);
    }

    /** Counts per list and state over what the caller sees: list code → state → count. */
    Map<String, Map<String, Long>> tally(SqlPredicate visible) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        jdbc.sql("select p.list_code, p.state, count(*) from supervision_problem p where " + visible.sql()
                + " group by 1, 2").params(visible.params()).query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return out;
    }

    boolean update(Problem p, String state, String department, LocalDate deadline, String closingNote, Instant at) {
        return jdbc.sql("""
                update supervision_problem set state = :state, department_code = :dept, deadline = :deadline,
                       closing_note = :note, updated_at = :at,
                       closed_at = case when :state = 'CLOSED' then cast(:at as timestamptz) end, version = version + 1
                where id = :id and version = :version""").param("state", state).param("dept", department)
                .param("deadline", deadline).param("note", closingNote).param("at", Timestamp.from(at))
                .param("id", p.id()).param("version", p.version()).update() == 1;
    }

    void addEvent(long problemId, String action, String from, String to, String note, String actor, Instant at) {
        jdbc.sql("""
                insert into supervision_problem_event (problem_id, action, from_state, to_state, note, actor, recorded_at)
                values (:p, :action, :from, :to, :note, :actor, :at)""").param("p", problemId).param("action", action)
                .param("from", from).param("to", to).param("note", note).param("actor", actor)
                .param("at", Timestamp.from(at)).update();
    }

    List<Problem.Event> events(long problemId) {
        return jdbc.sql("select * from supervision_problem_event where problem_id = :p order by id")
                .param("p", problemId).query((rs, n) -> new Problem.Event(rs.getString("action"),
                        rs.getString("from_state"), rs.getString("to_state"), rs.getString("note"),
                        rs.getString("actor"), LeadRepository.instant(rs.getTimestamp("recorded_at")))).list();
    }

    /** How many problems of the list lie outside {@code scope}. */
    long outside(String listCode, SqlPredicate scope) {
        return jdbc.sql("select count(*) from supervision_problem p where p.list_code = :c and not (" + scope.sql()
                + ")").params(scope.params()).param("c", listCode).query(Long.class).single();
    }

    Optional<String> departmentRegionPath(String code) {
        return jdbc.sql("select r.path from department d join region r on r.code = d.region_code"
                + " where d.code = :c and d.active").param("c", code).query(String.class).optional();
    }

    /** Active departments of officials (not enterprises): code and short name. */
    List<Map.Entry<String, String>> departments() {
        return jdbc.sql("select code, short_name from department where active and kind <> 'ENTERPRISE' order by code")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list();
    }

    private static Problem map(ResultSet rs) throws SQLException {
        java.sql.Date deadline = rs.getDate("deadline");
        return new Problem(rs.getLong("id"), rs.getString("list_code"), rs.getString("list_name"),
                rs.getString("title"), rs.getString("description"), rs.getString("source"),
                rs.getString("source_ref"), rs.getString("region_code"), rs.getString("region_path"),
                rs.getString("region_name"), rs.getString("department_code"), rs.getString("department_name"),
                deadline == null ? null : deadline.toLocalDate(), rs.getString("state"), rs.getString("uscc"),
                rs.getString("case_id"), rs.getString("closing_note"), rs.getString("created_by"),
                LeadRepository.instant(rs.getTimestamp("created_at")), LeadRepository.instant(rs.getTimestamp("updated_at")),
                LeadRepository.instant(rs.getTimestamp("closed_at")), rs.getInt("version"));
    }
}
