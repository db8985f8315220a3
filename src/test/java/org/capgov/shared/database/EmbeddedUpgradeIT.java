package org.capgov.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * A data directory of an earlier version (everything owned by the superuser, every local connection trusted) is
 * brought to the role model at its first start: its tables go to the owner role, and passwords are required.
 */
class EmbeddedUpgradeIT {

    @Test
    void anEarlierDataDirectoryIsHandedToTheOwnerAndClosedToConnectionsWithoutPassword() throws Exception {
        Path dataDir = Path.of("target", "upgrade-it").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dataDir);
        Path directory = Files.createDirectories(dataDir.resolve("postgres"));
        // as the earlier version made it
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
                .setServerConfig("shared_buffers", "32MB").start()) {
            try (Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + EmbeddedPostgresConfiguration.DATABASE);
            }
            try (Connection c = old.getDatabase("postgres", EmbeddedPostgresConfiguration.DATABASE).getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create table audit_entry (id bigint primary key)");
                s.execute("create table enterprise (id bigint primary key)");
                s.execute("create sequence audit_entry_seq");
                s.execute("create function region_never_deleted() returns trigger language plpgsql as $$ begin return null; end $$");
            }
        }
        try (EmbeddedPostgres upgraded = EmbeddedPostgresConfiguration.start(directory, 0, "32MB", "256MB")) {
            EmbeddedCredentials credentials = EmbeddedCredentials.of(dataDir);
            String url = "jdbc:postgresql://localhost:" + upgraded.getPort() + "/" + EmbeddedPostgresConfiguration.DATABASE;
            Properties owner = new Properties();
            owner.setProperty("user", EmbeddedCredentials.OWNER);
            owner.setProperty("password", credentials.ownerPassword());
            try (Connection c = DriverManager.getConnection(url, owner); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("""
                            select string_agg(c.relname || '=' || pg_get_userbyid(c.relowner), ',' order by c.relname)
                            from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'S')
                            """)) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(
                        "audit_entry=capgov_owner,audit_entry_seq=capgov_owner,enterprise=capgov_owner");
            }
            Properties trusted = new Properties();
            trusted.setProperty("user", "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(url, trusted).close()).hasMessageContaining("password");
            assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContain("trust");
        }
    }
}
