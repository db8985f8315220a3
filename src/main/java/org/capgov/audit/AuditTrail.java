package org.capgov.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.capgov.shared.Actors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import java.time.Clock;

/**
 * Appends entries to the chain. Runs in the caller's transaction, so a change and its audit entry commit together
 * or not at all. Appends are serialised by a transaction-scoped advisory lock, which keeps the chain linear across
 * several application nodes sharing one database; it is held from the append until the commit, which bounds the
 * rate of audited changes (docs/decisions/audit-chain-throughput.md).
 */
@Service
public class AuditTrail {

    private static final long CHAIN_LOCK = 0x6361706776L; // "capgv"

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditCheckpoint checkpoint;
    private final Clock clock;

    AuditTrail(Clock clock, JdbcClient jdbc, JsonMapper json, AuditCheckpoint checkpoint) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.json = json;
        this.checkpoint = checkpoint;
    }

    @Transactional
    public void record(AuditEvent event) {
        append(Actors.username(), Actors.remoteAddress().orElse(null), event);
    }

    /** For events whose actor is not the logged-in principal (a failed login names the attempted user). */
    @Transactional
    public void recordAs(String actor, String actorIp, AuditEvent event) {
        append(actor, actorIp, event);
    }

    /**
     * Everything that does not depend on the chain's head is done before its lock is taken: the lock is held until the
     * transaction commits, so every statement and computation after it delays every other appender
     * (docs/decisions/audit-chain-throughput.md).
     */
    private void append(String actor, String actorIp, AuditEvent event) {
        String before = toJson(event.before());
        String after = toJson(event.after());
        AuditCheckpoint.AnchorCheck anchor = checkpoint.checkAnchor();
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query().singleRow();
        // a statement of its own after the lock: its snapshot then sees the head the previous holder committed
        Object[] next = jdbc.sql("""
                select nextval('audit_entry_seq'), (select hash from audit_entry order by id desc limit 1)
                """).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long id = (Long) next[0];
        String prev = next[1] == null ? AuditHash.GENESIS : (String) next[1];
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditHash.of(id, now, actor, actorIp, event.action().name(), event.entityType(), event.entityId(),
                event.regionPath(), event.summary(), before, after, prev);
        jdbc.sql("""
                insert into audit_entry (id, recorded_at, actor, actor_ip, action, entity_type, entity_id, region_path,
                                         summary, before_state, after_state, prev_hash, hash)
                values (:id, :at, :actor, :ip, :action, :type, :entityId, :path, :summary, :before, :after, :prev, :hash)
                """)
                .param("id", id).param("at", Timestamp.from(now)).param("actor", actor).param("ip", actorIp)
                .param("action", event.action().name()).param("type", event.entityType())
                .param("entityId", event.entityId()).param("path", event.regionPath()).param("summary", event.summary())
                .param("before", before).param("after", after).param("prev", prev).param("hash", hash)
                .update();
        checkpoint.appended(id, hash, anchor);
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
