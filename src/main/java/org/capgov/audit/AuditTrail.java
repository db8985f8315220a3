package org.capgov.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.capgov.shared.Actors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends entries to the trail. Runs in the caller's transaction, so a change and its audit entry commit together
 * or not at all. The entry is written unchained, with no lock, and listed as waiting to be sealed; {@link AuditSealer}
 * chains the committed entries shortly after, one at a time in order. So audited changes no longer queue behind one
 * lock held until each commit, which bounded their rate (docs/decisions/audit-chain-throughput.md).
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(Clock clock, JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
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
     * Several entries of the logged-in actor sent as one batch (one round trip), in the order given: for runs that
     * record an entry per region, so that each lands in that region's scope without a statement each.
     */
    @Transactional
    public void recordAll(java.util.List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        String actor = Actors.username();
        String ip = Actors.remoteAddress().orElse(null);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        batch.batchUpdate(APPEND, events.stream().map(e -> params(now, actor, ip, e))
                .toArray(MapSqlParameterSource[]::new));
    }

    private MapSqlParameterSource params(Instant at, String actor, String actorIp, AuditEvent event) {
        return new MapSqlParameterSource().addValue("at", Timestamp.from(at)).addValue("actor", actor)
                .addValue("ip", actorIp).addValue("action", event.action().name()).addValue("type", event.entityType())
                .addValue("entityId", event.entityId()).addValue("path", event.regionPath())
                .addValue("summary", event.summary()).addValue("before", toJson(event.before()))
                .addValue("after", toJson(event.after()));
    }

    private static final String APPEND = """
            with e as (
                insert into audit_entry (id, recorded_at, actor, actor_ip, action, entity_type, entity_id,
                                         region_path, summary, before_state, after_state)
                values (nextval('audit_entry_seq'), :at, :actor, :ip, :action, :type, :entityId, :path, :summary,
                        :before, :after)
                returning id)
            insert into audit_pending (entry_id) select id from e
            """;

    /** One statement: the entry and its place on the list of entries waiting to be sealed. */
    private void append(String actor, String actorIp, AuditEvent event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql(APPEND).paramSource(params(now, actor, actorIp, event)).update();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
