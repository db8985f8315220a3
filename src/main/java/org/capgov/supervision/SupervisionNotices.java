package org.capgov.supervision;

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

/** The 督办 and 通报 issued (supervision_notice). */
@Repository
class SupervisionNotices {

    /** A 督办 or 通报 as listed on the pages. */
    public record Issued(long id, String kind, String number, Long taskId, Integer period, String regionPath,
            String title, String body, boolean hasDocx, String issuedBy, LocalDate issuedOn) {
    }

    private final JdbcClient jdbc;

    SupervisionNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean dubanExists(long taskId, int period) {
        return jdbc.sql("select count(*) from supervision_notice where kind = 'DUBAN' and task_id = :t and period = :p")
                .param("t", taskId).param("p", period).query(Integer.class).single() > 0;
    }

    String nextNumber(String kind, int year) {
        long n = jdbc.sql("DUBAN".equals(kind) ? "select nextval('supervision_duban_number')"
                : "select nextval('supervision_tongbao_number')").query(Long.class).single();
        return ("DUBAN".equals(kind) ? "督办" : "通报") + "〔" + year + "〕" + n + "号";
    }

    long insert(String kind, String number, Long taskId, Integer period, String regionPath, String title, String body,
            byte[] docx, String by, LocalDate on, Instant at) {
        return jdbc.sql("""
                insert into supervision_notice (kind, number, task_id, period, region_path, title, body, docx,
                    issued_by, issued_on, created_at)
                values (:kind, :number, :task, :period, :path, :title, :body, :docx, :by, :on, :at)
                on conflict do nothing returning id""")
                .param("kind", kind).param("number", number).param("task", taskId).param("period", period)
                .param("path", regionPath).param("title", title).param("body", body).param("docx", docx)
                .param("by", by).param("on", on).param("at", Timestamp.from(at)).query(Long.class).optional()
                .orElse(0L);
    }

    /** 督办 per task region path issued on or after {@code since}, in scope. */
    Map<String, Integer> dubanByRegion(SqlPredicate scope, LocalDate since) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("since", since);
        Map<String, Integer> out = new HashMap<>();
        jdbc.sql("select n.region_path, count(*) from supervision_notice n where n.kind = 'DUBAN' and n.issued_on >= :since"
                + " and (" + scope.sql() + ") group by n.region_path").params(params)
                .query((rs, i) -> out.put(rs.getString(1), rs.getInt(2))).list();
        return out;
    }

    List<Issued> list(SqlPredicate scope, Long taskId) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = " where (" + scope.sql() + ")";
        if (taskId != null) {
            where += " and n.task_id = :task";
            params.put("task", taskId);
        }
        return jdbc.sql("select n.id, n.kind, n.number, n.task_id, n.period, n.region_path, n.title, n.body,"
                + " n.docx is not null, n.issued_by, n.issued_on from supervision_notice n" + where
                + " order by n.id desc limit 200").params(params)
                .query((rs, i) -> new Issued(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Long) rs.getObject(4), (Integer) rs.getObject(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getBoolean(9), rs.getString(10), rs.getObject(11, LocalDate.class)))
                .list();
    }

    Optional<byte[]> docx(long id, SqlPredicate scope) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("id", id);
        return jdbc.sql("select n.docx from supervision_notice n where n.id = :id and n.docx is not null and ("
                + scope.sql() + ")").params(params).query(byte[].class).optional();
    }
}
