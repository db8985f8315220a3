package org.capgov.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.capgov.shared.Actors;
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
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(Clock clock, JdbcClient jdbc, JsonMapper json) {
        this.clock = clock;
        this.jdbc = jdbc;
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
     * Many entries of one actor in one statement, in the order given (a run that changes thousands of rows at once,
     * e.g. the power-use watch raising its leads). Each is an entry of its own waiting to be sealed, exactly as if
     * recorded one by one: the sealer chains them in id order, so the chain is the same.
     */
    @Transactional
    public void recordAll(java.util.List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int n = events.size();
        String[] actions = new String[n];
        String[] types = new String[n];
        String[] ids = new String[n];
        String[] paths = new String[n];
        String[] summaries = new String[n];
        String[] befores = new String[n];
        String[] afters = new String[n];
        for (int i = 0; i < n; i++) {
            AuditEvent e = events.get(i);
            actions[i] = e.action().name();
            types[i] = e.entityType();
            ids[i] = e.entityId();
            paths[i] = e.regionPath();
            summaries[i] = e.summary();
            befores[i] = toJson(e.before());
            afters[i] = toJson(e.after());
        }
        jdbc.sql("""
                with e as (
                    insert into audit_entry (id, recorded_at, actor, actor_ip, action, entity_type, entity_id,
                                             region_path, summary, before_state, after_state)
                    select nextval('audit_entry_seq'), :at, :actor, :ip, a, t, i, p, s, b, f
                    from unnest(cast(:actions as text[]), cast(:types as text[]), cast(:ids as text[]),
                                cast(:paths as text[]), cast(:summaries as text[]), cast(:befores as text[]),
                                cast(:afters as text[])) with ordinality as u(a, t, i, p, s, b, f, n)
                    order by n
                    returning id)
                insert into audit_pending (entry_id) select id from e
                """)
                .param("at", Timestamp.from(now)).param("actor", Actors.username())
                .param("ip", Actors.remoteAddress().orElse(null)).param("actions", actions).param("types", types)
                .param("ids", ids).param("paths", paths).param("summaries", summaries).param("befores", befores)
                .param("afters", afters).update();
    }

    /** One statement: the entry and its place on the list of entries waiting to be sealed. */
    private void append(String actor, String actorIp, AuditEvent event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                with e as (
                    insert into audit_entry (id, recorded_at, actor, actor_ip, action, entity_type, entity_id,
                                             region_path, summary, before_state, after_state)
                    values (nextval('audit_entry_seq'), :at, :actor, :ip, :action, :type, :entityId, :path, :summary,
                            :before, :after)
                    returning id)
                insert into audit_pending (entry_id) select id from e
                """)
                .param("at", Timestamp.from(now)).param("actor", actor).param("ip", actorIp)
                .param("action", event.action().name()).param("type", event.entityType())
                .param("entityId", event.entityId()).param("path", event.regionPath()).param("summary", event.summary())
                .param("before", toJson(event.before())).param("after", toJson(event.after()))
                .update();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
