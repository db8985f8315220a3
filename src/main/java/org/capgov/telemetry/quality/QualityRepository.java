package org.capgov.telemetry.quality;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loggers, their packets and the data-quality alerts (telemetry_quality_alert, V80). */
@Repository
public class QualityRepository {

    /** A logger as the quality pass needs it. */
    record Subject(long id, String mn, String uscc, String regionPath, String equipmentCode, String monitoringPoint,
            Map<String, String> factors, Instant lastPacketAt, Instant createdAt) {
    }

    /** A stored alert with its logger. */
    public record Alert(long id, String mn, String uscc, String policy, String factor, LocalDateTime windowStart,
            LocalDateTime windowEnd, String detail, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    QualityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Subject> loggers() {
        return jdbc.sql("""
                select id, mn, uscc, region_path, equipment_code, monitoring_point, last_packet_at, created_at
                from telemetry_logger order by id""")
                .query((rs, i) -> new Subject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), factors(rs.getLong(1)),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()))
                .list();
    }

    private Map<String, String> factors(long id) {
        Map<String, String> m = new LinkedHashMap<>();
        jdbc.sql("select factor, metric from telemetry_logger_factor where logger_id = :id").param("id", id)
                .query(rs -> {
                    m.put(rs.getString(1), rs.getString(2));
                });
        return m;
    }

    /** A logger's data packets that arrived from {@code from} (inclusive) to {@code to} (exclusive), in arrival order, with their values. */
    List<LoggerWindow.Packet> packets(long loggerId, Instant from, Instant to, java.time.ZoneId zone) {
        Map<Long, LoggerWindow.Packet> packets = new LinkedHashMap<>();
        jdbc.sql("""
                select p.id, p.qn, p.data_time, p.received_at, p.cn, v.factor, coalesce(v.avg, v.rtd), v.flag
                from telemetry_packet p left join telemetry_value v on v.packet_id = p.id
                where p.logger_id = :logger and p.received_at >= :from and p.received_at < :to
                  and p.data_time is not null
                order by p.received_at, p.id""")
                .param("logger", loggerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(rs -> {
                    LoggerWindow.Packet p = packets.computeIfAbsent(rs.getLong(1), id -> {
                        try {
                            return new LoggerWindow.Packet(rs.getString(2), rs.getTimestamp(3).toLocalDateTime(),
                                    LocalDateTime.ofInstant(rs.getTimestamp(4).toInstant(), zone), rs.getString(5),
                                    new LinkedHashMap<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    if (rs.getString(6) != null) {
                        String flag = rs.getString(8);
                        p.values().put(rs.getString(6), new LoggerWindow.Reading((Double) rs.getObject(7),
                                flag == null ? null : flag.strip()));
                    }
                });
        return List.copyOf(packets.values());
    }

    /** Minutes from {@code from} (inclusive) to {@code to} (exclusive) with valid minute data; -1 when the logger sent no minute data then at all. */
    long validMinutes(long loggerId, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                select case when count(*) = 0 then -1 else count(distinct date_trunc('minute', p.data_time))
                    filter (where exists (select 1 from telemetry_value v where v.packet_id = p.id and v.flag = 'N'))
                    end
                from telemetry_packet p where p.logger_id = :logger and p.cn = '2051'
                  and p.data_time >= :from and p.data_time < :to""")
                .param("logger", loggerId).param("from", Timestamp.valueOf(from)).param("to", Timestamp.valueOf(to))
                .query(Long.class).single();
    }

    /** Stores an alert unless the same one (logger, policy, factor, start) is there; its id when new. */
    Optional<Long> insert(long loggerId, LoggerWindow.Finding f, String regionPath, Instant at) {
        return jdbc.sql("""
                insert into telemetry_quality_alert (logger_id, policy, factor, window_start, window_end, detail,
                    region_path, created_at)
                values (:logger, :policy, :factor, :start, :end, :detail, :path, :at)
                on conflict (logger_id, policy, factor, window_start) do update set window_end = excluded.window_end,
                    detail = excluded.detail where telemetry_quality_alert.window_end < excluded.window_end
                returning id, (xmax = 0) as inserted""")
                .param("logger", loggerId).param("policy", f.policy()).param("factor", f.factor() == null ? "" : f.factor())
                .param("start", Timestamp.valueOf(f.start())).param("end", Timestamp.valueOf(f.end()))
                .param("detail", f.detail()).param("path", regionPath).param("at", Timestamp.from(at))
                .query((rs, i) -> rs.getBoolean(2) ? rs.getLong(1) : null).optional();
    }

    /** Environment departments (生态环境局) of the region path's regions. */
    List<String> environmentDepartments(String regionPath) {
        List<String> codes = java.util.Arrays.stream(regionPath.split("/")).filter(s -> !s.isBlank()).toList();
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select code from department where active and region_code in (:codes) and code like '%-STHJJ' "
                + "order by code").param("codes", codes).query(String.class).list();
    }

    /** Alerts in the caller's scope, newest first. */
    public List<Alert> alerts(DataScope scope, String mn, int limit) {
        SqlPredicate where = scope.predicate("a.region_path", null, "l.uscc");
        return jdbc.sql("""
                select a.id, l.mn, l.uscc, a.policy, a.factor, a.window_start, a.window_end, a.detail, a.created_at
                from telemetry_quality_alert a join telemetry_logger l on l.id = a.logger_id
                """ + " where " + where.sql() + (mn == null ? "" : " and l.mn = :mn")
                + " order by a.created_at desc, a.id desc limit :limit")
                .params(where.params()).param("mn", mn).param("limit", limit)
                .query((rs, i) -> new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toLocalDateTime(), rs.getTimestamp(7).toLocalDateTime(),
                        rs.getString(8), rs.getTimestamp(9).toInstant()))
                .list();
    }

    public Optional<Alert> alert(DataScope scope, long id) {
        SqlPredicate where = scope.predicate("a.region_path", null, "l.uscc");
        return jdbc.sql("""
                select a.id, l.mn, l.uscc, a.policy, a.factor, a.window_start, a.window_end, a.detail, a.created_at
                from telemetry_quality_alert a join telemetry_logger l on l.id = a.logger_id
                """ + " where a.id = :id and " + where.sql())
                .params(where.params()).param("id", id)
                .query((rs, i) -> new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toLocalDateTime(), rs.getTimestamp(7).toLocalDateTime(),
                        rs.getString(8), rs.getTimestamp(9).toInstant()))
                .optional();
    }
}
