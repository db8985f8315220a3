package org.capgov.telemetry.gateway;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.telemetry.logger.LoggerRepository;
import org.capgov.telemetry.protocol.FactorValue;
import org.capgov.telemetry.protocol.Hj212Packet;
import org.capgov.telemetry.protocol.Tolerance;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a batch of admitted data packets with all their values in one transaction, by COPY ({@link PacketCopy}) or a
 * few statements for the whole batch (group commit, docs/benchmarks.md "Durable ingest"): the gateway acknowledges each
 * packet only after this has returned, so an acknowledged packet is committed, and a packet is stored with all its
 * values or not at all. A QN a logger already sent (before or within the batch) is not stored again. Rows are written
 * in logger and QN order, so that two writers lock in the same order.
 */
@Component
class PacketBatchStore {

    /** One packet waiting for its commit. */
    record Pending(LoggerRepository.Admission logger, Hj212Packet packet, String remote, Set<Tolerance> tolerated) {
        String key() {
            return logger.id() + "|" + packet.qn();
        }
    }

    private static final String INSERT_PACKETS = """
            insert into telemetry_packet (logger_id, qn, cn, data_time, received_at, remote, raw, raw_sha256, tolerated)
            select u.logger_id, u.qn, u.cn, u.data_time, ?, u.remote, u.raw, u.sha, cast(u.tolerated as text[])
            from unnest(?::bigint[], ?::text[], ?::text[], ?::timestamp[], ?::text[], ?::text[], ?::text[], ?::text[])
                as u(logger_id, qn, cn, data_time, remote, raw, sha, tolerated)
            on conflict (logger_id, qn) do nothing
            returning id, logger_id, qn""";
    private static final String INSERT_VALUES = """
            insert into telemetry_value (packet_id, factor, metric, rtd, avg, min, max, cou, flag)
            select * from unnest(?::bigint[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],
                ?::float8[], ?::text[])""";
    private static final String SEEN = """
            update telemetry_logger l set last_packet_at = ?,
                last_fault_at = case when u.fault is null then l.last_fault_at else ? end,
                last_fault = coalesce(u.fault, l.last_fault)
            from unnest(?::bigint[], ?::text[]) as u(id, fault) where l.id = u.id""";

    private final JdbcTemplate jdbc;
    private final LoggerRepository loggers;
    private final Clock clock;

    PacketBatchStore(JdbcTemplate jdbc, LoggerRepository loggers, Clock clock) {
        this.jdbc = jdbc;
        this.loggers = loggers;
        this.clock = clock;
    }

