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
 * several application nodes sharing one database.
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

    private void append(String actor, String actorIp, AuditEvent event) {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query().singleRow();
        String prev = jdbc.sql("select hash from audit_entry order by id desc limit 1").query(String.class).optional()
                .orElse(AuditHash.GENESIS);
        long id = jdbc.sql("select nextval('audit_entry_seq')").query(Long.class).single();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String before = toJson(event.before());
        String after = toJson(event.after());
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
        checkpoint.appended(id, hash);
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
