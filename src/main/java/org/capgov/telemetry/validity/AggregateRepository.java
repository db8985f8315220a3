package org.capgov.telemetry.validity;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Hourly and daily values (telemetry_aggregate, V80) and what they are computed from. */
@Repository
public class AggregateRepository {

    /** A logger and the start of a period to average. */
    record Due(long loggerId, LocalDateTime start) {
    }

    /** One stored value of a packet, with what averaging needs. */
    record Row(long packetId, String factor, String metric, String cn, LocalDateTime dataTime, Double value,
            String flag) {
    }

    /** The packets of an hour as the batch audit names them. */
    record PacketHash(String qn, String sha256) {
    }

    /** A logger as averaging needs it. */
    record LoggerRef(long id, String mn, String uscc, String regionPath, String equipmentCode, String monitoringPoint) {
    }

    /** A stored hourly or daily value. */
    public record Aggregate(String factor, String metric, String period, LocalDateTime start, Double mean, String unit,
            int validCount, int invalidCount, String excluded, boolean valid, Long measurementId, int revision) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;

    AggregateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Hours with minute or hourly data that ended before {@code before} and have not been averaged. */
    List<Due> dueHours(LocalDateTime before) {
        return jdbc.sql("""
                select distinct p.logger_id, date_trunc('hour', p.data_time) as h from telemetry_packet p
                where p.cn in ('2051', '2061') and p.data_time < :before
                  and date_trunc('hour', p.data_time) + interval '1 hour' <= :before
                  and not exists (select 1 from telemetry_aggregate a where a.logger_id = p.logger_id
                      and a.period = 'HOUR' and a.period_start = date_trunc('hour', p.data_time))
                order by 1, 2""").param("before", Timestamp.valueOf(before))
                .query((rs, i) -> new Due(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime())).list();
    }

    /** Days with hourly values that ended before {@code before} and have not been averaged. */
    List<Due> dueDays(LocalDateTime before) {
        return jdbc.sql("""
                select distinct a.logger_id, date_trunc('day', a.period_start) as d from telemetry_aggregate a
                where a.period = 'HOUR' and date_trunc('day', a.period_start) + interval '1 day' <= :before
                  and not exists (select 1 from telemetry_aggregate b where b.logger_id = a.logger_id
                      and b.period = 'DAY' and b.period_start = date_trunc('day', a.period_start))
                order by 1, 2""").param("before", Timestamp.valueOf(before))
                .query((rs, i) -> new Due(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime())).list();
    }

