package org.capgov.telemetry.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the online monitoring pages read, always within the caller's data scope (region subtree, own enterprise). */
@Repository
class TelemetryPageRepository {

    /** A logger row of the registry and overview pages. */
    record Row(long id, String mn, String uscc, String enterprise, String regionName, String regionCode,
            String monitoringPoint, String equipmentCode, String tolerances, String factors, Instant lastPacketAt,
            Instant lastFaultAt, String lastFault, String protocol) {
    }

    /** A packet of the live view with its values. */
    record PacketRow(long id, String qn, String cn, LocalDateTime dataTime, Instant receivedAt, String raw,
            String rawSha256, String values) {
    }

    /** One point of a chart. */
    record Point(LocalDateTime time, Double value, String flag) {
    }

    private final JdbcClient jdbc;

    TelemetryPageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String ROW = """
            select l.id, l.mn, l.uscc, e.name, r.name, r.code, l.monitoring_point, l.equipment_code,
                array_to_string(l.tolerances, ','),
                (select string_agg(f.factor || '=' || f.metric, ',' order by f.factor) from telemetry_logger_factor f
                 where f.logger_id = l.id),
                l.last_packet_at, l.last_fault_at, l.last_fault, l.protocol
            from telemetry_logger l join enterprise e on e.id = l.enterprise_id join region r on r.code = e.region_code
            """;

    List<Row> loggers(DataScope scope, String mn) {
        SqlPredicate where = scope.predicate("l.region_path", null, "l.uscc");
        return jdbc.sql(ROW + " where " + where.sql() + (mn == null ? "" : " and l.mn = :mn") + " order by r.code, l.mn")
                .params(where.params()).param("mn", mn)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), rs.getString(13),
                        rs.getString(14)))
                .list();
    }

    /** The loggers of one enterprise within the caller's scope. */
    List<Row> loggersOf(DataScope scope, String uscc) {
        SqlPredicate where = scope.predicate("l.region_path", null, "l.uscc");
        return jdbc.sql(ROW + " where " + where.sql() + " and l.uscc = :uscc order by l.mn")
                .params(where.params()).param("uscc", uscc)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), rs.getString(13),
                        rs.getString(14)))
                .list();
    }

    List<PacketRow> lastPackets(long loggerId, int limit) {
        return jdbc.sql("""
                select p.id, p.qn, p.cn, p.data_time, p.received_at, p.raw, p.raw_sha256,
                    (select string_agg(v.factor || '=' || coalesce(coalesce(v.avg, v.rtd)::text, '') || ' '
                        || coalesce(v.flag, '-'), ';' order by v.factor) from telemetry_value v where v.packet_id = p.id)
                from telemetry_packet p where p.logger_id = :logger order by p.received_at desc, p.id desc limit :limit""")
                .param("logger", loggerId).param("limit", limit).query(this::packet).list();
    }

    /** Raw packets of a logger with a data time from {@code from} (inclusive) to {@code to} (exclusive), the evidence behind an hourly or daily value. */
    List<PacketRow> packets(long loggerId, LocalDateTime from, LocalDateTime to, int limit) {
        return jdbc.sql("""
                select p.id, p.qn, p.cn, p.data_time, p.received_at, p.raw, p.raw_sha256, null
                from telemetry_packet p where p.logger_id = :logger and p.data_time >= :from and p.data_time < :to
                order by p.data_time, p.qn limit :limit""")
                .param("logger", loggerId).param("from", Timestamp.valueOf(from)).param("to", Timestamp.valueOf(to))
                .param("limit", limit).query(this::packet).list();
    }

    private PacketRow packet(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new PacketRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toLocalDateTime(), instant(rs.getTimestamp(5)),
                rs.getString(6), rs.getString(7), rs.getString(8));
    }

    List<Point> series(long loggerId, String factor, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                select p.data_time, coalesce(v.avg, v.rtd), v.flag from telemetry_value v
                join telemetry_packet p on p.id = v.packet_id
                where p.logger_id = :logger and v.factor = :factor and p.data_time >= :from and p.data_time < :to
                  and p.cn in ('2011', '2051', '2061')
                order by p.data_time limit 5000""")
                .param("logger", loggerId).param("factor", factor).param("from", Timestamp.valueOf(from))
                .param("to", Timestamp.valueOf(to))
                .query((rs, i) -> new Point(rs.getTimestamp(1).toLocalDateTime(), (Double) rs.getObject(2),
                        rs.getString(3) == null ? null : rs.getString(3).strip()))
                .list();
    }

    /** The latest data time a logger sent, to centre the live chart on its data when the logger is not live. */
    LocalDateTime lastDataTime(long loggerId) {
        return jdbc.sql("select max(data_time) from telemetry_packet where logger_id = :logger").param("logger", loggerId)
                .query((rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toLocalDateTime()).single();
    }

    java.util.Map<String, Long> toleranceUses(long loggerId) {
        java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
        jdbc.sql("select tolerance, uses from telemetry_tolerance_use where logger_id = :id order by tolerance")
                .param("id", loggerId).query(rs -> {
                    m.put(rs.getString(1), rs.getLong(2));
                });
        return m;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
