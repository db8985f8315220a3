package org.capgov.telemetry.gateway;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.capgov.shared.CopyText;
import org.capgov.telemetry.protocol.FactorValue;
import org.capgov.telemetry.protocol.Hj212Packet;
import org.capgov.telemetry.protocol.Tolerance;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The fast path of the group commit (docs/reference/hj212.md §11): a batch's packets and values written with two COPY
 * streams, their ids drawn from the packets' sequence in one statement. COPY has no {@code on conflict}: a packet sent
 * before makes it fail with a unique violation, and {@link PacketBatchStore} then writes the batch again by the
 * statement path, which skips what is stored. So a QN is stored once either way.
 */
final class PacketCopy {

    /** SQLSTATE of a unique violation. */
    static final String UNIQUE_VIOLATION = "23505";

    private static final String IDS = """
            select nextval(pg_get_serial_sequence('telemetry_packet', 'id')) from generate_series(1, ?)""";
    private static final String COPY_PACKETS = """
            copy telemetry_packet (id, logger_id, qn, cn, data_time, received_at, remote, raw, raw_sha256, tolerated)
            from stdin""";
    private static final String COPY_VALUES = """
            copy telemetry_value (packet_id, factor, metric, rtd, avg, min, max, cou, flag) from stdin""";

    private PacketCopy() {
    }

    /** Writes every packet of {@code unique} (no two with one key) with its values; the id of each by its key. */
    static Map<String, Long> write(Connection c, Collection<PacketBatchStore.Pending> unique, Instant now)
            throws SQLException {
        long[] ids = ids(c, unique.size());
        Map<String, Long> inserted = new HashMap<>(unique.size() * 2);
        StringBuilder packets = new StringBuilder(unique.size() * 400);
        StringBuilder values = new StringBuilder(unique.size() * 200);
        String received = now.toString();
        int i = 0;
        for (PacketBatchStore.Pending p : unique) {
            Hj212Packet packet = p.packet();
            String id = Long.toString(ids[i]);
            inserted.put(p.key(), ids[i]);
            i++;
            packets.append(id).append('\t').append(p.logger().id()).append('\t');
            CopyText.field(packets, packet.qn()).append('\t');
            CopyText.field(packets, packet.cn()).append('\t');
            CopyText.field(packets, packet.dataTime() == null ? null : packet.dataTime().toString()).append('\t')
                    .append(received).append('\t');
            CopyText.field(packets, p.remote()).append('\t');
            CopyText.field(packets, packet.segment()).append('\t')
                    .append(PacketIngest.sha256(packet.segment())).append('\t');
            tolerated(packets, p).append('\n');
            Map<String, String> metrics = p.logger().factors();
            for (FactorValue v : packet.factors()) {
                values.append(id).append('\t');
                CopyText.field(values, v.code()).append('\t');
                CopyText.field(values, metrics.get(v.code())).append('\t');
                number(values, v.rtd()).append('\t');
                number(values, v.avg()).append('\t');
                number(values, v.min()).append('\t');
                number(values, v.max()).append('\t');
                number(values, v.cou()).append('\t');
                if (v.flag() == null) {
                    values.append(CopyText.NULL);
                } else {
                    CopyText.field(values, String.valueOf(v.flag().charValue()));
                }
                values.append('\n');
            }
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        copy(pg, COPY_PACKETS, packets);
        if (!values.isEmpty()) {
            copy(pg, COPY_VALUES, values);
        }
        return inserted;
    }

    private static long[] ids(Connection c, int n) throws SQLException {
        long[] ids = new long[n];
        try (PreparedStatement s = c.prepareStatement(IDS)) {
            s.setInt(1, n);
            try (ResultSet rs = s.executeQuery()) {
                for (int i = 0; i < n && rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    private static void copy(PGConnection pg, String sql, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn in = pg.getCopyAPI().copyIn(sql);
        try {
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** A double as float8 input reads it back exactly ({@link Double#toString} is the shortest exact form). */
    private static StringBuilder number(StringBuilder out, Double v) {
        return v == null ? out.append(CopyText.NULL) : out.append(v.doubleValue());
    }

    /** The tolerances a packet needed, as an array literal in name order ({@code {}} for none). */
    private static StringBuilder tolerated(StringBuilder out, PacketBatchStore.Pending p) {
        if (p.tolerated().isEmpty()) {
            return out.append("{}");
        }
        return out.append('{').append(String.join(",", p.tolerated().stream().map(Tolerance::name).sorted().toList()))
                .append('}');
    }
}
