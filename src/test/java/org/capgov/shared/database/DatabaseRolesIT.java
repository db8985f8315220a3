package org.capgov.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.identity.SystemActor;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform connects to its database as a role that is not a superuser and holds nothing of the audit trail, so
 * that nothing it runs (a flaw, an injected statement) can change the trail or switch its guard off; and the
 * embedded server wants a password from everyone.
 */
class DatabaseRolesIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail trail;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theApplicationIsNeitherSuperuserNorOwnerOfTheAuditTrail() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(EmbeddedCredentials.APPLICATION);
        assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolbypassrls from pg_roles where rolname = current_user")
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select pg_has_role(current_user, 'capgov_owner', 'member')").query(Boolean.class).single())
                .isFalse();
        assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'audit_entry'").query(String.class).single())
                .isEqualTo(EmbeddedCredentials.OWNER);
        // the registry is the application's, since large imports rebuild its indexes
        assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'enterprise'").query(String.class).single())
                .isEqualTo(EmbeddedCredentials.APPLICATION);
    }

    @Test
    void nothingTheApplicationRunsCanChangeTheTrailOrSwitchItsGuardOff() {
        SystemActor.run(() -> trail.record(AuditEvent.created("test", "roles-1", null, Map.of("a", 1))));
        long before = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
        for (String attempt : new String[] {
                "alter table audit_entry disable trigger audit_entry_no_update",
                "alter table audit_entry disable trigger all",
                "drop trigger audit_entry_no_update on audit_entry",
                "create or replace function audit_entry_append_only() returns trigger language plpgsql as $$ begin return old; end $$",
                "alter table audit_entry owner to capgov_app",
                "set role capgov_owner",
                "set session authorization capgov_owner",
                "alter role capgov_app superuser",
                "delete from audit_entry",
                "update audit_entry set actor = 'mallory'",
                "truncate audit_entry",
                "drop table audit_entry",
                "alter system set fsync = off"}) {
            assertThatThrownBy(() -> jdbc.sql(attempt).update()).as(attempt).rootCause()
                    .hasMessageMatching("(?s).*(permission denied|must be owner|must be superuser|must have|only superuser).*");
        }
        // a grant to itself only warns ("no privileges were granted") and changes nothing
        jdbc.sql("grant delete, update, truncate on audit_entry to capgov_app").update();
        assertThat(jdbc.sql("select has_table_privilege('audit_entry', 'DELETE') or has_table_privilege('audit_entry', "
                + "'UPDATE') or has_table_privilege('audit_entry', 'TRUNCATE')").query(Boolean.class).single()).isFalse();
        // replica mode (granted for the bulk loads) switches triggers off, not privileges: the trail stays closed
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("set local session_replication_role = replica").update();
            assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update()).rootCause()
                    .hasMessageContaining("permission denied");
            tx.setRollbackOnly();
        });
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("set local session_replication_role = replica").update();
            assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'mallory'").update()).rootCause()
                    .hasMessageContaining("permission denied");
            tx.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theEmbeddedServerWantsAPassword() throws Exception {
        String url = ((HikariDataSource) dataSource).getJdbcUrl().replaceAll("\\?.*", "");
        for (String user : new String[] {"postgres", EmbeddedCredentials.APPLICATION, EmbeddedCredentials.OWNER}) {
            Properties none = new Properties();
            none.setProperty("user", user);
            assertThatThrownBy(() -> DriverManager.getConnection(url, none).close()).as(user)
                    .hasMessageContaining("password");
            Properties wrong = new Properties();
            wrong.setProperty("user", user);
            wrong.setProperty("password", "wrong");
            assertThatThrownBy(() -> DriverManager.getConnection(url, wrong).close()).as(user)
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void theServerWritesDurably() {
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show full_page_writes").query(String.class).single()).isEqualTo("on");
    }
}
