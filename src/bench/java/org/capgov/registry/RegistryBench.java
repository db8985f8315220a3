package org.capgov.registry;

import static org.capgov.bench.BenchSupport.percentile;
import static org.capgov.bench.BenchSupport.seconds;
import static org.capgov.bench.BenchSupport.print;
import org.capgov.bench.BenchSupport.HeapWatch;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.capgov.identity.SystemActor;
import org.capgov.region.Region;
import org.capgov.shared.Industry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import org.capgov.registry.exchange.ImportUpkeep;
import org.capgov.registry.exchange.ImportMode;
import org.capgov.registry.exchange.ImportKind;
import org.capgov.registry.exchange.ImportJob;
import org.capgov.registry.exchange.ImportIndexBuilder;
import org.capgov.registry.exchange.ImportService;
import org.capgov.registry.demo.RegistryDemoGenerator;

/**
 * The registry benchmark, a command and never a test (machines are noisy): generates the demo CSVs, imports them
 * through the real import path (upload copy, inspection, streaming parse, validation, COPY, SQL checks, merge,
 * audit), then times enterprise searches (region subtree + industry) through {@link EnterpriseService#search}, then
 * times the same searches while a further import of {@code capgov.bench.during-import} enterprises (300,000; other
 * rows, UPSERT) runs, prints the figures and exits. Run on a fresh data directory of its own, e.g. after {@code ./mvnw -B -o -Pbench package}:
 * {@code java -Xmx1g -jar target/bench/capgov-bench.jar --capgov.bench=registry --capgov.bench.enterprises=1000000
 * --capgov.data-dir=target/registry-bench --capgov.embedded-db.clean-on-start=true --server.port=0}; add
 * {@code --logging.level.org.capgov.registry.exchange.ImportRows=DEBUG} for the time of every check and merge statement.
 */
@Component
@ConditionalOnProperty(name = "capgov.bench", havingValue = "registry")
class RegistryBench implements ApplicationRunner {

    private final ImportService imports;
    private final ImportUpkeep upkeep;
    private final ImportIndexBuilder indexes;
    private final EnterpriseService enterprises;
    private final RegionDirectory regions;
    private final ConfigurableApplicationContext context;
    private final int count;
    private final int queries;
    private final int duringImport;
    private final Path directory;

