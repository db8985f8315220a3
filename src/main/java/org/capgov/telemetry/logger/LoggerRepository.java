package org.capgov.telemetry.logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Arrays;
import java.util.EnumSet;
import org.capgov.telemetry.protocol.Dialect;
import org.capgov.telemetry.protocol.Tolerance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loggers, their factor mapping, packets and values in PostgreSQL (V58); packets are written by the gateway's group commit. */
@Repository
public class LoggerRepository {

    /** What the gateway needs of a logger to admit a packet. */
    public record Admission(long id, String mn, byte[] salt, byte[] hash, Map<String, String> factors,
            Set<Tolerance> tolerances, Dialect dialect, String uscc, String regionPath) {
        public boolean passwordMatches(String pw) {
            return LoggerCredentials.matches(salt, hash, pw);
        }
    }

    /** One stored value with its packet, for GET …/values. */
    public record StoredValue(String qn, LocalDateTime dataTime, String factor, String metric, Double rtd, Double avg,
            Double min, Double max, String flag) {
    }

    /**
     * How long the gateway may use an admission it read before reading it again. Every packet needs one, and a read
     * per packet would cost the ingest two queries; a change made on this node (tolerances) drops it at once, one made
     * on another node is seen within this time.
     */
    private static final long ADMISSION_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private record CachedAdmission(Admission admission, long readAt) {
    }

    private final JdbcClient jdbc;
    private final java.util.concurrent.ConcurrentHashMap<String, CachedAdmission> admissions =
            new java.util.concurrent.ConcurrentHashMap<>();

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
                    equipment_code, monitoring_point, created_by, tolerances, protocol)
                values (:mn, :salt, :hash, :st, :enterprise, :uscc, :path, :equipment, :point, :by,
                    cast(:tolerances as text[]), :protocol) returning id""")
                .param("protocol", r.protocol() == null ? Dialect.HJ212_2017.name() : r.protocol())
                .param("tolerances", pgArray(r.tolerances() == null ? List.of() : r.tolerances().stream().sorted().toList()))
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
                select id, mn, st, protocol, uscc, equipment_code, monitoring_point, created_at, tolerances
                from telemetry_logger where mn = :mn""").param("mn", mn)
                .query((rs, i) -> new Logger(rs.getString("mn"), rs.getString("st"), rs.getString("protocol"),
                        rs.getString("uscc"), rs.getString("equipment_code"), rs.getString("monitoring_point"),
                        factors(rs.getLong("id")), rs.getTimestamp("created_at").toInstant(),
                        tolerances(rs.getArray("tolerances")).stream().map(Enum::name).toList()))
                .optional();
    }

    /** The logger with its credentials and mapping, for the gateway; read again after {@link #ADMISSION_NANOS}. */
    public Optional<Admission> admission(String mn) {
        CachedAdmission cached = admissions.get(mn);
        long now = System.nanoTime();
        if (cached != null && now - cached.readAt() < ADMISSION_NANOS) {
            return Optional.of(cached.admission());
        }
        Optional<Admission> read = readAdmission(mn);
        read.ifPresentOrElse(a -> admissions.put(mn, new CachedAdmission(a, now)), () -> admissions.remove(mn));
        return read;
    }

    private Optional<Admission> readAdmission(String mn) {
        return jdbc.sql("""
                select id, mn, password_salt, password_hash, tolerances, protocol, uscc, region_path
                from telemetry_logger where mn = :mn""")
                .param("mn", mn)
                .query((rs, i) -> new Admission(rs.getLong("id"), rs.getString("mn"), rs.getBytes("password_salt"),
                        rs.getBytes("password_hash"), factors(rs.getLong("id")), tolerances(rs.getArray("tolerances")),
                        Dialect.of(rs.getString("protocol")).orElse(Dialect.HJ212_2017), rs.getString("uscc"),
                        rs.getString("region_path")))
                .optional();
    }

    static Set<Tolerance> tolerances(java.sql.Array array) throws java.sql.SQLException {
        EnumSet<Tolerance> set = EnumSet.noneOf(Tolerance.class);
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                Arrays.stream(Tolerance.values()).filter(t -> t.name().equals(o)).forEach(set::add);
            }
        }
        return set;
    }

    void setTolerances(String mn, Set<Tolerance> tolerances) {
        admissions.remove(mn);
        jdbc.sql("update telemetry_logger set tolerances = cast(:t as text[]) where mn = :mn").param("mn", mn)
                .param("t", pgArray(tolerances.stream().map(Enum::name).sorted().toList())).update();
    }

    static String pgArray(List<String> items) {
        return "{" + String.join(",", items) + "}";
    }

    /** Counts the tolerances a packet needed. */
    public void countTolerances(long loggerId, Set<Tolerance> used, Instant at) {
        for (Tolerance t : used) {
            jdbc.sql("""
                    insert into telemetry_tolerance_use (logger_id, tolerance, uses, last_at) values (:id, :t, 1, :at)
                    on conflict (logger_id, tolerance) do update set uses = telemetry_tolerance_use.uses + 1,
                        last_at = excluded.last_at""")
                    .param("id", loggerId).param("t", t.name()).param("at", Timestamp.from(at)).update();
        }
    }

    /** How often each tolerance of a logger was needed. */
    public Map<String, Long> toleranceUses(long loggerId) {
        Map<String, Long> m = new LinkedHashMap<>();
        jdbc.sql("select tolerance, uses from telemetry_tolerance_use where logger_id = :id order by tolerance")
                .param("id", loggerId).query(rs -> {
                    m.put(rs.getString(1), rs.getLong(2));
                });
        return m;
    }

    /** A packet or heartbeat arrived; {@code fault} names what was wrong with it, null when nothing. */
    public void seen(long loggerId, Instant at, boolean heartbeat, String fault) {
        jdbc.sql("update telemetry_logger set last_packet_at = :at"
                + (heartbeat ? ", last_heartbeat_at = :at" : "")
                + (fault != null ? ", last_fault_at = :at, last_fault = :fault" : "") + " where id = :id")
                .param("at", Timestamp.from(at)).param("fault", fault).param("id", loggerId).update();
    }

    /** A packet that named this MN was refused: the logger is in fault until it sends a good one. */
    public void fault(String mn, Instant at, String fault) {
        jdbc.sql("update telemetry_logger set last_fault_at = :at, last_fault = :fault where mn = :mn")
                .param("at", Timestamp.from(at)).param("fault", fault).param("mn", mn).update();
    }

    private Map<String, String> factors(long loggerId) {
        Map<String, String> m = new LinkedHashMap<>();
        jdbc.sql("select factor, metric from telemetry_logger_factor where logger_id = :id order by factor")
                .param("id", loggerId).query(rs -> {
                    m.put(rs.getString(1), rs.getString(2));
                });
        return m;
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
