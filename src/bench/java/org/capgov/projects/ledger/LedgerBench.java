package org.capgov.projects.ledger;

import static org.capgov.bench.BenchSupport.percentile;
import static org.capgov.bench.BenchSupport.print;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditReader;
import org.capgov.audit.AuditSealer;
import org.capgov.audit.AuditTrail;
import org.capgov.audit.AuditVerification;
import org.capgov.identity.NewPerson;
import org.capgov.identity.PeopleService;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.shared.Uscc;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger throughput benchmark, a command and never a test. Sets up {@code accounts} enterprise accounts holding
 * 10,000 units each through the real API, runs {@code warmup} transfers unmeasured (the JIT compiler's share), then
 * {@code rounds} rounds of {@code transfers} transfers from {@code threads} client threads against the real server and
 * prints for each transfers/s, latency percentiles, the CPU a transfer costs and the answer of GET
 * /api/v1/ledger/verify. With {@code sample-waits}, a sampler reads the wait events of the server's sessions
 * (pg_stat_activity) every 5 ms while the transfers run (its queries then count in the database's CPU); then audit
 * appends alone (no ledger work) from the same number of threads show the
 * ceiling the audit trail sets. After each part the audit entries still pending are sealed on demand, timed, and the
 * chain is verified. Run after {@code ./mvnw -B -o -Pbench package -DskipTests}:
 * {@code java -jar target/bench/capgov-bench.jar --capgov.bench=ledger --capgov.data-dir=target/ledger-bench
 * --capgov.embedded-db.clean-on-start=true --server.port=0 --capgov.telemetry.port=0} (docs/benchmarks.md).
 */
@Component
@ConditionalOnProperty(name = "capgov.bench", havingValue = "ledger")
class LedgerBench implements ApplicationRunner {

    private static final long EACH = 10_000;
    private static final String PASSWORD = "Bench-Ledger-2026";

    private final PeopleService people;
    private final AuditTrail audit;
    private final AuditSealer sealer;
    private final AuditReader auditReader;
    private final JdbcClient jdbc;
    private final Environment environment;
    private final ConfigurableApplicationContext context;
    private final int accounts;
    private final int transfers;
    private final int threads;
    private final int appends;
    private final int warmup;
    private final int rounds;
    private final boolean sampleWaits;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String base;
    private String token;

    LedgerBench(PeopleService people, AuditTrail audit, AuditSealer sealer, AuditReader auditReader, JdbcClient jdbc,
            Environment environment,
            ConfigurableApplicationContext context, @Value("${capgov.bench.accounts:100}") int accounts,
            @Value("${capgov.bench.transfers:1000}") int transfers, @Value("${capgov.bench.threads:8}") int threads,
            @Value("${capgov.bench.appends:2000}") int appends, @Value("${capgov.bench.warmup:2000}") int warmup,
            @Value("${capgov.bench.rounds:3}") int rounds, @Value("${capgov.bench.sample-waits:false}") boolean sampleWaits) {
        this.people = people;
        this.audit = audit;
        this.sealer = sealer;
        this.auditReader = auditReader;
        this.jdbc = jdbc;
        this.environment = environment;
        this.context = context;
        this.accounts = accounts;
        this.transfers = transfers;
        this.threads = threads;
        this.appends = appends;
        this.warmup = warmup;
        this.rounds = rounds;
        this.sampleWaits = sampleWaits;
    }

    @Override
    public void run(ApplicationArguments args) {
        int exit = 0;
        try {
            base = "http://localhost:" + environment.getProperty("local.server.port");
            SystemActor.call(() -> people.create(new NewPerson("bench.ledger", "台账基准测试", PASSWORD, "CQ-LDXZB",
                    Role.ADMIN, "500000", Set.of(), null, false), false));
            token = token();
            List<Long> held = setUp();
            if (warmup > 0) {
                // the first thousands of requests run interpreted code and feed the JIT compiler, whose threads then
                // take a large share of the CPU: a figure taken then measures the warm-up, not the request path
                round(held, warmup, "warm-up", false, 1);
            }
            for (int r = 1; r <= rounds; r++) {
                round(held, transfers, "round " + r, sampleWaits, 1000 + r);
            }
            appends();
        } catch (Exception e) {
            exit = 1;
            print("FAILED: %s", e);
            e.printStackTrace(System.out);
        }
        int code = exit;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    private List<Long> setUp() throws Exception {
        long t0 = System.nanoTime();
        String source = enterprise("500102", "{\"code\":\"CV1\",\"type\":\"CONVERTER\",\"parameters\":{\"nominal_t\":120},"
                + "\"product\":\"CRUDE_STEEL\",\"annualCapacity\":" + EACH * accounts + ",\"commissioned\":\"2010-05-01\"}");
        ok(post("/api/v1/enterprises/" + source + "/equipment/CV1/status", "{\"status\":\"DISMANTLED\","
                + "\"effectiveDate\":\"2024-05-01\",\"document\":\"涪经信〔2024〕1号\"}"), 200);
        ok(post("/api/v1/ledger/issuances", "{\"uscc\":\"" + source + "\",\"equipmentRef\":\"CV1\","
                + "\"verifiedOn\":\"2024-05-10\",\"document\":\"涪经信核〔2024〕1号\"}"), 201);
        long sourceAccount = account(source);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            long a = account(enterprise(i % 2 == 0 ? "500102" : "510100"));
            ok(transfer(sourceAccount, a, EACH, null), 201);
            out.add(a);
        }
        print("set up %d accounts of %,d units each in %.1f s", accounts, EACH, (System.nanoTime() - t0) / 1e9);
        return out;
    }

    private void round(List<Long> held, int transfers, String name, boolean sampleWaits, long seed) throws Exception {
        String before = get("/api/v1/ledger/verify").body();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> waits = new ConcurrentHashMap<>();
        AtomicInteger samples = new AtomicInteger();
        pendingSum.set(0);
        pendingMax.set(0);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        Map<Integer, Long> dbCpuBefore = dbCpuTicks();
        long jvmCpuBefore = jvmCpuNanos();
        java.util.concurrent.atomic.AtomicLong clientCpu = new java.util.concurrent.atomic.AtomicLong();
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed * 100 + thread);
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    for (int i = thread; i < transfers; i += threads) {
                        long from = held.get(random.nextInt(held.size()));
                        long to = held.get(random.nextInt(held.size()));
                        long t1 = System.nanoTime();
                        HttpResponse<String> r = transfer(from, to, 1 + random.nextInt(12_000),
                                i % 3 == 0 ? "\"price\":100,\"contract\":\"HT-" + i + "\"" : null);
                        latencies.add(System.nanoTime() - t1);
                        statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    }
                    clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
                    return null;
                }));
            }
            // the sampler's own queries cost database CPU counted below: only when asked for
            Future<?> sampler = sampleWaits ? pool.submit(() -> sample(done, waits, samples)) : null;
            for (Future<?> d : done) {
                d.get(30, TimeUnit.MINUTES);
            }
            if (sampler != null) {
                sampler.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double jvmMs = (jvmCpuNanos() - jvmCpuBefore) / 1e6;
        double dbMs = dbCpuMillisSince(dbCpuBefore);
        double clientMs = clientCpu.get() / 1e6;
        double serverMs = (jvmMs - clientMs + dbMs) / transfers;
        // CPU time, not wall time: what a transfer costs whatever else the machine runs (client threads left out;
        // the HTTP client's own selector thread is not, so this errs high)
        print("%s:", name);
        print("CPU per transfer: application %.2f ms (JVM %.0f ms less the client threads' %.0f ms), database %.2f ms; "
                + "so %.2f ms in all, i.e. at most %.0f transfers/s on 2 dedicated cores", (jvmMs - clientMs) / transfers,
                jvmMs, clientMs, dbMs / transfers, serverMs, 2000 / serverMs);
        print("ledger: %,d transfers among %d accounts from %d threads in %.1f s: %.0f transfers/s; latency p50 %.1f ms, "
                + "p95 %.1f ms, max %.1f ms; answers %s", transfers, held.size(), threads, seconds, transfers / seconds,
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 100), statuses);
        if (sampleWaits) {
            Map<String, AtomicInteger> sorted = new TreeMap<>(waits);
            int n = Math.max(1, samples.get());
            StringBuilder line = new StringBuilder();
            sorted.forEach((k, v) -> line.append(String.format(" %s %.2f;", k, v.get() / (double) n)));
            print("server sessions during the transfers, average number per wait event (%d samples):%s", samples.get(),
                    line);
            print("audit entries waiting to be sealed during the transfers: average %.1f, at most %d", pendingSum.get()
                    / (double) n, pendingMax.get());
        }
        sealAndVerify("after the transfers");
        String after = get("/api/v1/ledger/verify").body();
        print("verify before: %s", before);
        print("verify after:  %s", after);
        if (!after.contains("\"ok\":true") || statuses.keySet().stream().anyMatch(s -> s != 201 && s != 409)) {
            throw new IllegalStateException("an invariant failed or a transfer was answered otherwise than 201/409");
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
            .getThreadMXBean();

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU ticks (user + system) of each process of the database server, from /proc (Linux). */
    private Map<Integer, Long> dbCpuTicks() {
        Map<Integer, Long> ticks = new java.util.HashMap<>();
        for (Integer pid : jdbc.sql("select pid from pg_stat_activity").query(Integer.class).list()) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid.toString(), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
            } catch (java.io.IOException | RuntimeException e) {
                // a process that ended meanwhile, or no /proc: left out
            }
        }
        return ticks;
    }

    /** Milliseconds of CPU the server's processes (those present before and after) used since; 100 ticks a second. */
    private double dbCpuMillisSince(Map<Integer, Long> before) {
        long sum = 0;
        for (Map.Entry<Integer, Long> e : dbCpuTicks().entrySet()) {
            Long was = before.get(e.getKey());
            if (was != null) {
                sum += e.getValue() - was;
            }
        }
        return sum * 10.0;
    }

    /** Counts the wait events of the application's active sessions until the transfers are done. */
    private final java.util.concurrent.atomic.AtomicLong pendingSum = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong pendingMax = new java.util.concurrent.atomic.AtomicLong();

    private Void sample(List<Future<?>> running, Map<String, AtomicInteger> waits, AtomicInteger samples)
            throws InterruptedException {
        while (running.stream().anyMatch(f -> !f.isDone())) {
            // 'idle in transaction': the session waits for the application between two statements of a transaction
            for (String w : jdbc.sql("select case when state = 'idle in transaction' then 'app:idle-in-transaction' "
                    + "else coalesce(wait_event_type || ':' || wait_event, 'CPU') end from pg_stat_activity "
                    + "where state in ('active', 'idle in transaction') and backend_type = 'client backend' "
                    + "and pid <> pg_backend_pid()")
                    .query(String.class).list()) {
                waits.computeIfAbsent(w, k -> new AtomicInteger()).incrementAndGet();
            }
            // the audit entries written but not yet sealed (AuditSealer runs every 200 ms)
            long pending = jdbc.sql("select count(*) from audit_pending").query(Long.class).single();
            pendingSum.addAndGet(pending);
            pendingMax.accumulateAndGet(pending, Math::max);
            samples.incrementAndGet();
            Thread.sleep(5);
        }
        return null;
    }

    /** Audit appends alone, each in its own transaction, from the same number of threads: the chain's ceiling. */
    private void appends() throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = thread; i < appends; i += threads) {
                        int n = i;
                        long t1 = System.nanoTime();
                        SystemActor.run(() -> audit.record(AuditEvent.created("bench_append", "a-" + n, "/500000/",
                                Map.of("n", n))));
                        latencies.add(System.nanoTime() - t1);
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        print("audit appends alone: %,d from %d threads in %.1f s: %.0f appends/s; latency p50 %.1f ms, p95 %.1f ms",
                appends, threads, seconds, appends / seconds, percentile(latencies, 50), percentile(latencies, 95));
        sealAndVerify("after the appends");
    }

    /** Seals what is still pending, timed, then verifies the whole chain; fails the run if it is not intact. */
    private void sealAndVerify(String when) {
        long t0 = System.nanoTime();
        int sealed = sealer.sealNow();
        double sealMs = (System.nanoTime() - t0) / 1e6;
        long t1 = System.nanoTime();
        AuditVerification v = auditReader.verify();
        print("audit %s: %,d entries still pending, sealed on demand in %.1f ms; verify in %.1f ms: ok %s, %,d sealed "
                + "entries, %,d pending", when, sealed, sealMs, (System.nanoTime() - t1) / 1e6, v.ok(), v.entries(),
                v.pending());
        if (!v.ok()) {
            throw new IllegalStateException("the audit chain does not verify: " + v);
        }
    }

    private int sequence;

    private String enterprise(String region, String... equipment) throws Exception {
        String body = String.format("B%07d", ++sequence);
        String uscc = Uscc.compose("91", region, body);
        ok(post("/api/v1/enterprises", "{\"uscc\":\"" + uscc + "\",\"name\":\"台账基准企业" + body + "\",\"region\":\""
                + region + "\",\"industries\":[\"STEEL\"],\"statusSince\":\"2010-01-01\"}"), 201);
        for (String e : equipment) {
            ok(post("/api/v1/enterprises/" + uscc + "/equipment", e), 201);
        }
        return uscc;
    }

    private long account(String uscc) throws Exception {
        HttpResponse<String> r = ok(post("/api/v1/ledger/accounts", "{\"uscc\":\"" + uscc + "\"}"), 201);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException(r.body());
        }
        return Long.parseLong(m.group(1));
    }

    private HttpResponse<String> transfer(long from, long to, long quantity, String extra) throws Exception {
        return post("/api/v1/ledger/transfers", "{\"from\":" + from + ",\"to\":" + to + ",\"product\":\"CRUDE_STEEL\","
                + "\"quantity\":" + quantity + (extra == null ? "" : "," + extra) + "}");
    }

    private String token() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"bench.ledger\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("token: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> ok(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r;
    }
}
