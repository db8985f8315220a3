package org.capgov.capacity.output;

import static org.capgov.bench.BenchSupport.print;
import static org.capgov.bench.BenchSupport.seconds;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.capgov.bench.BenchSupport;
import org.capgov.capacity.target.TargetProgressService;
import org.capgov.capacity.utilisation.UtilisationService;
import org.capgov.capacity.warning.WarningService;
import org.capgov.identity.SystemActor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The capacity benchmark, a command and never a test: generates {@code enterprises} enterprises over the districts of
 * 重庆 with one line each (five products), writes a CSV of monthly output (every other month of 24 for each
 * enterprise: enterprises × 12 rows, 12,000,000 at full size) and imports it through the real import (checks, COPY,
 * capacity check, revisions, audit), then evaluates utilisation and warnings for every monitored product × region
 * × each of the 24 months in one run, and times the utilisation and target-board services (p50 / p95), each query
 * the first time and again. {@code --capgov.bench.import=false} writes the same output rows by SQL instead of the
 * import, for sizes the import would take hours over. E.g.
 * {@code java -Xmx2g -jar target/bench/capgov-bench.jar --capgov.bench=capacity --capgov.bench.enterprises=100000
 * --capgov.data-dir=target/bench-cap --capgov.embedded-db.clean-on-start=true --server.port=0}.
 */
@Component
@ConditionalOnProperty(name = "capgov.bench", havingValue = "capacity")
class CapacityBench implements ApplicationRunner {

    static final String[] PRODUCTS = {"CLINKER", "CRUDE_STEEL", "FLAT_GLASS", "ALUMINIUM", "PIG_IRON"};
    static final String[] TYPES = {"CEMENT_KILN", "CONVERTER", "GLASS_FURNACE", "ELECTROLYTIC_CELL_LINE", "BLAST_FURNACE"};
    static final String[] INDUSTRIES = {"CEMENT", "STEEL", "FLAT_GLASS", "ALUMINIUM", "STEEL"};
    static final YearMonth FIRST = YearMonth.of(2024, 1);
    static final int MONTHS = 24;

    private final OutputImport imports;
    private final WarningService warnings;
    private final UtilisationService utilisation;
    private final TargetProgressService targets;
    private final JdbcClient jdbc;
    private final org.capgov.capacity.utilisation.CapacityFigures figures;
    private final org.capgov.capacity.utilisation.MonthlyFigures monthly;
    private final ConfigurableApplicationContext context;
    private final int enterprises;
    private final int queries;
    private final boolean viaImport;
    private final boolean importOnly;

    CapacityBench(OutputImport imports, WarningService warnings, UtilisationService utilisation,
            TargetProgressService targets, JdbcClient jdbc, org.capgov.capacity.utilisation.CapacityFigures figures,
            org.capgov.capacity.utilisation.MonthlyFigures monthly,
            ConfigurableApplicationContext context,
            @Value("${capgov.bench.enterprises:1000000}") int enterprises,
            @Value("${capgov.bench.queries:200}") int queries,
            @Value("${capgov.bench.import:true}") boolean viaImport,
            @Value("${capgov.bench.import-only:false}") boolean importOnly) {
        this.viaImport = viaImport;
        this.importOnly = importOnly;
        this.imports = imports;
        this.warnings = warnings;
        this.utilisation = utilisation;
        this.targets = targets;
        this.jdbc = jdbc;
        this.figures = figures;
        this.monthly = monthly;
        this.context = context;
        this.enterprises = enterprises;
        this.queries = queries;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        try {
            bench();
            System.exit(SpringApplication.exit(context, () -> 0));
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            print("FAILED %s", e);
            System.exit(SpringApplication.exit(context, () -> 1));
        }
    }

