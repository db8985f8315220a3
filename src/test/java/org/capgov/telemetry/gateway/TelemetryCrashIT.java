package org.capgov.telemetry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import org.capgov.CapgovApplication;
import org.capgov.telemetry.protocol.Hj212Crc;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * kill -9 during ingest loses no acknowledged packet: the platform runs as a child JVM (its own data directory, HTTP,
 * HJ 212 and database ports), loggers stream minute packets over TCP and note every 9014 they get, the child is killed
 * with SIGKILL in the middle, started again on the same data, and then every acknowledged packet must be stored, each
 * stored packet with all of its values (none half-stored).
 */
class TelemetryCrashIT {

    private static final int LOGGERS = 16;
    private static final int FACTORS = 3;
    private static final int ACKS_BEFORE_KILL = 400;
    private static final long START_SECONDS = 420;

    private final Path dataDir = Path.of("target", "crash-it").toAbsolutePath();

    @Test
    void everyAcknowledgedPacketSurvivesAKill9() throws Exception {
        FileSystemUtils.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        int http = freePort();
        int gateway = freePort();
        int database = freePort();
        Process first = start(1, http, gateway, database, true);
        Process second = null;
        try {
            String region = register(database);
            assertThat(region).isNotNull();
            Map<String, Set<String>> acked = new ConcurrentHashMap<>();
            AtomicInteger ackCount = new AtomicInteger();
            CountDownLatch enough = new CountDownLatch(1);
            List<Thread> streams = new ArrayList<>();
            for (int l = 0; l < LOGGERS; l++) {
                String mn = mn(l);
                acked.put(mn, ConcurrentHashMap.newKeySet());
                Thread t = new Thread(() -> stream(gateway, mn, acked.get(mn), ackCount, enough), "crash-logger-" + l);
                t.start();
                streams.add(t);
            }
            assertThat(enough.await(START_SECONDS, TimeUnit.SECONDS)).as("packets were acknowledged").isTrue();
            first.destroyForcibly(); // SIGKILL in the middle of the stream: nothing of the child's shutdown runs
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            for (Thread t : streams) {
                t.join(TimeUnit.SECONDS.toMillis(60));
            }
            int acknowledged = acked.values().stream().mapToInt(Set::size).sum();

            // new ports: on a busy machine the old ones may have been handed to some other connection meanwhile
            int database2 = freePort();
            second = start(2, freePort(), freePort(), database2, false);
            try (Connection c = connect(database2)) {
                int missing = 0;
                for (Map.Entry<String, Set<String>> e : acked.entrySet()) {
                    Set<String> stored = storedQns(c, e.getKey());
                    for (String qn : e.getValue()) {
                        missing += stored.contains(qn) ? 0 : 1;
                    }
                }
                assertThat(missing).as("acknowledged packets lost, of " + acknowledged).isZero();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                        select count(*), count(*) filter (where n <> %d) from (
                            select p.id, count(v.factor) n from telemetry_packet p join telemetry_logger l on l.id = p.logger_id
                            left join telemetry_value v on v.packet_id = p.id where l.mn like 'CRASHIT%%' group by p.id) x"""
                        .formatted(FACTORS))) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("stored packets").isGreaterThanOrEqualTo(acknowledged);
                    assertThat(rs.getLong(2)).as("packets stored without all their values").isZero();
                    System.out.printf("kill -9 after %d acknowledged packets: %d stored, none lost, none half-stored%n",
                            acknowledged, rs.getLong(1));
                }
            }
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroy(); // an orderly stop, which stops its database too
                second.waitFor(60, TimeUnit.SECONDS);
                second.destroyForcibly();
            }
            stopLeftoverDatabase();
        }
    }

    private static String mn(int l) {
        return String.format("CRASHIT%05d", l);
    }

    /** Sends minute packets asking for a reply, one after the other, noting each QN the gateway acknowledges. */
    private static void stream(int port, String mn, Set<String> acked, AtomicInteger ackCount, CountDownLatch enough) {
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int minute = 0; minute < 100_000; minute++) {
                String dataTime = java.time.LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(minute)
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
                String qn = dataTime + "000";
                String segment = "QN=" + qn + ";ST=31;CN=2051;PW=123456;MN=" + mn + ";Flag=5;CP=&&DataTime=" + dataTime
                        + ";a21026-Avg=" + (20 + minute % 7) + ",a21026-Flag=N;a21002-Avg=80.5,a21002-Flag=N;"
                        + "a34013-Avg=8.25,a34013-Flag=N&&";
                out.write(("##" + String.format("%04d", segment.length()) + segment + Hj212Crc.hex(Hj212Crc.of(segment))
                        + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String reply = readLine(in);
                if (reply == null) {
                    return;
                }
                if (reply.contains("CN=9014") && reply.contains("QN=" + qn)) {
                    acked.add(qn);
                    if (ackCount.incrementAndGet() >= ACKS_BEFORE_KILL) {
                        enough.countDown();
                    }
                }
            }
        } catch (IOException e) {
            // the platform was killed: this logger's stream ends here
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            b.append((char) c);
            if (c == '\n') {
                return b.toString();
            }
        }
        return null;
    }

    /** An enterprise and the loggers, written straight into the child's database as its owner role. */
    private String register(int database) throws Exception {
        try (Connection c = connect(database)) {
            c.setAutoCommit(false);
            String region;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select path from region where code = '500102'")) {
                region = rs.next() ? rs.getString(1) : null;
            }
            long enterprise;
            try (PreparedStatement p = c.prepareStatement("""
                    insert into enterprise (uscc, name, region_code, region_path, industries, status, status_since)
                    values ('91500102CRASHIT001', '崩溃测试钢铁有限公司', '500102', ?, '{STEEL}', 'OPERATING', date '2020-01-01')
                    returning id""")) {
                p.setString(1, region);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    enterprise = rs.getLong(1);
                }
            }
            for (int l = 0; l < LOGGERS; l++) {
                try (PreparedStatement p = c.prepareStatement("""
                        with salt as (select decode(md5(?), 'hex') s)
                        insert into telemetry_logger (mn, password_salt, password_hash, st, enterprise_id, uscc, region_path,
                            monitoring_point, created_by)
                        select ?, s, sha256(s || convert_to('123456', 'UTF8')), '31', ?, '91500102CRASHIT001', ?, 'STACK', 'crash-it'
                        from salt returning id""")) {
                    p.setString(1, mn(l));
                    p.setString(2, mn(l));
                    p.setLong(3, enterprise);
                    p.setString(4, region);
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        long id = rs.getLong(1);
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate("insert into telemetry_logger_factor (logger_id, factor, metric) values (" + id
                                    + ", 'a21026', 'so2_conc'), (" + id + ", 'a21002', 'nox_conc'), (" + id
                                    + ", 'a34013', 'pm_conc')");
                        }
                    }
                }
            }
            c.commit();
            return region;
        }
    }

    private static Set<String> storedQns(Connection c, String mn) throws Exception {
        Set<String> qns = ConcurrentHashMap.newKeySet();
        try (PreparedStatement p = c.prepareStatement(
                "select p.qn from telemetry_packet p join telemetry_logger l on l.id = p.logger_id where l.mn = ?")) {
            p.setString(1, mn);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    qns.add(rs.getString(1));
                }
            }
        }
        return qns;
    }

    private Connection connect(int port) throws Exception {
        Properties credentials = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("database-credentials.properties"))) {
            credentials.load(in);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/capgov", "capgov_owner",
                credentials.getProperty("capgov_owner"));
    }

    /** Starts the platform in a JVM of its own and waits until it has started; its output goes to child-N.log. */
    private Process start(int n, int http, int gateway, int database, boolean clean) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", productClassPath(), CapgovApplication.class.getName(), "--capgov.data-dir=" + dataDir,
                "--server.port=" + http, "--capgov.telemetry.port=" + gateway, "--capgov.embedded-db.port=" + database,
                "--capgov.embedded-db.clean-on-start=" + clean, "--capgov.embedded-db.shared-buffers=64MB",
                "--capgov.embedded-db.max-wal-size=256MB", "--logging.level.root=WARN",
                "--logging.level.org.capgov.telemetry=INFO", "--logging.level.org.capgov.CapgovApplication=INFO");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        CountDownLatch started = new CountDownLatch(1);
        Path log = dataDir.resolve("child-" + n + ".log");
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter w = new PrintWriter(Files.newBufferedWriter(log), true)) {
                String line;
                while ((line = r.readLine()) != null) {
                    w.println(line);
                    if (line.contains("Started CapgovApplication")) {
                        started.countDown();
                    }
                }
            } catch (IOException e) {
                // the child ended
            }
        }, "crash-child-" + n);
        pump.setDaemon(true);
        pump.start();
        boolean up = started.await(START_SECONDS, TimeUnit.SECONDS);
        assertThat(up).as("child %d started; its log: %s", n, log).isTrue();
        return p;
    }

    /** The test's class path without the test classes (whose test configurations the platform must not pick up). */
    private static String productClassPath() throws IOException {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        for (String e : path.split(File.pathSeparator)) {
            if (e.endsWith(".jar") && new File(e).getName().startsWith("surefirebooter")) {
                // a manifest-only jar: its Class-Path holds the real entries
                try (JarFile jar = new JarFile(e)) {
                    for (String url : jar.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
                        entries.add(Path.of(URI.create(url)).toString());
                    }
                }
            } else {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries.stream()
                .filter(e -> !e.replace('\\', '/').replaceAll("/$", "").endsWith("test-classes")).toList());
    }

    private void stopLeftoverDatabase() {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        } catch (IOException | RuntimeException e) {
            // nothing left to stop
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
