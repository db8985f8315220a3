package org.capgov.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for progress reports, contributions and attachments (always reached through a task already in scope). */
@Repository
class ProgressRepository {

    private final JdbcClient jdbc;

    ProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The department codes of the caller's memberships. */
    List<String> departmentsOf(String username) {
        return jdbc.sql("""
                select distinct d.code from membership m join person p on p.id = m.person_id
                join department d on d.id = m.department_id where p.username = :u""")
                .param("u", username).query(String.class).list();
    }

    Optional<ProgressReport> find(long taskId, int period) {
        return jdbc.sql("select * from supervision_report where task_id = :t and period = :p")
                .param("t", taskId).param("p", period)
                .query((rs, i) -> new ProgressReport(rs.getLong("id"), taskId, period, rs.getString("department_code"),
                        rs.getString("text"), rs.getString("figures"), rs.getString("document_numbers"),
                        rs.getString("status"), rs.getString("return_reason"), rs.getString("submitted_by"),
                        rs.getTimestamp("submitted_at").toInstant(), rs.getString("decided_by"),
                        rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
                        rs.getInt("round"), contributions(taskId, period), attachments(rs.getLong("id"))))
                .optional();
    }

    List<ProgressReport> ofTask(long taskId) {
        return jdbc.sql("select period from supervision_report where task_id = :t order by period desc")
                .param("t", taskId).query(Integer.class).list().stream()
                .map(p -> find(taskId, p).orElseThrow()).toList();
    }

    List<ProgressReport.Contribution> contributions(long taskId, int period) {
        return jdbc.sql("""
                select c.id, c.department_code, d.short_name, c.text, c.created_by, c.created_at
                from supervision_contribution c join department d on d.code = c.department_code
                where c.task_id = :t and c.period = :p order by c.id""")
                .param("t", taskId).param("p", period)
                .query((rs, i) -> new ProgressReport.Contribution(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    List<ProgressReport.Attachment> attachments(long reportId) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes, sha256 from supervision_attachment
                where report_id = :r order by id""").param("r", reportId)
                .query((rs, i) -> new ProgressReport.Attachment(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5))).list();
    }

    long submit(long taskId, int period, String department, String text, String figures, String documents, String by,
            Instant at) {
        return jdbc.sql("""
                insert into supervision_report (task_id, period, department_code, text, figures, document_numbers,
                    status, submitted_by, submitted_at)
                values (:t, :p, :d, :text, :f, :docs, 'SUBMITTED', :by, :at)
                on conflict (task_id, period) do update set department_code = excluded.department_code,
                    text = excluded.text, figures = excluded.figures, document_numbers = excluded.document_numbers,
                    status = 'SUBMITTED', submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at,
                    decided_by = null, decided_at = null, round = supervision_report.round + 1
                returning id""")
                .param("t", taskId).param("p", period).param("d", department).param("text", text)
                .param("f", figures).param("docs", documents).param("by", by).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    void decide(long id, String status, String reason, String by, Instant at) {
        jdbc.sql("""
                update supervision_report set status = :s, return_reason = :reason, decided_by = :by, decided_at = :at
                where id = :id""").param("s", status).param("reason", reason).param("by", by)
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void contribute(long taskId, int period, String department, String text, String by, Instant at) {
        jdbc.sql("""
                insert into supervision_contribution (task_id, period, department_code, text, created_by, created_at)
                values (:t, :p, :d, :text, :by, :at)""").param("t", taskId).param("p", period).param("d", department)
                .param("text", text).param("by", by).param("at", Timestamp.from(at)).update();
    }

    long attach(long reportId, String name, String type, byte[] content, String sha256, String by, Instant at) {
        return jdbc.sql("""
                insert into supervision_attachment (report_id, file_name, content_type, size_bytes, sha256, content,
                    created_by, created_at) values (:r, :n, :t, :s, :h, :c, :by, :at) returning id""")
                .param("r", reportId).param("n", name).param("t", type).param("s", content.length).param("h", sha256)
                .param("c", content).param("by", by).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    Optional<byte[]> attachmentContent(long reportId, long attachmentId) {
        return jdbc.sql("select content from supervision_attachment where id = :a and report_id = :r")
                .param("a", attachmentId).param("r", reportId).query(byte[].class).optional();
    }
}
