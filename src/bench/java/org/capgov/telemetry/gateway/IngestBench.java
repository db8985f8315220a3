package org.capgov.telemetry.gateway;

import static org.capgov.bench.BenchSupport.print;
import static org.capgov.bench.BenchSupport.seconds;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Locale;
import org.capgov.bench.BenchSupport;
import org.capgov.telemetry.protocol.Hj212Crc;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Durable ingest, a command and never a test (docs/benchmarks.md, "Durable ingest"): N simulated loggers, each on its
 * own TCP connection to the running gateway, send minute packets asking for a reply (Flag=5), each waiting for its 9014
 * before the next, as LoggerSimulator's loggers do; the gateway answers only after the group commit. One selector
 * thread drives all connections, so that 10,000 loggers need no 10,000 threads. Prints acknowledged values per second
 * and checks afterwards that the database holds every acknowledged value.
 * <pre>
 * java -Xmx2g -jar target/bench/capgov-bench.jar --capgov.bench=ingest --capgov.bench.loggers=1000 \
 *   --capgov.bench.seconds=30 --capgov.bench.factors=4 --capgov.data-dir=target/ingest-bench \
 *   --capgov.embedded-db.clean-on-start=true --server.port=0 --capgov.telemetry.port=0
 * </pre>
 */
@Component
@ConditionalOnProperty(name = "capgov.bench", havingValue = "ingest")
class IngestBench implements ApplicationRunner {

    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final TelemetryGateway gateway;
    private final JdbcClient jdbc;
    private final ConfigurableApplicationContext context;
    private final int loggers;
    private final int seconds;
    private final int factors;
    private final int warmup;
    private String[] codes;

    IngestBench(TelemetryGateway gateway, JdbcClient jdbc, ConfigurableApplicationContext context,
            @Value("${capgov.bench.loggers:1000}") int loggers, @Value("${capgov.bench.seconds:30}") int seconds,
            @Value("${capgov.bench.factors:4}") int factors, @Value("${capgov.bench.warmup:10}") int warmup) {
        this.warmup = warmup;
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.context = context;
        this.loggers = loggers;
        this.seconds = seconds;
        this.factors = factors;
    }

    /** One simulated logger: its connection, the packet in flight and what came back. */
    private final class Sim {
        final String mn;
        final SocketChannel channel;
        int minute;
        ByteBuffer out;
        final ByteBuffer in = ByteBuffer.allocate(512);
        long acked;

        Sim(String mn, SocketChannel channel) {
            this.mn = mn;
            this.channel = channel;
        }