    private void bench() throws Exception {
        long t = System.nanoTime();
        registry();
        print("registry: %,d enterprises with one line each in %.1f s", enterprises, seconds(t));

        if (viaImport) {
            importCsv();
        } else {
            t = System.nanoTime();
            long rows = insertOutput();
            print("output: %,d rows written by SQL (no import) in %.1f s", rows, seconds(t));
        }
        jdbc.sql("analyze output_report").update();
        if (importOnly) {
            return;
        }

        t = System.nanoTime();
        var read = monthly.byRegionPath(java.util.Arrays.stream(PRODUCTS).map(org.capgov.shared.Product::valueOf).toList(),
                FIRST, FIRST.plusMonths(MONTHS - 1));
        print("figures of %d products × %d months in one statement: %,d product-months in %.1f s", PRODUCTS.length,
                MONTHS, read.values().stream().mapToInt(Map::size).sum(), seconds(t));

        t = System.nanoTime();
        List<WarningService.Evaluation> run = SystemActor.call(() -> warnings.evaluate(FIRST, FIRST.plusMonths(MONTHS - 1)));
        int evaluated = run.stream().mapToInt(WarningService.Evaluation::evaluated).sum();
        int opened = run.stream().mapToInt(WarningService.Evaluation::opened).sum();
        print("utilisation + warnings: %d months × monitored products × regions: %,d product-region-months evaluated, "
                + "%,d warnings opened, in %.1f s", MONTHS, evaluated, opened, seconds(t));
        // what the former evaluation read: one query per product and month (the months' figures computed, not kept)
        t = System.nanoTime();
        int sample = 2;
        for (int m = 0; m < sample; m++) {
            org.capgov.capacity.utilisation.Period month = org.capgov.capacity.utilisation.Period.month(FIRST.plusMonths(m));
            for (String product : PRODUCTS) {
                figures.byRegionPath(org.capgov.shared.Product.valueOf(product), "/", month,
                        org.capgov.shared.DataScope.all());
            }
        }
        double perMonth = seconds(t) / sample;
        print("reads of the former evaluation (one query per product and month): %.1f s per month, i.e. %.1f s for %d "
                + "months", perMonth, perMonth * MONTHS, MONTHS);
        t = System.nanoTime();
        WarningService.Evaluation one = SystemActor.call(() -> warnings.evaluate(FIRST.plusMonths(MONTHS - 1).toString()));
        print("utilisation + warnings, one month again (%s): %,d evaluated in %.1f s", one.period(), one.evaluated(),
                seconds(t));

        // each query twice: the first time computed, the second time kept (no input changed in between)
        String[] regions = {"500000", "500101", "500102", "500110", "500229", "500236"};
        for (String pass : new String[] {"first time", "again"}) {
            List<Double> util = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                String product = PRODUCTS[i % PRODUCTS.length];
                String region = regions[i % regions.length];
                String period = i % 3 == 0 ? "2025" : i % 3 == 1 ? "2025-Q" + (1 + i % 4) : FIRST.plusMonths(i % MONTHS).toString();
                long q = System.nanoTime();
                SystemActor.call(() -> utilisation.of(product, region, period));
                util.add((System.nanoTime() - q) / 1e6);
            }
            BenchSupport.report("utilisation (service), " + pass, util);
        }
        for (String asOf : new String[] {"2018-12-31", "2025-12-31"}) {
            long q = System.nanoTime();
            SystemActor.call(() -> targets.progress("500000", asOf));
            print("target board 500000 as of %s, first time: %.1f ms", asOf, (System.nanoTime() - q) / 1e6);
        }
        List<Double> board = new ArrayList<>();
        for (int i = 0; i < Math.max(10, queries / 10); i++) {
            String asOf = i % 2 == 0 ? "2018-12-31" : "2025-12-31";
            long q = System.nanoTime();
            SystemActor.call(() -> targets.progress("500000", asOf));
            board.add((System.nanoTime() - q) / 1e6);
        }
        BenchSupport.report("target board 500000 (service), again", board);
        // a report changes an input: the next board is computed again
        jdbc.sql("update output_report set note = 'bench' where id = (select min(id) from output_report)").update();
        long q = System.nanoTime();
        SystemActor.call(() -> targets.progress("500000", "2025-12-31"));
        print("target board 500000 after an input changed: %.1f ms", (System.nanoTime() - q) / 1e6);
    }

    private void importCsv() throws Exception {
        Path csv = Path.of("target", "bench-capacity-output.csv");
        long t = System.nanoTime();
        long rows = writeCsv(csv);
        print("csv: %,d rows, %,d MB in %.1f s", rows, Files.size(csv) >> 20, seconds(t));
        BenchSupport.HeapWatch heap = new BenchSupport.HeapWatch();
        heap.start();
        t = System.nanoTime();
        OutputImport.Outcome o = SystemActor.call(() -> {
            try {
                return imports.run("bench.csv", csv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        double s = seconds(t);
        heap.stop();
        if (!o.ok()) {
            throw new IllegalStateException("import refused: " + o.message() + " " + o.errors().subList(0,
                    Math.min(5, o.errors().size())));
        }
        print("import: %,d rows of %,d enterprises in %.1f s (%,.0f rows/s), peak heap %,d MB", o.imported(),
                o.enterprises(), s, o.imported() / s, heap.peak() >> 20);
        Files.deleteIfExists(csv);
    }

    /**
     * The rows {@link #writeCsv} writes, inserted by SQL instead of imported (for sizes the import would take hours),
     * in the order of the report indexes' leading columns so that their pages fill one after another.
     */
    private long insertOutput() {
        if (jdbc.sql("select count(*) from output_report where entered_by = 'bench'").query(Long.class).single() > 0) {
            return 0;
        }
        return jdbc.sql("""
                insert into output_report (enterprise_id, product, month, revision, current, quantity, entered_quantity,
                                           entered_unit, source, month_capacity, entered_by)
                select e.id, q.product, mo.month, 1, true, c.quantity, c.quantity, 't', 'SELF_REPORT', c.capacity, 'bench'
                from enterprise e join equipment q on q.enterprise_id = e.id
                cross join generate_series(0, :months - 1) m
                cross join lateral (select (cast(:first as date) + make_interval(months => m))::date as month) mo
                cross join lateral (select q.annual_capacity
                                             * (extract(day from (mo.month + interval '1 month' - interval '1 day')))
                                             / ((date_trunc('year', mo.month) + interval '1 year')::date
                                                - date_trunc('year', mo.month)::date) as capacity) cap
                cross join lateral (select round(cap.capacity * (0.60 + ((e.id * 7 + m * 13) % 36) / 100.0)) as quantity,
                                           round(cap.capacity, 3) as capacity) c
                where e.uscc like '91%B' and m % 2 = e.id % 2
                order by e.id, m
                """).param("months", MONTHS).param("first", java.sql.Date.valueOf(FIRST.atDay(1))).update();
    }

    /** Enterprises over the districts and counties of 重庆, each with one line of one of five products. */
    private void registry() {
        if (jdbc.sql("select count(*) from enterprise where uscc like '91%B'").query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("""
                with d as (select code, path, row_number() over (order by code) - 1 as i, count(*) over () as n
                           from region where path like '/500000/%' and level = 2 and closed_on is null)
                insert into enterprise (uscc, name, region_code, region_path, industries, status, status_since)
                select '91' || d.code || lpad(g::text, 9, '0') || 'B', '产能基准企业' || g, d.code, d.path,
                       array[(cast(:industries as varchar[]))[1 + g % 5]], 'OPERATING', date '2010-01-01'
                from generate_series(1, :n) g join d on d.i = g % d.n
                """).param("industries", INDUSTRIES).param("n", enterprises).update();
        jdbc.sql("""
                insert into equipment (enterprise_id, code, type, parameters, product, annual_capacity, commissioned,
                                       region_code, region_path, status, status_since)
                select e.id, 'L1', (cast(:types as varchar[]))[1 + (e.id % 5)::int], '{}'::jsonb,
                       (cast(:products as varchar[]))[1 + (e.id % 5)::int], 120000 + (e.id % 7) * 10000,
                       date '2010-01-01', e.region_code, e.region_path, 'OPERATING', date '2010-01-01'
                from enterprise e where e.uscc like '91%B'
                """).param("types", TYPES).param("products", PRODUCTS).update();
        jdbc.sql("analyze enterprise").update();
        jdbc.sql("analyze equipment").update();
    }

    /** Every other month for each enterprise, 60 % to 95 % of the month's capacity (some districts under 75 %). */
    private long writeCsv(Path csv) throws Exception {
        Files.createDirectories(csv.getParent());
        long[] n = {0};
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("统一社会信用代码,产品,月份,产量,单位,来源\n");
            jdbc.sql("""
                    select e.uscc, q.product, q.annual_capacity, e.id from enterprise e join equipment q on q.enterprise_id = e.id
                    where e.uscc like '91%B' order by e.id
                    """).query((java.sql.ResultSet rs) -> {
                try {
                    String uscc = rs.getString(1);
                    String product = rs.getString(2);
                    double annual = rs.getDouble(3);
                    long id = rs.getLong(4);
                    for (int m = (int) (id % 2); m < MONTHS; m += 2) {
                        YearMonth month = FIRST.plusMonths(m);
                        double capacity = annual * month.lengthOfMonth() / month.lengthOfYear();
                        double share = 0.60 + ((id * 7 + m * 13) % 36) / 100.0;
                        out.write(uscc + "," + product + "," + month + "," + Math.round(capacity * share) + ",,SELF_REPORT\n");
                        n[0]++;
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return n[0];
    }
}
