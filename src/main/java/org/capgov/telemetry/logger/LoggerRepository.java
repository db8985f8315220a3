package org.capgov.telemetry.logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loggers, their factor mapping, packets and values in PostgreSQL (V58). */
@Repository
public class LoggerRepository {

    /** What the gateway needs of a logger to admit a packet. */
    public record Admission(long id, String mn, byte[] salt, byte[] hash, Map<String, String> factors) {
        public boolean passwordMatches(String pw) {
            return LoggerCredentials.matches(salt, hash, pw);
        }
    }

    /** One stored value with its packet, for GET …/values. */
    public record StoredValue(String qn, LocalDateTime dataTime, String factor, String metric, Double rtd, Double avg,
            Double min, Double max, String flag) {
    }

    private final JdbcClient jdbc;

    LoggerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String mn) {
        return jdbc.sql("select count(*) from telemetry_logger where mn = :mn").param("mn", mn).query(Long.class)
                .single() > 0;
    }

    long insert(LoggerRegistration r, byte[] salt, byte[] hash, long enterpriseId, String regionPath, String by) {
        long id = jdbc.sql("""
                insert into telemetry_logger (mn, password_salt, password_hash, st, enterprise_id, uscc, region_path,
                    equipment_code, monitoring_point, created_by)
                values (:mn, :salt, :hash, :st, :enterprise, :uscc, :path, :equipment, :point, :by) returning id""")
                .param("mn", r.mn()).param("salt", salt).param("hash", hash).param("st", r.st())
                .param("enterprise", enterpriseId).param("uscc", r.uscc()).param("path", regionPath)
                .param("equipment", r.equipmentRef()).param("point", r.monitoringPoint()).param("by", by)
                .query(Long.class).single();
        r.factors().forEach((factor, metric) -> jdbc.sql(
                "insert into telemetry_logger_factor (logger_id, factor, metric) values (:id, :factor, :metric)")
                .param("id", id).param("factor", factor).param("metric", metric).update());
        return id;
    }

    Optional<Logger> find(String mn) {
        return jdbc.sql("""
                select id, mn, st, protocol, uscc, equipment_code, monitoring_point, created_at
                from telemetry_logger where mn = :mn""").param("mn", mn)
                .query((rs, i) -> new Logger(rs.getString("mn"), rs.getString("st"), rs.getString("protocol"),
                        rs.getString("uscc"), rs.getString("equipment_code"), rs.getString("monitoring_point"),
                        factors(rs.getLong("id")), rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** The logger with its credentials and mapping, for the gateway. */
    public Optional<Admission> admission(String mn) {
        return jdbc.sql("select id, mn, password_salt, password_hash from telemetry_logger where mn = :mn")
                .param("mn", mn)
                .query((rs, i) -> new Admission(rs.getLong("id"), rs.getString("mn"), rs.getBytes("password_salt"),
                        rs.getBytes("password_hash"), factors(rs.getLong("id"))))
                .optional();
    }

    private Map<String, String> factors(long loggerId) {
        Map<String, String> m = new LinkedHashMap<>();
        jdbc.sql("select factor, metric from telemetry_logger_factor where logger_id = :id order by factor")
                .param("id", loggerId).query(rs -> {
                    m.put(rs.getString(1), rs.getString(2));
                });
        return m;
    }

    /** Stores a packet unless the logger already sent this QN; the new packet's id, or empty for a retransmission. */
    public Optional<Long> insertPacket(long loggerId, String qn, String cn, LocalDateTime dataTime, Instant receivedAt,
            String remote, String raw) {
        return jdbc.sql("""
                insert into telemetry_packet (logger_id, qn, cn, data_time, received_at, remote, raw)
                values (:logger, :qn, :cn, :dataTime, :at, :remote, :raw)
                on conflict (logger_id, qn) do nothing returning id""")
                .param("logger", loggerId).param("qn", qn).param("cn", cn)
                .param("dataTime", dataTime == null ? null : Timestamp.valueOf(dataTime))
                .param("at", Timestamp.from(receivedAt)).param("remote", remote).param("raw", raw)
                .query(Long.class).optional();
    }

    public void insertValue(long packetId, String factor, String metric, Double rtd, Double avg, Double min, Double max,
            Double cou, Character flag) {
        jdbc.sql("""
                insert into telemetry_value (packet_id, factor, metric, rtd, avg, min, max, cou, flag)
                values (:packet, :factor, :metric, :rtd, :avg, :min, :max, :cou, :flag)""")
                .param("packet", packetId).param("factor", factor).param("metric", metric).param("rtd", rtd)
                .param("avg", avg).param("min", min).param("max", max).param("cou", cou)
                .param("flag", flag == null ? null : flag.toString()).update();
    }

    /**
     * Values of a logger's packets with a data time from {@code from} (included) to {@code to} (excluded), in
     * data-time and factor order.
     */
    List<StoredValue> values(String mn, LocalDateTime from, LocalDateTime to, int limit) {
        return jdbc.sql("""
                select p.qn, p.data_time, v.factor, v.metric, v.rtd, v.avg, v.min, v.max, v.flag
                from telemetry_value v join telemetry_packet p on p.id = v.packet_id
                join telemetry_logger l on l.id = p.logger_id
                where l.mn = :mn and p.data_time >= :from and p.data_time < :to
                order by p.data_time, p.qn, v.factor limit :limit""")
                .param("mn", mn).param("from", Timestamp.valueOf(from)).param("to", Timestamp.valueOf(to))
                .param("limit", limit)
                .query((rs, i) -> new StoredValue(rs.getString(1), rs.getTimestamp(2).toLocalDateTime(), rs.getString(3),
                        rs.getString(4), (Double) rs.getObject(5), (Double) rs.getObject(6), (Double) rs.getObject(7),
                        (Double) rs.getObject(8), rs.getString(9)))
                .list();
    }
}
