package org.capgov.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.support.Http;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A large file runs in the background: progress is visible while it runs, the server keeps answering, further
 * uploads queue and then are refused, and one bad row at the very end still leaves nothing imported.
 */
class ImportLargeFileIT extends ImportSupportIT {

    private static final int ROWS = 300_000;

    @Autowired
    ImportService imports;
    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    @Test
    void aLargeFileShowsProgressQueuesOthersAndImportsNothingWhenItsLastRowIsBad() throws Exception {
        Path file = dir.resolve("large.csv");
        List<String> sample = new ArrayList<>();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(ENTERPRISE_HEADER + "\r\n");
            String second = null;
            for (int i = 0; i < ROWS; i++) {
                String u = uscc(i % 2 == 0 ? "500102" : "500110");
                second = second == null ? u : second;
                if (i % 50_000 == 0) {
                    sample.add(u);
                }
                out.write(enterpriseRow(u, "大文件测试企业" + i, i % 2 == 0 ? "500102" : "500110", "STEEL") + "\r\n");
            }
            // the last row repeats the first: the whole file must be refused
            out.write(enterpriseRow(second, "重复的最后一行", "500102", "STEEL") + "\r\n");
        }
        long size = Files.size(file);
        Http browser = Http.browser(port);
        testPeople.ensure(Role.ADMIN);
        browser.login(TestPeople.username(Role.ADMIN), TestPeople.PASSWORD);
        token(Role.COORDINATOR);
        List<Long> queued = new ArrayList<>();
        HttpResponse<String> refused = null;
        ImportJob job;
        // holding the import lock (as another node's import would) keeps the worker busy while the queue fills
        try (Connection otherNode = dataSource.getConnection()) {
            lock(otherNode, "pg_advisory_lock");
            job = SystemActor.call(() -> imports.submit(ImportKind.ENTERPRISES, ImportMode.INSERT_ONLY, "large.csv", size,
                    target -> Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING)));
            byte[] small = utf8(ENTERPRISE_HEADER + "\r\n");
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> r = upload(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "small.csv", small);
                if (r.statusCode() == 202) {
                    queued.add(json.readTree(r.body()).get("id").asLong());
                } else {
                    refused = r;
                }
            }
            assertThat(json.readTree(http.get("/api/v1/imports/" + queued.get(0), token(Role.COORDINATOR)).body())
                    .get("status").asString()).isEqualTo("QUEUED");
            lock(otherNode, "pg_advisory_unlock");
        }
        assertThat(queued).hasSize(3);
        assertThat(refused).isNotNull();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("error.import.busy");

        // progress while it runs, and the server answers meanwhile
        long id = job.id();
        ImportJob seen = job;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!seen.finished() && seen.rowsRead() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            seen = SystemActor.call(() -> imports.get(id));
        }
        assertThat(seen.finished()).as("the job should still run after its first progress report").isFalse();
        assertThat(seen.status()).isEqualTo(ImportJob.Status.RUNNING);
        assertThat(seen.percent()).isBetween(0, 99);
        // the job page polls its progress block every second while the job runs
        String progress = browser.get("/registry/imports/" + id + "/progress").body();
        assertThat(progress).contains("hx-trigger=\"every 1s\"").contains("hx-get=\"/registry/imports/" + id
                + "/progress\"").contains("progress-bar");
        long before = System.nanoTime();
        assertThat(http.get("/api/v1/imports", token(Role.COORDINATOR)).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));

        ImportJob done = seen;
        while (!done.finished() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            done = SystemActor.call(() -> imports.get(id));
        }
        assertThat(done.status()).as(String.valueOf(done.message())).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(done.rowsRead()).isEqualTo(ROWS + 1);
        assertThat(done.errorCount()).isEqualTo(1);
        List<ImportError> errors = SystemActor.call(() -> imports.errors(id, 10));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(ROWS + 2L);
            assertThat(e.reason()).contains("与第 2 行");
        });
        assertThat(enterprises(sample.toArray(String[]::new))).isZero();
        for (long small : queued) {
            JsonNode j = await(Role.COORDINATOR, small);
            assertThat(j.get("status").asString()).isEqualTo("REJECTED");
        }
    }

    private static void lock(Connection c, String function) throws SQLException {
        try (var s = c.prepareStatement("select " + function + "(?)")) {
            s.setLong(1, ImportRunner.IMPORT_LOCK);
            s.executeQuery().close();
        }
    }
}