    RegistryBench(ImportService imports, ImportUpkeep upkeep, ImportIndexBuilder indexes, EnterpriseService enterprises,
            RegionDirectory regions, ConfigurableApplicationContext context, @Value("${capgov.bench.enterprises:1000000}") int count,
            @Value("${capgov.bench.queries:500}") int queries, @Value("${capgov.bench.during-import:300000}") int duringImport,
            @Value("${capgov.data-dir}") String dataDir) {
        this.duringImport = duringImport;
        this.imports = imports;
        this.upkeep = upkeep;
        this.indexes = indexes;
        this.enterprises = enterprises;
        this.regions = regions;
        this.context = context;
        this.count = count;
        this.queries = queries;
        this.directory = Path.of(dataDir).resolve("bench").toAbsolutePath();
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int exit = 0;
        HeapWatch heap = new HeapWatch();
        try {
            Files.createDirectories(directory);
            Path enterpriseCsv = directory.resolve("enterprises.csv");
            Path equipmentCsv = directory.resolve("equipment.csv");
            long t0 = System.nanoTime();
            new RegistryDemoGenerator(2014).writeCsv(count, enterpriseCsv, equipmentCsv);
            print("generated %,d enterprises in %.1f s: %s (%,d MB), %s (%,d MB)", count, seconds(t0), enterpriseCsv,
                    Files.size(enterpriseCsv) >> 20, equipmentCsv, Files.size(equipmentCsv) >> 20);
            heap.start();
            long start = System.nanoTime();
            ImportJob e = timedImport(ImportKind.ENTERPRISES, enterpriseCsv);
            ImportJob q = timedImport(ImportKind.EQUIPMENT, equipmentCsv);
            long t1 = System.nanoTime();
            // the GIN indexes the imports left for after their commit (ImportIndexBuilder) count: until they are
            // built, searches by name read the whole table
            indexes.awaitAll();
            heap.stop();
            double wall = seconds(start);
            long rows = e.rowsRead() + q.rowsRead();
            print("GIN indexes built after the commits: finished %.1f s after the last import", seconds(t1));
            print("import total: %,d rows in %.1f s = %,.0f rows/s (first upload to last index built); peak heap used "
                    + "%,d MB (max heap %,d MB)", rows, wall, rows / wall, heap.peak() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            upkeep.await();
            print("index upkeep after the imports (GIN pending lists, statistics) finished %.1f s after the last import",
                    seconds(t1));
            searches();
            searchesDuringImport();
        } catch (RuntimeException | IOException e) {
            exit = 1;
            System.out.println("[bench] FAILED: " + e);
            e.printStackTrace(System.out);
        } finally {
            heap.stop();
        }
        int code = exit;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    private ImportJob timedImport(ImportKind kind, Path csv) throws InterruptedException {
        return timedImport(kind, ImportMode.INSERT_ONLY, csv);
    }

    private ImportJob timedImport(ImportKind kind, ImportMode mode, Path csv) throws InterruptedException {
        long t0 = System.nanoTime();
        ImportJob job = SystemActor.call(() -> imports.submit(kind, mode, csv.getFileName().toString(),
                sizeOf(csv), target -> Files.copy(csv, target, StandardCopyOption.REPLACE_EXISTING)));
        ImportJob now = job;
        String phase = null;
        while (!now.finished()) {
            Thread.sleep(200);
            long id = job.id();
            now = SystemActor.call(() -> imports.get(id));
            if (now.phase() != null && !now.phase().equals(phase)) {
                phase = now.phase();
                print("  %s %s at %.1f s (%,d rows read)", kind, phase, seconds(t0), now.rowsRead());
            }
        }
        long nanos = System.nanoTime() - t0;
        if (now.status() != ImportJob.Status.SUCCEEDED) {
            long id = job.id();
            throw new IllegalStateException(kind + " import " + now.status() + ": " + now.message() + " "
                    + SystemActor.call(() -> imports.errors(id, 5)));
        }
        print("import %s: %,d rows (%,d inserted) in %.1f s = %,.0f rows/s", kind, now.rowsRead(), now.inserted(),
                nanos / 1e9, now.rowsRead() / (nanos / 1e9));
        return now;
    }

    /** Region subtree (a district or county) + one industry, first page of 20 by name, as the search page asks. */
    private void searches() {
        List<Region> districts = districts();
        Industry[] industries = Industry.values();
        SplittableRandom random = new SplittableRandom(7);
        AtomicLong rows = new AtomicLong();
        List<Long> times = new ArrayList<>();
        List<Long> city = new ArrayList<>();
        SystemActor.run(() -> {
            for (int i = 0; i < queries + 50; i++) {
                Region region = districts.get(random.nextInt(districts.size()));
                String industry = industries[random.nextInt(industries.length)].name();
                long t0 = System.nanoTime();
                var page = enterprises.search(new EnterpriseFilter(null, region.code(), industry, null, null, null, null,
                        null, false), 0, 20);
                long t = System.nanoTime() - t0;
                rows.addAndGet(page.rows().size());
                if (i >= 50) {
                    times.add(t);
                }
            }
            for (int i = 0; i < 100; i++) {
                String industry = industries[random.nextInt(industries.length)].name();
                long t0 = System.nanoTime();
                enterprises.search(new EnterpriseFilter(null, "500000", industry, null, null, null, null, null, false), 0, 20);
                city.add(System.nanoTime() - t0);
            }
        });
        print("search district + industry: %d queries, median %.1f ms, p95 %.1f ms, max %.1f ms (%,d rows shown)",
                times.size(), percentile(times, 50), percentile(times, 95), percentile(times, 100), rows.get());
        print("search whole city (500000) + industry: %d queries, median %.1f ms, p95 %.1f ms", city.size(),
                percentile(city, 50), percentile(city, 95));
    }

    /**
     * District + industry searches, one every 50 ms as people at their desks would send them, while a further import
     * of enterprises runs (another seed's rows; UPSERT, as a few of its USCCs may repeat the first file's).
     */
    private void searchesDuringImport() throws IOException, InterruptedException {
        if (duringImport <= 0) {
            return;
        }
        Path more = directory.resolve("enterprises-more.csv");
        new RegistryDemoGenerator(2015).writeCsv(duringImport, more, directory.resolve("equipment-more.csv"));
        List<Region> districts = districts();
        Industry[] industries = Industry.values();
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean importing = new AtomicBoolean(true);
        Thread searcher = new Thread(() -> SystemActor.run(() -> {
            SplittableRandom random = new SplittableRandom(11);
            while (importing.get()) {
                Region region = districts.get(random.nextInt(districts.size()));
                String industry = industries[random.nextInt(industries.length)].name();
                long t0 = System.nanoTime();
                enterprises.search(new EnterpriseFilter(null, region.code(), industry, null, null, null, null, null, false),
                        0, 20);
                times.add(System.nanoTime() - t0);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }), "bench-searcher");
        searcher.start();
        try {
            timedImport(ImportKind.ENTERPRISES, ImportMode.UPSERT, more);
        } finally {
            importing.set(false);
            searcher.join();
        }
        print("search district + industry during an import of %,d enterprises: %d queries, median %.1f ms, p95 %.1f ms, "
                + "max %.1f ms", duringImport, times.size(), percentile(times, 50), percentile(times, 95),
                percentile(times, 100));
    }

    private List<Region> districts() {
        return regions.openRegions().values().stream().filter(r -> r.path().startsWith("/500000/") && r.level() == 2)
                .sorted(java.util.Comparator.comparing(Region::code)).toList();
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