    LoggerRef logger(long id) {
        return jdbc.sql("""
                select id, mn, uscc, region_path, equipment_code, monitoring_point from telemetry_logger where id = :id""")
                .param("id", id).query((rs, i) -> new LoggerRef(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))).single();
    }

    /** Minute (2051) and hourly (2061) values of a logger with a data time from {@code from} (inclusive) to {@code to} (exclusive). */
    List<Row> values(long loggerId, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                select p.id, v.factor, v.metric, p.cn, p.data_time, coalesce(v.avg, v.rtd), v.flag
                from telemetry_value v join telemetry_packet p on p.id = v.packet_id
                where p.logger_id = :logger and p.cn in ('2051', '2061') and p.data_time >= :from and p.data_time < :to
                order by v.factor, p.data_time""")
                .param("logger", loggerId).param("from", Timestamp.valueOf(from)).param("to", Timestamp.valueOf(to))
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toLocalDateTime(), (Double) rs.getObject(6), trim(rs.getString(7))))
                .list();
    }

    List<PacketHash> packetHashes(long loggerId, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                select qn, raw_sha256 from telemetry_packet
                where logger_id = :logger and cn in ('2051', '2061') and data_time >= :from and data_time < :to
                order by qn""")
                .param("logger", loggerId).param("from", Timestamp.valueOf(from)).param("to", Timestamp.valueOf(to))
                .query((rs, i) -> new PacketHash(rs.getString(1), rs.getString(2))).list();
    }

    /**
     * Stores an hourly or daily value computed from {@code packets} packets (hours; null for days); a value computed
     * again (late packets) replaces the stored one and counts a revision, keeping its measurement link.
     */
    void insert(long loggerId, String factor, String metric, String period, LocalDateTime start, Averaging.Mean m,
            String unit, Integer packets, Instant at) {
        jdbc.sql("""
                insert into telemetry_aggregate (logger_id, factor, metric, period, period_start, mean, unit, valid_count,
                    invalid_count, excluded, valid, computed_at, packets)
                values (:logger, :factor, :metric, :period, :start, :mean, :unit, :validCount, :invalidCount,
                    cast(:excluded as jsonb), :valid, :at, :packets)
                on conflict (logger_id, factor, period, period_start) do update set mean = excluded.mean,
                    unit = excluded.unit, valid_count = excluded.valid_count, invalid_count = excluded.invalid_count,
                    excluded = excluded.excluded, valid = excluded.valid, computed_at = excluded.computed_at,
                    packets = excluded.packets, revision = telemetry_aggregate.revision + 1""")
                .param("packets", packets)
                .param("logger", loggerId).param("factor", factor).param("metric", metric).param("period", period)
                .param("start", Timestamp.valueOf(start)).param("mean", m.mean()).param("unit", unit)
                .param("validCount", m.validCount()).param("invalidCount", m.invalidCount())
                .param("excluded", JSON.writeValueAsString(m.excluded())).param("valid", m.valid())
                .param("at", Timestamp.from(at)).update();
    }

    /**
     * Hours already averaged whose packets now outnumber those they were computed from: a packet arrived late. Only
     * hours with a packet received since {@code since} are looked at (the BRIN index of V175).
     */
    List<Due> lateHours(Instant since) {
        return jdbc.sql("""
                with recent as (
                    select distinct p.logger_id, date_trunc('hour', p.data_time) as h from telemetry_packet p
                    where p.received_at >= :since and p.cn in ('2051', '2061') and p.data_time is not null)
                select r.logger_id, r.h from recent r
                join lateral (select max(a.packets) as packets from telemetry_aggregate a where a.logger_id = r.logger_id
                    and a.period = 'HOUR' and a.period_start = r.h) a on a.packets is not null
                where (select count(*) from telemetry_packet p where p.logger_id = r.logger_id and p.cn in ('2051', '2061')
                        and p.data_time >= r.h and p.data_time < r.h + interval '1 hour'
                        and exists (select 1 from telemetry_value v where v.packet_id = p.id)) > a.packets
                order by 1, 2""").param("since", Timestamp.from(since))
                .query((rs, i) -> new Due(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime())).list();
    }

    /** Whether the day of a logger was averaged already (so that a revised hour revises it too). */
    boolean hasDay(long loggerId, LocalDateTime dayStart) {
        return jdbc.sql("""
                select count(*) from telemetry_aggregate where logger_id = :logger and period = 'DAY'
                  and period_start = :start""").param("logger", loggerId).param("start", Timestamp.valueOf(dayStart))
                .query(Long.class).single() > 0;
    }

    /** The measurement an hourly or daily value of a factor was fed as; null when none. */
    Long measurementOf(long loggerId, String factor, String period, LocalDateTime start) {
        return jdbc.sql("""
                select measurement_id from telemetry_aggregate where logger_id = :logger and factor = :factor
                  and period = :period and period_start = :start""")
                .param("logger", loggerId).param("factor", factor).param("period", period)
                .param("start", Timestamp.valueOf(start)).query((rs, i) -> (Long) rs.getObject(1)).optional()
                .orElse(null);
    }

    void linkMeasurement(long loggerId, String factor, String period, LocalDateTime start, long measurementId) {
        jdbc.sql("""
                update telemetry_aggregate set measurement_id = :m
                where logger_id = :logger and factor = :factor and period = :period and period_start = :start""")
                .param("m", measurementId).param("logger", loggerId).param("factor", factor).param("period", period)
                .param("start", Timestamp.valueOf(start)).update();
    }

    /** Hourly values of a logger's day, per factor, for the daily mean. */
    List<Aggregate> hours(long loggerId, LocalDateTime dayStart) {
        return list(loggerId, "HOUR", dayStart, dayStart.plusDays(1));
    }

    /** A logger's stored values of one period kind from {@code from} (inclusive) to {@code to} (exclusive), by factor and time. */
    public List<Aggregate> list(long loggerId, String period, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                select factor, metric, period, period_start, mean, unit, valid_count, invalid_count, excluded::text,
                    valid, measurement_id, revision
                from telemetry_aggregate where logger_id = :logger and period = :period
                  and period_start >= :from and period_start < :to order by factor, period_start""")
                .param("logger", loggerId).param("period", period).param("from", Timestamp.valueOf(from))
                .param("to", Timestamp.valueOf(to))
                .query((rs, i) -> new Aggregate(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toLocalDateTime(), (Double) rs.getObject(5), rs.getString(6), rs.getInt(7),
                        rs.getInt(8), rs.getString(9), rs.getBoolean(10), (Long) rs.getObject(11), rs.getInt(12)))
                .list();
    }

    static Map<String, Integer> noExclusions() {
        return Map.of();
    }

    private static String trim(String flag) {
        return flag == null ? null : flag.strip();
    }
}
