package org.capgov.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of an entry ({@code e}) and of its seal ({@code s}, joined left), and their mapping. */
final class AuditRows {

    static final String ENTRY_COLUMNS = """
            e.id, e.recorded_at, e.actor, e.actor_ip, e.action, e.entity_type, e.entity_id, e.region_path, e.summary,
            e.before_state, e.after_state""";

    /** An entry with its seal, if it has one. */
    static final String SEALED_ENTRY = "select " + ENTRY_COLUMNS + """
            , s.position as seal_position, s.prev_hash as seal_prev, s.hash as seal_hash
            from audit_entry e left join audit_seal s on s.entry_id = e.id""";

    private AuditRows() {
    }

    /** An entry as written, without its seal. */
    static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
                rs.getString("actor_ip"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("region_path"), rs.getString("summary"), rs.getString("before_state"),
                rs.getString("after_state"), null, null, null);
    }

    /** An entry with the columns of its seal ({@link #SEALED_ENTRY}), null while it is pending. */
    static AuditEntry sealed(ResultSet rs) throws SQLException {
        long position = rs.getLong("seal_position");
        boolean sealed = !rs.wasNull();
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
                rs.getString("actor_ip"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("region_path"), rs.getString("summary"), rs.getString("before_state"),
                rs.getString("after_state"), rs.getString("seal_prev"), rs.getString("seal_hash"),
                sealed ? position : null);
    }
}