    /** Stores the batch; the result says for each pending packet (same order) whether it was new (false: sent before). */
    @Transactional
    public boolean[] store(List<Pending> batch) {
        Instant now = clock.instant();
        // first occurrence of each (logger, QN) in the batch, in lock order
        Map<String, Pending> unique = new LinkedHashMap<>();
        batch.stream().sorted(Comparator.comparingLong((Pending p) -> p.logger().id()).thenComparing(p -> p.packet().qn()))
                .forEach(p -> unique.putIfAbsent(p.key(), p));
        Map<String, Long> inserted = jdbc.execute((ConnectionCallback<Map<String, Long>>) c -> copyOrWrite(c, unique, now));
        Map<Long, String> faults = new java.util.TreeMap<>();
        Map<Long, Map<Tolerance, Integer>> tolerances = new HashMap<>();
        for (Pending p : unique.values()) {
            if (!inserted.containsKey(p.key())) {
                continue;
            }
            String fault = faultOf(p.packet());
            if (fault != null || !faults.containsKey(p.logger().id())) {
                faults.put(p.logger().id(), fault);
            }
            for (Tolerance t : p.tolerated()) {
                tolerances.computeIfAbsent(p.logger().id(), k -> new HashMap<>()).merge(t, 1, Integer::sum);
            }
        }
        if (!faults.isEmpty()) {
            jdbc.execute((ConnectionCallback<Integer>) c -> seen(c, faults, now));
        }
        tolerances.forEach((logger, uses) -> uses.forEach((t, n) -> {
            for (int i = 0; i < n; i++) {
                loggers.countTolerances(logger, Set.of(t), now);
            }
        }));
        boolean[] stored = new boolean[batch.size()];
        Map<String, Boolean> claimed = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            String key = batch.get(i).key();
            // the first of duplicates within the batch is the one stored
            stored[i] = inserted.containsKey(key) && claimed.putIfAbsent(key, true) == null;
        }
        return stored;
    }

    /**
     * COPY first ({@link PacketCopy}); when a packet of the batch was stored before (a unique violation), the batch is
     * written again from the savepoint by the statement path, which stores only the new ones.
     */
    private Map<String, Long> copyOrWrite(Connection c, Map<String, Pending> unique, Instant now) throws SQLException {
        Savepoint before = c.setSavepoint();
        try {
            Map<String, Long> inserted = PacketCopy.write(c, unique.values(), now);
            c.releaseSavepoint(before);
            return inserted;
        } catch (SQLException e) {
            if (!PacketCopy.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(before);
            return write(c, unique, now);
        }
    }

    private Map<String, Long> write(Connection c, Map<String, Pending> unique, Instant now) throws SQLException {
        int n = unique.size();
        Long[] logger = new Long[n];
        String[] qn = new String[n];
        String[] cn = new String[n];
        Timestamp[] dataTime = new Timestamp[n];
        String[] remote = new String[n];
        String[] raw = new String[n];
        String[] sha = new String[n];
        String[] tolerated = new String[n];
        int i = 0;
        for (Pending p : unique.values()) {
            Hj212Packet packet = p.packet();
            logger[i] = p.logger().id();
            qn[i] = packet.qn();
            cn[i] = packet.cn();
            dataTime[i] = packet.dataTime() == null ? null : Timestamp.valueOf(packet.dataTime());
            remote[i] = p.remote();
            raw[i] = packet.segment();
            sha[i] = PacketIngest.sha256(packet.segment());
            tolerated[i] = "{" + String.join(",", p.tolerated().stream().map(Enum::name).sorted().toList()) + "}";
            i++;
        }
        Map<String, Long> inserted = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(INSERT_PACKETS)) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setArray(2, c.createArrayOf("bigint", logger));
            s.setArray(3, c.createArrayOf("text", qn));
            s.setArray(4, c.createArrayOf("text", cn));
            s.setArray(5, c.createArrayOf("timestamp", dataTime));
            s.setArray(6, c.createArrayOf("text", remote));
            s.setArray(7, c.createArrayOf("text", raw));
            s.setArray(8, c.createArrayOf("text", sha));
            s.setArray(9, c.createArrayOf("text", tolerated));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inserted.put(rs.getLong(2) + "|" + rs.getString(3), rs.getLong(1));
                }
            }
        }
        List<Object[]> values = new ArrayList<>();
        for (Pending p : unique.values()) {
            Long id = inserted.get(p.key());
            if (id == null) {
                continue;
            }
            for (FactorValue v : p.packet().factors()) {
                values.add(new Object[] {id, v.code(), p.logger().factors().get(v.code()), v.rtd(), v.avg(), v.min(),
                    v.max(), v.cou(), v.flag() == null ? null : v.flag().toString()});
            }
        }
        if (!values.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(INSERT_VALUES)) {
                String[] types = {"bigint", "text", "text", "float8", "float8", "float8", "float8", "float8", "text"};
                for (int col = 0; col < types.length; col++) {
                    Object[] column = col == 0 ? new Long[values.size()] : col <= 2 || col == 8
                            ? new String[values.size()] : new Double[values.size()];
                    for (int row = 0; row < values.size(); row++) {
                        column[row] = values.get(row)[col];
                    }
                    s.setArray(col + 1, c.createArrayOf(types[col], column));
                }
                s.executeUpdate();
            }
        }
        return inserted;
    }

    private static int seen(Connection c, Map<Long, String> faults, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SEEN)) {
            Timestamp at = Timestamp.from(now);
            s.setTimestamp(1, at);
            s.setTimestamp(2, at);
            Array ids = c.createArrayOf("bigint", faults.keySet().toArray(new Long[0]));
            s.setArray(3, ids);
            s.setArray(4, c.createArrayOf("text", faults.values().toArray(new String[0])));
            return s.executeUpdate();
        }
    }

    /** A D (fault) or B (link fault) flag on any value puts the logger in fault, as PacketIngest does. */
    private static String faultOf(Hj212Packet p) {
        String fault = null;
        for (FactorValue v : p.factors()) {
            if (v.flag() != null && (v.flag() == 'D' || v.flag() == 'B')) {
                fault = "FLAG_" + v.flag();
            }
        }
        return fault;
    }
}
