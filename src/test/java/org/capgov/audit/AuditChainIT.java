package org.capgov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trail is append-only, entries are sealed into the hash chain by the sealer (tests seal on demand), and verify
 * finds every kind of tampering with sealed entries, seals and the waiting list; the pending tail is shown as such.
 */
class AuditChainIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditSealer sealer;
    @Autowired
    AuditReader reader;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestPeople testPeople;
    /** The role that owns the audit trail: only it (or a superuser) can switch the guard off and tamper. */
    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;

    private static final String ENTRY_COLUMNS = """
            id, recorded_at, actor, actor_ip, action, entity_type, entity_id, region_path, summary, before_state,
            after_state, prev_hash, hash""";

    private void record(String entityId) {
        SystemActor.run(() -> trail.record(AuditEvent.created("test", entityId, "/500000/", Map.of("v", entityId))));
    }

    private long id(String entityId) {
        return jdbc.sql("select id from audit_entry where entity_id = :e").param("e", entityId).query(Long.class).single();
    }

    /** Takes the sealer's lock on a connection of its own: entries written meanwhile stay pending until it is closed. */
    private Connection holdSealer() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_xact_lock(" + AuditSealer.SEAL_LOCK + ")");
        }
        return c;
    }

    private static void release(Connection held) throws SQLException {
        held.rollback();
        held.close();
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncate() {
        record("append-only-1");
        sealer.sealNow();
        // the application role holds no right to change the trail or its seals
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'mallory'").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("update audit_seal set sealed_at = now()").update())
                .rootCause().hasMessageContaining("permission denied");
        for (String table : List.of("audit_entry", "audit_seal")) {
            assertThatThrownBy(() -> jdbc.sql("delete from " + table).update()).as(table).rootCause()
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> jdbc.sql("truncate " + table).update()).as(table).rootCause()
                    .hasMessageContaining("permission denied");
        }
        // and even its owner meets the triggers
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        assertThatThrownBy(() -> owner.sql("update audit_entry set actor = 'mallory'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("delete from audit_entry").update()).rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("truncate audit_entry").update()).rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("update audit_seal set sealed_at = now()").update())
                .rootCause().hasMessageContaining("audit_seal is append-only");
        assertThatThrownBy(() -> owner.sql("delete from audit_seal").update()).rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("truncate audit_seal").update()).rootCause()
                .hasMessageContaining("append-only");
    }

    @Test
    void pendingEntriesAreShownAsSuchThenSealed() throws Exception {
        testPeople.ensure(Role.OBSERVER);
        Http http = Http.api(port);
        String token = http.token(TestPeople.username(Role.OBSERVER), TestPeople.PASSWORD);
        Http browser = Http.browser(port);
        browser.login(TestPeople.username(Role.OBSERVER), TestPeople.PASSWORD);
        Connection held = holdSealer();
        try {
            record("pending-a");
            record("pending-b");
            long a = id("pending-a");
            long b = id("pending-b");
            AuditVerification v = reader.verify();
            assertThat(v.ok()).as(v.toString()).isTrue();
            assertThat(v.pending()).isGreaterThanOrEqualTo(2);
            assertThat(v.oldestPending()).isNotNull();
            assertThat(jdbc.sql("select count(*) from audit_seal where entry_id in (:a, :b)").param("a", a).param("b", b)
                    .query(Long.class).single()).isZero();

            var api = http.get("/api/v1/audit?entityType=test&entityId=pending-a", token);
            assertThat(api.body()).contains("\"pending\":true").contains("\"position\":null");
            var page = browser.get("/audit?entityType=test");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("待封存").contains("id=\"audit-pending\"");
            var csv = browser.get("/audit/export.csv?entityType=test");
            assertThat(csv.body().lines().filter(l -> l.startsWith(a + ",")).findFirst().orElseThrow())
                    .endsWith("待封存");

            // an entry taken off the waiting list before it is sealed would never be sealed: verify says so
            jdbc.sql("delete from audit_pending where entry_id = :b").param("b", b).update();
            AuditVerification unlisted = reader.verify();
            assertThat(unlisted.ok()).isFalse();
            assertThat(unlisted.firstBroken().id()).isEqualTo(b);
            assertThat(unlisted.firstBroken().reason()).contains("不在待封存队列中");
            jdbc.sql("insert into audit_pending (entry_id) values (:b)").param("b", b).update();
        } finally {
            release(held);
        }
        sealer.sealNow();
        assertThat(jdbc.sql("select count(*) from audit_seal s join audit_entry e on e.id = s.entry_id"
                + " where e.entity_id in ('pending-a', 'pending-b')").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_pending p join audit_entry e on e.id = p.entry_id"
                + " where e.entity_id in ('pending-a', 'pending-b')").query(Long.class).single()).isZero();
        assertThat(reader.verify().ok()).isTrue();
        var sealed = http.get("/api/v1/audit?entityType=test&entityId=pending-a", token);
        assertThat(sealed.body()).contains("\"pending\":false").containsPattern("\"position\":[1-9]");
        assertThat(browser.get("/audit?entityType=test").body()).contains("已封存 · 第 ");
    }

    @Test
    void verifyIsOkThenReportsTheFirstTamperedEntry() {
        testPeople.ensure(Role.OBSERVER);
        for (int i = 0; i < 3; i++) {
            int n = i;
            SystemActor.run(() -> trail.record(AuditEvent.updated("test", "tamper-" + n, "/500000/",
                    Map.of("v", n), Map.of("v", n + 1))));
        }
        sealer.sealNow();
        Http http = Http.api(port);
        String token = http.token(TestPeople.username(Role.OBSERVER), TestPeople.PASSWORD);
        var ok = http.get("/api/v1/audit/verify", token);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"ok\":true").containsPattern("\"entries\":[1-9]").contains("\"pending\":");

        long victim = id("tamper-1");
        String original = jdbc.sql("select after_state from audit_entry where id = :id").param("id", victim)
                .query(String.class).single();
        // someone with the owner's rights switches the guard off and edits a sealed row directly
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        owner.sql("alter table audit_entry disable trigger audit_entry_no_update").update();
        try {
            owner.sql("update audit_entry set after_state = '{\"v\":999}' where id = :id").param("id", victim).update();
            var broken = http.get("/api/v1/audit/verify", token);
            assertThat(broken.statusCode()).isEqualTo(200);
            assertThat(broken.body()).contains("\"ok\":false").contains("\"id\":" + victim).contains("被改动");
        } finally {
            try {
                owner.sql("update audit_entry set after_state = :v where id = :id").param("v", original)
                        .param("id", victim).update();
            } finally {
                owner.sql("alter table audit_entry enable trigger audit_entry_no_update").update();
            }
        }
        assertThat(http.get("/api/v1/audit/verify", token).body()).contains("\"ok\":true");
    }

    @Test
    void deletingASealedEntryOrItWithItsSealBreaksTheChain() {
        record("del-a");
        record("del-b");
        record("del-c");
        sealer.sealNow();
        long b = id("del-b");
        long c = id("del-c");
        var entry = jdbc.sql("select " + ENTRY_COLUMNS + " from audit_entry where id = :id").param("id", b).query()
                .singleRow();
        var seal = jdbc.sql("select * from audit_seal where entry_id = :id").param("id", b).query().singleRow();
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        owner.sql("alter table audit_entry disable trigger audit_entry_no_update").update();
        owner.sql("alter table audit_seal disable trigger audit_seal_no_update").update();
        try {
            // the entry alone: its seal still names it
            owner.sql("delete from audit_entry where id = :id").param("id", b).update();
            AuditVerification entryGone = reader.verify();
            assertThat(entryGone.ok()).isFalse();
            assertThat(entryGone.firstBroken().id()).isEqualTo(b);
            assertThat(entryGone.firstBroken().reason()).contains("已不在审计日志中");
            // the entry and its seal: the chain breaks at the next seal
            owner.sql("delete from audit_seal where entry_id = :id").param("id", b).update();
            AuditVerification both = reader.verify();
            assertThat(both.ok()).isFalse();
            assertThat(both.firstBroken().id()).isEqualTo(c);
            assertThat(both.firstBroken().reason()).contains("prev_hash");
        } finally {
            try {
                restoreEntry(owner, entry);
                owner.sql("insert into audit_seal (position, entry_id, prev_hash, hash, sealed_at) values (:position,"
                        + " :entry_id, :prev_hash, :hash, :sealed_at)").params(seal).update();
            } finally {
                owner.sql("alter table audit_seal enable trigger audit_seal_no_update").update();
                owner.sql("alter table audit_entry enable trigger audit_entry_no_update").update();
            }
        }
        assertThat(reader.verify().ok()).isTrue();
    }

    @Test
    void removingTheNewestSealsIsReportedThroughTheAnchoredHead() {
        testPeople.ensure(Role.OBSERVER);
        Http http = Http.api(port);
        String token = http.token(TestPeople.username(Role.OBSERVER), TestPeople.PASSWORD);
        record("tail-a");
        record("tail-b");
        record("tail-c");
        sealer.sealNow();
        long b = id("tail-b");
        long fromPosition = jdbc.sql("select position from audit_seal where entry_id = :b").param("b", b)
                .query(Long.class).single();
        long c = jdbc.sql("select entry_id from audit_seal order by position desc limit 1").query(Long.class).single();
        assertThat(reader.verify().anchoredAt()).isEqualTo(c);
        var seals = jdbc.sql("select * from audit_seal where position >= :p order by position").param("p", fromPosition)
                .query().listOfRows();
        var entries = jdbc.sql("select " + ENTRY_COLUMNS + " from audit_entry where id in (select entry_id from audit_seal"
                + " where position >= :p) order by id").param("p", fromPosition).query().listOfRows();
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        owner.sql("alter table audit_entry disable trigger audit_entry_no_update").update();
        owner.sql("alter table audit_seal disable trigger audit_seal_no_update").update();
        try {
            // what is left is a shorter chain without a break
            owner.sql("delete from audit_entry where id in (select entry_id from audit_seal where position >= :p)")
                    .param("p", fromPosition).update();
            owner.sql("delete from audit_seal where position >= :p").param("p", fromPosition).update();
            var cut = http.get("/api/v1/audit/verify", token);
            assertThat(cut.statusCode()).isEqualTo(200);
            assertThat(cut.body()).contains("\"ok\":false").contains("\"id\":" + c).contains("链尾被截断")
                    .contains("\"anchoredAt\":" + c);
            // entries sealed after the cut do not cover it up
            record("tail-d");
            sealer.sealNow();
            assertThat(reader.verify()).satisfies(v -> {
                assertThat(v.ok()).isFalse();
                assertThat(v.anchoredAt()).isEqualTo(c);
            });
        } finally {
            try {
                owner.sql("delete from audit_seal where position >= :p").param("p", fromPosition).update();
                owner.sql("delete from audit_entry where entity_id = 'tail-d'").update();
                for (var row : entries) {
                    restoreEntry(owner, row);
                }
                for (var row : seals) {
                    owner.sql("insert into audit_seal (position, entry_id, prev_hash, hash, sealed_at) values (:position,"
                            + " :entry_id, :prev_hash, :hash, :sealed_at)").params(row).update();
                }
            } finally {
                owner.sql("alter table audit_seal enable trigger audit_seal_no_update").update();
                owner.sql("alter table audit_entry enable trigger audit_entry_no_update").update();
            }
        }
        assertThat(reader.verify().ok()).isTrue();
    }

    private static void restoreEntry(JdbcClient owner, Map<String, Object> row) {
        owner.sql("""
                insert into audit_entry (id, recorded_at, actor, actor_ip, action, entity_type, entity_id, region_path,
                  summary, before_state, after_state, prev_hash, hash)
                values (:id, :recorded_at, :actor, :actor_ip, :action, :entity_type, :entity_id, :region_path,
                  :summary, :before_state, :after_state, :prev_hash, :hash)""").params(row).update();
    }

    @Test
    void hashIsSm3OverTheEntryAndThePreviousHash() {
        var e = new AuditEntry(1, java.time.Instant.parse("2026-01-01T00:00:00Z"), "a", null, "CREATE", "t", "1", null,
                null, null, "{}", AuditHash.GENESIS, null);
        String h = AuditHash.of(e);
        assertThat(h).hasSize(64).isNotEqualTo(AuditHash.of(new AuditEntry(1, e.recordedAt(), "b", null, "CREATE", "t",
                "1", null, null, null, "{}", AuditHash.GENESIS, null)));
        // moving a character from one field to the next changes the hash
        assertThat(AuditHash.of(new AuditEntry(1, e.recordedAt(), "ab", null, "CREATE", "t", "1", null, null, null, "{}",
                AuditHash.GENESIS, null))).isNotEqualTo(AuditHash.of(new AuditEntry(1, e.recordedAt(), "a", "b", "CREATE",
                "t", "1", null, null, null, "{}", AuditHash.GENESIS, null)));
    }

    /** Entries recorded together are entries of their own, in the order given, waiting and then sealed in the chain. */
    @Test
    void entriesRecordedTogetherAreSealedInTheirOrder() {
        List<AuditEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(AuditEvent.created("test", "together-" + i, "/500000/500102/", Map.of("n", i)));
        }
        events.add(AuditEvent.updated("test", "together-3", null, Map.of("n", 2), Map.of("n", 3)));
        SystemActor.run(() -> trail.recordAll(events));
        SystemActor.run(() -> trail.recordAll(List.of()));
        List<Map<String, Object>> rows = jdbc.sql("""
                select e.entity_id, e.action, e.actor, e.region_path, e.before_state, e.after_state, p.entry_id as pending
                from audit_entry e left join audit_pending p on p.entry_id = e.id
                where e.entity_id like 'together-%' order by e.id""").query().listOfRows();
        assertThat(rows).extracting(r -> r.get("entity_id")).containsExactly("together-0", "together-1", "together-2",
                "together-3");
        assertThat(rows.get(1).get("after_state")).isEqualTo("{\"n\":1}");
        assertThat(rows.get(3).get("action")).isEqualTo("UPDATE");
        assertThat(rows.get(3).get("before_state")).isEqualTo("{\"n\":2}");
        assertThat(rows.get(3).get("region_path")).isNull();
        assertThat(rows.get(0).get("actor")).isEqualTo(rows.get(3).get("actor")).isNotNull();
        sealer.sealNow();
        List<Long> positions = jdbc.sql("""
                select s.position from audit_seal s join audit_entry e on e.id = s.entry_id
                where e.entity_id like 'together-%' order by e.id""").query(Long.class).list();
        assertThat(positions).hasSize(4).isSorted();
        assertThat(reader.verify().ok()).isTrue();
    }
}
