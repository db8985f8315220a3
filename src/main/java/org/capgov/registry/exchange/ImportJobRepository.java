package org.capgov.registry.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for import jobs and their stored errors. Called outside the import's own transaction (or in a new one), so
 * that progress is visible while the import runs and the errors survive its rollback.
 */
@Repository
class ImportJobRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportJobRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long create(ImportKind kind, ImportMode mode, String fileName, long size, String by, String regionPath, String node) {
        return jdbc.sql("""
                insert into import_job (kind, mode, file_name, file_size, status, submitted_by, region_path, node)
                values (:kind, :mode, :name, :size, 'QUEUED', :by, :path, :node) returning id
                """).param("kind", kind.name()).param("mode", mode.name()).param("name", fileName).param("size", size)
                .param("by", by).param("path", regionPath).param("node", node).query(Long.class).single();
    }

    Optional<ImportJob> find(long id) {
        return jdbc.sql("select * from import_job where id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** A job its submitter may follow, and anyone whose scope covers the submitter's home region. */
    Optional<ImportJob> visible(long id, String username, DataScope scope) {
        SqlPredicate inScope = scope.regionPredicate("j.region_path");
        Map<String, Object> p = new HashMap<>(inScope.params());
        p.put("id", id);
        p.put("me", username);
        return jdbc.sql("select j.* from import_job j where j.id = :id and (j.submitted_by = :me or " + inScope.sql() + ")")
                .params(p).query((rs, n) -> map(rs)).optional();
    }

    List<ImportJob> recent(String username, DataScope scope, int limit) {
        SqlPredicate inScope = scope.regionPredicate("j.region_path");
        Map<String, Object> p = new HashMap<>(inScope.params());
        p.put("me", username);
        p.put("limit", limit);
        return jdbc.sql("select j.* from import_job j where j.submitted_by = :me or " + inScope.sql()
                + " order by j.id desc limit :limit").params(p).query((rs, n) -> map(rs)).list();
    }

    void start(long id) {
        jdbc.sql("update import_job set status = 'RUNNING', phase = 'INSPECTING', started_at = now(), updated_at = now() "
                + "where id = :id").param("id", id).update();
    }

    void inspected(long id, String format, String sha256, String charset) {
        jdbc.sql("update import_job set file_format = :f, file_sha256 = :sha, charset = :cs, updated_at = now() where id = :id")
                .param("f", format).param("sha", sha256).param("cs", charset).param("id", id).update();
    }

    void progress(long id, String phase, long rows, long bytes) {
        jdbc.sql("update import_job set phase = :phase, rows_read = :rows, bytes_read = :bytes, updated_at = now() "
                + "where id = :id").param("phase", phase).param("rows", rows).param("bytes", bytes).param("id", id).update();
    }

    void finish(long id, ImportJob.Status status, long rows, long inserted, long updated, long errors, String message) {
        jdbc.sql("""
                update import_job set status = :status, phase = null, rows_read = :rows, rows_inserted = :ins,
                       rows_updated = :upd, error_count = :errors, message = :message, finished_at = now(), updated_at = now()
                where id = :id
                """).param("status", status.name()).param("rows", rows).param("ins", inserted).param("upd", updated)
                .param("errors", errors).param("message", message).param("id", id).update();
    }

    void saveErrors(long id, List<ImportError> errors) {
        List<Integer> positions = java.util.stream.IntStream.range(0, errors.size()).boxed().toList();
        template.batchUpdate("insert into import_error (job_id, seq, row_no, column_name, cell_value, reason) "
                + "values (?, ?, ?, ?, ?, ?)", positions, 1000, (ps, i) -> {
                    ImportError e = errors.get(i);
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setLong(3, e.row());
                    ps.setString(4, e.column());
                    ps.setString(5, e.value());
                    ps.setString(6, e.reason());
                });
    }

    List<ImportError> errors(long id, int limit) {
        return jdbc.sql("select * from import_error where job_id = :id order by row_no, seq limit :limit")
                .param("id", id).param("limit", limit).query((rs, n) -> error(rs)).list();
    }

    void streamErrors(long id, Consumer<ImportError> sink) {
        jdbc.sql("select * from import_error where job_id = :id order by row_no, seq").param("id", id).withFetchSize(1000)
                .query((ResultSet rs) -> {
                    sink.accept(error(rs));
                });
    }

    /** Keeps this node's open jobs visibly alive. */
    void heartbeat(String node) {
        jdbc.sql("update import_job set updated_at = now() where node = :node and status in ('QUEUED', 'RUNNING')")
                .param("node", node).update();
    }

    /** Jobs whose node stopped beating (a restart, a crash) can never finish: they are closed as failed. */
    int abandonStale(String message) {
        return jdbc.sql("""
                update import_job set status = 'FAILED', phase = null, message = :message, finished_at = now(),
                       updated_at = now()
                where status in ('QUEUED', 'RUNNING') and updated_at < now() - interval '2 minutes'
                """).param("message", message).update();
    }

    private static ImportError error(ResultSet rs) throws SQLException {
        return new ImportError(rs.getLong("row_no"), rs.getString("column_name"), rs.getString("cell_value"),
                rs.getString("reason"));
    }

    private static ImportJob map(ResultSet rs) throws SQLException {
        return new ImportJob(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind")),
                ImportMode.valueOf(rs.getString("mode")), rs.getString("file_name"), rs.getLong("file_size"),
                rs.getString("file_format"), rs.getString("file_sha256"), rs.getString("charset"),
                ImportJob.Status.valueOf(rs.getString("status")), rs.getString("phase"), rs.getLong("rows_read"),
                rs.getLong("bytes_read"), rs.getLong("rows_inserted"), rs.getLong("rows_updated"),
                rs.getLong("error_count"), rs.getString("message"), rs.getString("submitted_by"),
                rs.getString("region_path"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
