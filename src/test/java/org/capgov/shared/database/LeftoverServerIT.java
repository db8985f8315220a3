package org.capgov.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * After kill -9 of capgov its embedded PostgreSQL keeps running; the next start stops that server and starts again
 * on the same data (before, it waited 60 s for a server that could not start and failed). A server whose capgov is
 * alive is never touched.
 */
class LeftoverServerIT {

    static final String READY = "LEFTOVER-CHILD-READY";

    @Test
    void theStartAfterAKilledProcessStopsTheServerItLeftAndStarts() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "leftover-it")).toAbsolutePath();
        Path directory = dataDir.resolve("postgres");
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), LeftoverServerChild.class.getName(), directory.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains(READY)) {
                // start-up log of the child
            }
            assertThat(line).as("the child started its server").isNotNull();
            long postmaster = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());

            // a second capgov on the same directory while the first is alive: refused, the server left alone
            assertThatThrownBy(() -> EmbeddedPostgresConfiguration.start(directory, 0, "32MB", "256MB"))
                    .isInstanceOf(DataDirectoryUnusableException.class).hasMessageContaining("另一个 capgov 进程");
            assertThat(ProcessHandle.of(postmaster).map(LeftoverServer::running)).contains(true);

            child.destroyForcibly(); // kill -9: nothing of the child's shutdown runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ProcessHandle.of(postmaster).map(LeftoverServer::running)).as("the server outlived its capgov")
                    .contains(true);

            try (EmbeddedPostgres restarted = EmbeddedPostgresConfiguration.start(directory, 0, "32MB", "256MB")) {
                assertThat(ProcessHandle.of(postmaster).map(LeftoverServer::running).orElse(false)).isFalse();
                assertThat(Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim()))
                        .isNotEqualTo(postmaster);
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setUrl(restarted.getJdbcUrl(EmbeddedCredentials.APPLICATION, EmbeddedPostgresConfiguration.DATABASE));
                ds.setPassword(EmbeddedCredentials.of(dataDir).applicationPassword());
                try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("select current_user")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(EmbeddedCredentials.APPLICATION);
                }
            }
        } finally {
            child.destroyForcibly();
            // should the test fail half-way, no server of it stays behind
            LeftoverServer.runningPostmaster(directory).ifPresent(ProcessHandle::destroy);
        }
    }
}
