package org.capgov.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of evaluation_run. Every write commits on its own, so that progress is visible while a run works. */
@Repository
class ComplianceRunRepository {

    /** A QUEUED or RUNNING run whose heartbeat is older than this lost the node that ran it. */
    static final String STALE = "interval '10 minutes'";

    private final JdbcClient jdbc;

    ComplianceRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a QUEUED run; fails with a DuplicateKeyException while another run is QUEUED or RUNNING. */
    long insert(String catalogueVersion, LocalDate asOf, boolean incremental, String startedBy) {
        return jdbc.sql("""
                insert into evaluation_run (catalogue_version, as_of, status, incremental, started_by)
                values (:v, :asOf, 'QUEUED', :inc, :by) returning id
                """).param("v", catalogueVersion).param("asOf", asOf).param("inc", incremental).param("by", startedBy)
                .query(Long.class).single();
    }

    /** Marks runs FAILED whose node stopped beating; returns how many. */
    int failStale() {
        return jdbc.sql("update evaluation_run set status = 'FAILED', finished_at = now(), error = '评价中断：运行该评价的节点已停止' "
                + "where status in ('QUEUED', 'RUNNING') and heartbeat_at < now() - " + STALE).update();
    }

    void begin(long id) {
        jdbc.sql("""
                update evaluation_run set status = 'RUNNING', started_at = now(), heartbeat_at = now(),
                       changes_after = least(now(), (select min(xact_start) from pg_stat_activity
                                                      where datname = current_database() and pid <> pg_backend_pid()
                                                        and backend_type = 'client backend'))
                where id = :id
                """).param("id", id).update();
    }

    /** The moment after which changes are not in the run's findings (see V10). */
    Optional<Instant> changesAfter(long id) {
        return jdbc.sql("select changes_after from evaluation_run where id = :id").param("id", id)
                .query((rs, n) -> instant(rs.getTimestamp(1))).optional().filter(java.util.Objects::nonNull);
    }

    void start(long id, Long basedOn, int total, int evaluated) {
        jdbc.sql("""
                update evaluation_run set status = 'RUNNING', based_on = :base, enterprises_total = :total,
                       enterprises_done = :total - :evaluated, started_at = coalesce(started_at, now()), heartbeat_at = now()
                where id = :id
                """).param("base", basedOn).param("total", total).param("evaluated", evaluated).param("id", id).update();
    }

    void progress(long id, int done, int evaluated) {
        jdbc.sql("update evaluation_run set enterprises_done = :done, enterprises_evaluated = :ev, heartbeat_at = now() "
                + "where id = :id").param("done", done).param("ev", evaluated).param("id", id).update();
    }

    void finish(long id, int done, int evaluated, Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        jdbc.sql("""
                update evaluation_run set status = 'DONE', enterprises_done = :done, enterprises_evaluated = :ev,
                       findings = :findings, compliant = :c, noncompliant = :n, no_data = :nd, eliminated = :el,
                       advisory = :ad, conflicts = :cf, finished_at = now(), heartbeat_at = now()
                where id = :id
                """).param("done", done).param("ev", evaluated).param("findings", total)
                .param("c", counts.getOrDefault("COMPLIANT", 0L)).param("n", counts.getOrDefault("NONCOMPLIANT", 0L))
                .param("nd", counts.getOrDefault("NO_DATA", 0L)).param("el", counts.getOrDefault("ELIMINATED", 0L))
                .param("ad", counts.getOrDefault("ADVISORY", 0L)).param("cf", counts.getOrDefault("CONFLICT", 0L))
                .param("id", id).update();
    }

    void fail(long id, String error) {
        jdbc.sql("update evaluation_run set status = 'FAILED', error = :e, finished_at = now() where id = :id")
                .param("e", error).param("id", id).update();
    }

    Optional<ComplianceRun> find(long id) {
        return jdbc.sql("select * from evaluation_run where id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    List<ComplianceRun> recent(int limit) {
        return jdbc.sql("select * from evaluation_run order by id desc limit :n").param("n", limit)
                .query((rs, n) -> map(rs)).list();
    }

    Optional<ComplianceRun> latestDone() {
        return jdbc.sql("select * from evaluation_run where status = 'DONE' order by id desc limit 1")
                .query((rs, n) -> map(rs)).optional();
    }

    /** The latest DONE run of the same catalogue version and date: what an incremental run builds on. */
    Optional<ComplianceRun> latestDone(String catalogueVersion, LocalDate asOf) {
        return jdbc.sql("""
                select * from evaluation_run where status = 'DONE' and catalogue_version = :v and as_of = :asOf
                order by id desc limit 1
                """).param("v", catalogueVersion).param("asOf", asOf).query((rs, n) -> map(rs)).optional();
    }

    private static ComplianceRun map(ResultSet rs) throws SQLException {
        long base = rs.getLong("based_on");
        Long basedOn = rs.wasNull() ? null : base;
        return new ComplianceRun(rs.getLong("id"), rs.getString("catalogue_version"),
                rs.getObject("as_of", LocalDate.class), rs.getString("status"), rs.getBoolean("incremental"), basedOn,
                rs.getInt("enterprises_total"), rs.getInt("enterprises_done"), rs.getInt("enterprises_evaluated"),
                rs.getLong("findings"), ComplianceRun.counts(rs.getLong("compliant"), rs.getLong("noncompliant"),
                        rs.getLong("no_data"), rs.getLong("eliminated"), rs.getLong("advisory"), rs.getLong("conflicts")),
                rs.getString("started_by"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("error"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