        ByteBuffer next() {
            LocalDateTime t = LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(minute++);
            StringBuilder cp = new StringBuilder("DataTime=").append(DATA_TIME.format(t));
            for (int f = 0; f < factors; f++) {
                String code = codes[f];
                cp.append(';').append(code).append("-Avg=").append(10 + (minute * 7 + f) % 50).append('.').append(f % 10)
                        .append(',').append(code).append("-Flag=N");
            }
            String segment = "QN=" + DATA_TIME.format(t) + "000;ST=31;CN=2051;PW=123456;MN=" + mn + ";Flag=5;CP=&&" + cp
                    + "&&";
            String frame = "##" + String.format(Locale.ROOT, "%04d", segment.length()) + segment
                    + Hj212Crc.hex(Hj212Crc.of(segment)) + "\r\n";
            return ByteBuffer.wrap(frame.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        int exit = 0;
        try {
            register();
            measure();
        } catch (Exception e) {
            exit = 1;
            print("FAILED: %s", e);
            e.printStackTrace();
        }
        int code = exit;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** One enterprise and the loggers, written straight into the scratch database (the benchmark's own data). */
    private void register() {
        long t0 = System.nanoTime();
        String region = jdbc.sql("select path from region where code = '500102'").query(String.class).single();
        long enterprise = jdbc.sql("""
                insert into enterprise (uscc, name, region_code, region_path, industries, status, status_since)
                values ('91500102BENCHING01', '在线监测压测企业', '500102', :p, '{STEEL}', 'OPERATING', date '2020-01-01')
                on conflict (uscc) do update set name = excluded.name returning id""").param("p", region)
                .query(Long.class).single();
        jdbc.sql("""
                insert into telemetry_logger (mn, password_salt, password_hash, st, enterprise_id, uscc, region_path,
                    monitoring_point, created_by)
                select 'BENCH' || lpad(i::text, 6, '0'), s, sha256(s || convert_to('123456', 'UTF8')), '31', :e,
                    '91500102BENCHING01', :p, 'STACK', 'bench'
                from generate_series(1, :n) i, lateral (select decode(md5(i::text), 'hex') s) salt
                on conflict (mn) do nothing""").param("e", enterprise).param("p", region).param("n", loggers).update();
        jdbc.sql("""
                insert into telemetry_logger_factor (logger_id, factor, metric)
                select l.id, 'a' || lpad((21000 + f)::text, 5, '0'), 'so2_conc'
                from telemetry_logger l, generate_series(1, :f) f where l.mn like 'BENCH%'
                on conflict do nothing""").param("f", factors).update();
        print("ingest: %,d loggers registered in %.1f s", loggers, seconds(t0));
    }

    private void measure() throws IOException {
        codes = new String[factors];
        for (int f = 0; f < factors; f++) {
            codes[f] = String.format(Locale.ROOT, "a%05d", 21001 + f);
        }
        long valuesBefore = storedValues();
        Selector selector = Selector.open();
        Sim[] sims = new Sim[loggers];
        long t0 = System.nanoTime();
        int failedConnects = 0;
        for (int i = 0; i < loggers; i++) {
            try {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress("localhost", gateway.port()));
                ch.configureBlocking(false);
                sims[i] = new Sim(String.format(Locale.ROOT, "BENCH%06d", i + 1), ch);
                sims[i].out = sims[i].next();
                ch.register(selector, SelectionKey.OP_WRITE, sims[i]);
            } catch (IOException e) {
                failedConnects++;
                if (failedConnects == 1) {
                    print("ingest: connection %d failed: %s", i + 1, e);
                }
            }
        }
        print("ingest: %,d connections open (%,d failed) in %.1f s", loggers - failedConnects, failedConnects, seconds(t0));
        BenchSupport.HeapWatch heap = new BenchSupport.HeapWatch();
        heap.start();
        // the first seconds warm up the compiler and the caches; counting and the CPU clocks start after them
        long warmUntil = System.nanoTime() + warmup * 1_000_000_000L;
        boolean warm = warmup == 0;
        Map<Integer, Long> dbCpuBefore = dbCpuTicks();
        long jvmCpuBefore = jvmCpuNanos();
        long clientCpuBefore = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = warmUntil + seconds * 1_000_000_000L;
        long acked = 0;
        long warmAcked = 0;
        long closed = 0;
        while (System.nanoTime() < end) {
            if (!warm && System.nanoTime() >= warmUntil) {
                warm = true;
                print("ingest: %,d packets acknowledged during %d s of warm-up; measuring", acked, warmup);
                warmAcked = acked;
                acked = 0;
                dbCpuBefore = dbCpuTicks();
                jvmCpuBefore = jvmCpuNanos();
                clientCpuBefore = THREADS.getCurrentThreadCpuTime();
                start = System.nanoTime();
            }
            selector.select(100);
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey k = keys.next();
                keys.remove();
                Sim s = (Sim) k.attachment();
                try {
                    if (k.isWritable()) {
                        s.channel.write(s.out);
                        if (!s.out.hasRemaining()) {
                            k.interestOps(SelectionKey.OP_READ);
                        }
                    } else if (k.isReadable()) {
                        if (s.channel.read(s.in) < 0) {
                            k.cancel();
                            closed++;
                            continue;
                        }
                        int n = s.in.position();
                        if (n >= 2 && s.in.get(n - 2) == '\r' && s.in.get(n - 1) == '\n') {
                            String reply = new String(s.in.array(), 0, n, StandardCharsets.ISO_8859_1);
                            s.in.clear();
                            if (reply.contains("CN=9014")) {
                                s.acked++;
                                acked++;
                            }
                            s.out = s.next();
                            k.interestOps(SelectionKey.OP_WRITE);
                        }
                    }
                } catch (IOException e) {
                    k.cancel();
                    closed++;
                }
            }
        }
        double elapsed = seconds(start);
        double clientMs = (THREADS.getCurrentThreadCpuTime() - clientCpuBefore) / 1e6;
        double jvmMs = (jvmCpuNanos() - jvmCpuBefore) / 1e6;
        double dbMs = dbCpuMillisSince(dbCpuBefore);
        heap.stop();
        long held = 0;
        for (Sim s : sims) {
            SelectionKey key = s == null ? null : s.channel.keyFor(selector);
            held += key != null && key.isValid() && s.channel.isOpen() ? 1 : 0;
        }
        String rss = residentMemory();
        for (Sim s : sims) {
            if (s != null) {
                s.channel.close();
            }
        }
        selector.close();
        long stored = storedValues() - valuesBefore;
        print("ingest: %,d loggers x %d factors, %.1f s: %,d packets acknowledged = %,.0f packets/s = %,.0f values/s"
                + " (acknowledged after commit); %,d connections closed by the gateway", loggers - failedConnects,
                factors, elapsed, acked, acked / elapsed, acked * factors / elapsed, closed);
        long ackedValues = (warmAcked + acked) * factors;
        print("ingest: values stored %,d >= acknowledged %,d (warm-up included): %s", stored, ackedValues,
                stored >= ackedValues);
        print("ingest: %,d connections held at the end, %,d failed to open, %,d closed by the gateway; heap peak %,d MB,"
                + " process resident %s", held, failedConnects, closed, heap.peak() >> 20, rss);
        // CPU time, not wall time: what the acknowledged values cost whatever else the shared machine runs
        long values = acked * factors;
        double serverMs = jvmMs - clientMs + dbMs;
        print("ingest: CPU %.0f ms in the gateway's JVM (%.0f ms less the simulated loggers' %.0f ms) and %.0f ms in the"
                + " database's processes: %.2f µs per value, i.e. at most %,.0f values/s on 2 dedicated cores",
                jvmMs - clientMs, jvmMs, clientMs, dbMs, values == 0 ? 0 : serverMs * 1000 / values,
                values == 0 ? 0 : 2000 * values / serverMs);
        if (stored < ackedValues) {
            throw new IllegalStateException("fewer values stored than acknowledged");
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
            .getThreadMXBean();

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** VmRSS of this process from /proc (Linux), or "unknown". */
    private static String residentMemory() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.substring(6).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** CPU ticks (user + system) of each process of the database server, from /proc (Linux). */
    private Map<Integer, Long> dbCpuTicks() {
        Map<Integer, Long> ticks = new HashMap<>();
        for (Integer pid : jdbc.sql("select pid from pg_stat_activity").query(Integer.class).list()) {
            try {
                String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
            } catch (IOException | RuntimeException e) {
                // a process that ended meanwhile, or no /proc: left out
            }
        }
        return ticks;
    }

    /** Milliseconds of CPU the server's processes (those present before and after) used since; 100 ticks a second. */
    private double dbCpuMillisSince(Map<Integer, Long> before) {
        long sum = 0;
        int read = 0;
        for (Map.Entry<Integer, Long> e : dbCpuTicks().entrySet()) {
            Long was = before.get(e.getKey());
            if (was != null) {
                sum += e.getValue() - was;
                read++;
            }
        }
        // with every file descriptor taken by the connections /proc cannot be read: unknown, not zero
        return read == 0 ? Double.NaN : sum * 10.0;
    }

    private long storedValues() {
        return jdbc.sql("select count(*) from telemetry_value").query(Long.class).single();
    }
}
