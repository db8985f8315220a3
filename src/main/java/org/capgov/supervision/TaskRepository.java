package org.capgov.supervision;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for tasks; every read takes the caller's scope predicate on the task's region path. */
@Repository
class TaskRepository {

    static final int SOON_DAYS = 30;

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean existsByKey(String key) {
        return jdbc.sql("select count(*) from supervision_task where source_key = :k").param("k", key)
                .query(Integer.class).single() > 0;
    }

    List<DepartmentNames.Known> departments() {
        return jdbc.sql("select code, name, short_name from department order by active desc, code")
                .query((rs, i) -> new DepartmentNames.Known(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    Optional<String> regionPath(String code) {
        return jdbc.sql("select path from region where code = :c").param("c", code == null ? "" : code)
                .query(String.class).optional();
    }

    String regionCodeOf(String path) {
        return jdbc.sql("select code from region where path = :p").param("p", path).query(String.class).optional()
                .orElse("");
    }

    long insert(String key, String document, String documentTitle, String section, Integer row, String title,
            String text, String quote, List<String> leadNames, List<String> coopNames, List<String> lead,
            List<String> coop, List<String> unmapped, String region, String regionPath, Deadline deadline,
            int firstPeriod, String deadlineText, String output, String status, String by, Instant at) {
        return jdbc.sql("""
                insert into supervision_task (source_key, document_number, document_title, section, row_no, title, text,
                    quote, lead_names, cooperating_names, lead_codes, cooperating_codes, unmapped_names, region_code,
                    region_path, deadline_kind, due_date, month_day, first_period, deadline_text, expected_output,
                    status, created_by, created_at, published_at)
                values (:key, :doc, :docTitle, :section, :row, :title, :text, :quote, :leadNames::text[],
                    :coopNames::text[], :lead::varchar[], :coop::varchar[], :unmapped::text[], :region, :path, :kind,
                    :due, :md, :first, :dlText, :output, :status, :by, :at, :publishedAt)
                returning id""")
                .param("key", key).param("doc", document).param("docTitle", documentTitle).param("section", section)
                .param("row", row).param("title", title).param("text", text).param("quote", quote)
                .param("leadNames", literal(leadNames)).param("coopNames", literal(coopNames))
                .param("lead", literal(lead)).param("coop", literal(coop)).param("unmapped", literal(unmapped))
                .param("region", region).param("path", regionPath).param("kind", deadline.kind())
                .param("due", deadline.date()).param("md", deadline.monthDay()).param("first", firstPeriod)
                .param("dlText", deadlineText).param("output", output).param("status", status).param("by", by)
                .param("at", Timestamp.from(at))
                .param("publishedAt", "PUBLISHED".equals(status) ? Timestamp.from(at) : null, java.sql.Types.TIMESTAMP)
                .query(Long.class).single();
    }

    void publish(long id, Instant at) {
        jdbc.sql("update supervision_task set status = 'PUBLISHED', published_at = :at where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Tasks in scope, filtered; {@code department} matches lead or cooperating codes. */
    List<Task> find(SqlPredicate scope, String document, String department, String region, boolean drafts,
            LocalDate today) {
        StringBuilder where = new StringBuilder(" where (" + scope.sql() + ")");
        Map<String, Object> params = new HashMap<>(scope.params());
        if (document != null && !document.isBlank()) {
            where.append(" and t.document_number = :document");
            params.put("document", document.trim());
        }
        if (department != null && !department.isBlank()) {
            where.append(" and (:dept = any(t.lead_codes) or :dept = any(t.cooperating_codes))");
            params.put("dept", department.trim());
        }
        if (region != null && !region.isBlank()) {
            where.append(" and t.region_path like :regionPath");
            params.put("regionPath", regionPath(region.trim()).orElse("-") + "%");
        }
        if (!drafts) {
            where.append(" and t.status = 'PUBLISHED'");
        }
        return jdbc.sql(SELECT + where + " order by t.document_number, t.id").params(params)
                .query((rs, i) -> map(rs, today)).list();
    }

    Optional<Task> findById(long id, SqlPredicate scope, LocalDate today) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("id", id);
        return jdbc.sql(SELECT + " where t.id = :id and (" + scope.sql() + ")").params(params)
                .query((rs, i) -> map(rs, today)).optional();
    }

    private static final String SELECT = """
            select t.*, r.name as region_name,
                   (select coalesce(array_agg(p.period), '{}') from supervision_report p
                     where p.task_id = t.id and p.status = 'ACCEPTED') as accepted
            from supervision_task t join region r on r.code = t.region_code""";

    private static Task map(ResultSet rs, LocalDate today) throws SQLException {
        Deadline deadline = new Deadline(rs.getString("deadline_kind"),
                rs.getObject("due_date", LocalDate.class), rs.getString("month_day"));
        int first = rs.getInt("first_period");
        Set<Integer> accepted = new HashSet<>();
        for (Object o : (Object[]) rs.getArray("accepted").getArray()) {
            accepted.add(((Number) o).intValue());
        }
        int last = deadline.lastPeriod(first, today);
        int period = first;
        while (period <= last && accepted.contains(period)) {
            period++;
        }
        if (!deadline.recurring()) {
            period = first;
        }
        String standing = deadline.standing(period, accepted.contains(period), today, SOON_DAYS);
        return new Task(rs.getLong("id"), rs.getString("source_key"), rs.getString("document_number"),
                rs.getString("document_title"), rs.getString("section"), (Integer) rs.getObject("row_no"),
                rs.getString("title"), rs.getString("text"), rs.getString("quote"), strings(rs.getArray("lead_names")),
                strings(rs.getArray("cooperating_names")), strings(rs.getArray("lead_codes")),
                strings(rs.getArray("cooperating_codes")), strings(rs.getArray("unmapped_names")),
                rs.getString("region_code"), rs.getString("region_name"), rs.getString("region_path"), deadline, first,
                rs.getString("deadline_text"), rs.getString("expected_output"), rs.getString("status"), period,
                deadline.dueFor(period), standing);
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    /** A PostgreSQL array literal of quoted, escaped elements (bound as one parameter, never spliced). */
    static String literal(List<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }
}
