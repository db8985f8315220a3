package org.capgov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import javax.sql.DataSource;

class AuditChainIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestPeople testPeople;
    /** The role that owns the audit trail: only it (or a superuser) can switch the guard off and tamper. */
    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncate() {
        SystemActor.run(() -> trail.record(AuditEvent.created("test", "1", null, Map.of("a", 1))));
        // the application role holds no right to change the trail
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'mallory'").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update()).rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update()).rootCause()
                .hasMessageContaining("permission denied");
        // and even its owner meets the trigger
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        assertThatThrownBy(() -> owner.sql("update audit_entry set actor = 'mallory'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("delete from audit_entry").update()).rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("truncate audit_entry").update()).rootCause()
                .hasMessageContaining("append-only");
    }

    @Test
    void verifyIsOkThenReportsTheFirstTamperedEntry() {
        testPeople.ensure(Role.OBSERVER);
        for (int i = 0; i < 3; i++) {
            int n = i;
            SystemActor.run(() -> trail.record(AuditEvent.updated("test", "tamper-" + n, "/500000/",
                    Map.of("v", n), Map.of("v", n + 1))));
        }
        Http http = Http.api(port);
        String token = http.token(TestPeople.username(Role.OBSERVER), TestPeople.PASSWORD);
        var ok = http.get("/api/v1/audit/verify", token);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"ok\":true").containsPattern("\"entries\":[1-9]");

        long victim = jdbc.sql("select id from audit_entry where entity_id = 'tamper-1'").query(Long.class).single();
        String original = jdbc.sql("select after_state from audit_entry where id = :id").param("id", victim)
                .query(String.class).single();
        // someone with the owner's rights switches the guard off and edits a row directly
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        owner.sql("alter table audit_entry disable trigger audit_entry_no_update").update();
        try {
            owner.sql("update audit_entry set after_state = '{\"v\":999}' where id = :id").param("id", victim).update();
            var broken = http.get("/api/v1/audit/verify", token);
            assertThat(broken.statusCode()).isEqualTo(200);
            assertThat(broken.body()).contains("\"ok\":false").contains("\"id\":" + victim).contains("被改动");
        } finally {
            owner.sql("update audit_entry set after_state = :v where id = :id").param("v", original).param("id", victim)
                    .update();
            owner.sql("alter table audit_entry enable trigger audit_entry_no_update").update();
        }
        assertThat(http.get("/api/v1/audit/verify", token).body()).contains("\"ok\":true");
    }

    @Test
    void deletingAnEntryBreaksTheChainAtTheNextOne() {
        SystemActor.run(() -> trail.record(AuditEvent.created("test", "del-a", null, Map.of())));
        SystemActor.run(() -> trail.record(AuditEvent.created("test", "del-b", null, Map.of())));
        SystemActor.run(() -> trail.record(AuditEvent.created("test", "del-c", null, Map.of())));
        long b = jdbc.sql("select id from audit_entry where entity_id = 'del-b'").query(Long.class).single();
        long c = jdbc.sql("select id from audit_entry where entity_id = 'del-c'").query(Long.class).single();
        var row = jdbc.sql("select * from audit_entry where id = :id").param("id", b).query().singleRow();
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        owner.sql("alter table audit_entry disable trigger audit_entry_no_update").update();
        try {
            owner.sql("delete from audit_entry where id = :id").param("id", b).update();
            AuditVerification v = reader.verify();
            assertThat(v.ok()).isFalse();
            assertThat(v.firstBroken().id()).isEqualTo(c);
        } finally {
            owner.sql("""
                    insert into audit_entry (id, recorded_at, actor, actor_ip, action, entity_type, entity_id, region_path,
                      summary, before_state, after_state, prev_hash, hash)
                    values (:id, :recorded_at, :actor, :actor_ip, :action, :entity_type, :entity_id, :region_path,
                      :summary, :before_state, :after_state, :prev_hash, :hash)""").params(row).update();
            owner.sql("alter table audit_entry enable trigger audit_entry_no_update").update();
        }
    }

    @Autowired
    AuditReader reader;

    @Test
    void removingTheNewestEntriesIsReportedThroughTheAnchoredHead() {
        testPeople.ensure(Role.OBSERVER);
        Http http = Http.api(port);
        String token = http.token(TestPeople.username(Role.OBSERVER), TestPeople.PASSWORD);
        SystemActor.run(() -> trail.record(AuditEvent.created("test", "tail-a", null, Map.of())));
        SystemActor.run(() -> trail.record(AuditEvent.created("test", "tail-b", null, Map.of())));
        SystemActor.run(() -> trail.record(AuditEvent.created("test", "tail-c", null, Map.of())));
        long b = jdbc.sql("select id from audit_entry where entity_id = 'tail-b'").query(Long.class).single();
        long c = jdbc.sql("select max(id) from audit_entry").query(Long.class).single();
        assertThat(reader.verify().anchoredAt()).isEqualTo(c);
        var rows = jdbc.sql("select * from audit_entry where id >= :b order by id").param("b", b).query().listOfRows();
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        owner.sql("alter table audit_entry disable trigger audit_entry_no_update").update();
        try {
            // what is left is a shorter chain without a break
            owner.sql("delete from audit_entry where id >= :b").param("b", b).update();
            var cut = http.get("/api/v1/audit/verify", token);
            assertThat(cut.statusCode()).isEqualTo(200);
            assertThat(cut.body()).contains("\"ok\":false").contains("\"id\":" + c).contains("链尾被截断")
                    .contains("\"anchoredAt\":" + c);
            // entries appended after the cut do not cover it up
            SystemActor.run(() -> trail.record(AuditEvent.created("test", "tail-d", null, Map.of())));
            assertThat(reader.verify()).satisfies(v -> {
                assertThat(v.ok()).isFalse();
                assertThat(v.anchoredAt()).isEqualTo(c);
            });
        } finally {
            owner.sql("delete from audit_entry where entity_id = 'tail-d'").update();
            for (var row : rows) {
                owner.sql("""
                        insert into audit_entry (id, recorded_at, actor, actor_ip, action, entity_type, entity_id, region_path,
                          summary, before_state, after_state, prev_hash, hash)
                        values (:id, :recorded_at, :actor, :actor_ip, :action, :entity_type, :entity_id, :region_path,
                          :summary, :before_state, :after_state, :prev_hash, :hash)""").params(row).update();
            }
            owner.sql("alter table audit_entry enable trigger audit_entry_no_update").update();
        }
        assertThat(reader.verify().ok()).isTrue();
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
}
