package org.capgov.compliance;

import static org.capgov.bench.BenchSupport.percentile;
import static org.capgov.bench.BenchSupport.sleep;
import static org.capgov.bench.BenchSupport.seconds;
import static org.capgov.bench.BenchSupport.print;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.capgov.catalog.CatalogService;
import org.capgov.catalog.Catalog;
import org.capgov.identity.SystemActor;
import org.capgov.monitoring.MeasurementPartitions;
import org.capgov.region.RegionService;
import org.capgov.registry.RegistryFacts;
import org.capgov.registry.RegistryFactsEnterprise;
import org.capgov.shared.DataScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The compliance benchmark, a command and never a test (machines are noisy). On a registry loaded by demo mode
 * ({@code --capgov.demo=true --capgov.demo.enterprises=345000} gives about a million equipment rows) it generates
 * {@code capgov.bench.measurements} measurements, then times: a full run end to end (read, evaluate, write and index
 * the findings), an incremental run after 1% of the enterprises changed, the engine alone on one thread, the
 * single-enterprise evaluation of {@link EvaluationService} and a what-if over the whole registry. Prints the
 * figures and exits. E.g.
 * {@code java -Xmx2g -jar target/bench/capgov-bench.jar --capgov.bench=compliance --capgov.demo=true --capgov.demo.enterprises=345000
 * --capgov.data-dir=target/bench-data --capgov.embedded-db.clean-on-start=true --server.port=0}.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "capgov.bench", havingValue = "compliance")
class ComplianceBench implements ApplicationRunner {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private final ComplianceRunService runs;
    private final EvaluationService evaluation;
    private final WhatIfService whatIf;
    private final RegistryFacts registry;
    private final ComplianceRunMeasurementSource measurements;
    private final CatalogService catalog;
    private final RegionService regions;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate readOnly;
    private final ConfigurableApplicationContext context;
    private final MeasurementPartitions partitions;
    private final long measurementCount;
    private final int sample;
    private final int calls;
    private final double engineSeconds;

    ComplianceBench(ComplianceRunService runs, EvaluationService evaluation, WhatIfService whatIf,
            RegistryFacts registry, ComplianceRunMeasurementSource measurements, CatalogService catalog,
            RegionService regions, JdbcClient jdbc, MeasurementPartitions partitions,
            DataSource dataSource, PlatformTransactionManager transactions, ConfigurableApplicationContext context,
            @Value("${capgov.bench.measurements:5000000}") long measurementCount,
            @Value("${capgov.bench.engine-sample:5000}") int sample,
            @Value("${capgov.bench.calls:1000}") int calls,
            @Value("${capgov.bench.engine-seconds:10}") double engineSeconds) {
        this.runs = runs;
        this.evaluation = evaluation;
        this.whatIf = whatIf;
        this.registry = registry;
        this.measurements = measurements;
        this.catalog = catalog;
        this.regions = regions;
        this.jdbc = jdbc;
        this.partitions = partitions;
        this.dataSource = dataSource;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        this.context = context;
        this.measurementCount = measurementCount;
        this.sample = sample;
        this.calls = calls;
        this.engineSeconds = engineSeconds;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int exit = 0;
        try {
            SystemActor.run(this::bench);
        } catch (RuntimeException e) {
            exit = 1;
            System.out.println("[bench] FAILED: " + e);
            e.printStackTrace(System.out);
        }
        int code = exit;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    private void bench() {
        long enterprises = jdbc.sql("select count(*) from enterprise").query(Long.class).single();
        long equipment = jdbc.sql("select count(*) from equipment").query(Long.class).single();
        long current = jdbc.sql("select count(*) from equipment where status not in ('DISMANTLED', 'TRANSFERRED')")
                .query(Long.class).single();
        print("registry: %,d enterprises, %,d equipment rows (%,d current: not dismantled or transferred)", enterprises,
                equipment, current);
        Catalog catalogue = catalog.current();
        print("catalogue version %s: %d rules and elimination items; %d processors; max heap %,d MB", catalogue.version(),
                catalogue.rules().size(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        long existing = jdbc.sql("select count(*) from measurement").query(Long.class).single();
        if (existing < measurementCount) {
            long t0 = System.nanoTime();
            long loaded;
            try {
                partitions.ensure(ComplianceBenchMeasurements.days());
                loaded = new ComplianceBenchMeasurements(jdbc, dataSource, catalogue).load(measurementCount - existing,
                        readOnly);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            print("generated and loaded %,d measurements in %.1f s (setup, not part of the run)", loaded, seconds(t0));
        }
        print("measurements: %,d rows", jdbc.sql("select count(*) from measurement").query(Long.class).single());

        ComplianceRun full = timedRun(false, "full run");
        int changed = jdbc.sql("update enterprise set updated_at = now() where id % 100 = 0").update();
        sleep(50);
        ComplianceRun incremental = timedRun(true, "incremental run after " + changed + " enterprises changed");
        if (incremental.basedOn() == null || incremental.basedOn() != full.id()) {
            print("  (the incremental run did not build on the full run: based on %s)", incremental.basedOn());
        }
        engine(catalogue);
        single();
        long t0 = System.nanoTime();
        WhatIfResult same = whatIf.compare(catalogue.version(), AS_OF);
        print("what-if of the whole registry (published version against itself: both evaluations, no differences): "
                + "%,d enterprises, %,d equipment in %.1f s; %d changed", same.enterprises(), same.equipment(),
                seconds(t0), same.enterprisesChanged());
    }

    private ComplianceRun timedRun(boolean incremental, String what) {
        long t0 = System.nanoTime();
        ComplianceRun run = runs.start(AS_OF, incremental);
        while (!run.finished()) {
            sleep(100);
            run = runs.get(run.id());
        }
        double s = seconds(t0);
        if (!ComplianceRun.DONE.equals(run.status())) {
            throw new IllegalStateException(what + " " + run.status() + ": " + run.error());
        }
        print("%s: %,d enterprises (%,d evaluated), %,d findings written in %.1f s end to end = %,.0f enterprises/s, "
                + "%,.0f findings/s", what, run.enterprisesTotal(), run.enterprisesEvaluated(), run.findings(), s,
                run.enterprisesTotal() / s, run.findings() / s);
        print("  counts: %s", run.counts());
        return run;
    }

    /** The engine alone, on this one thread, over facts read beforehand: no database in the timed loop. */
    private void engine(Catalog catalogue) {
        List<Long> ids = jdbc.sql("select id from enterprise where status not in ('EXITED', 'DEREGISTERED') "
                + "order by id limit :n").param("n", sample).query(Long.class).list();
        FactsBuilder builder = FactsBuilder.over(catalogue, AS_OF, regions.all(true));
        List<Facts> facts = new ArrayList<>(ids.size());
        registry.forEach(DataScope.all(), AS_OF, ids,
                (RegistryFactsEnterprise e) -> facts.add(builder.facts(e, measurements.of(e.enterpriseId(), AS_OF))));
        ComplianceEngine.Prepared rules = ComplianceEngine.prepare(catalogue, AS_OF);
        ComplianceRunConflicts conflicts = new ComplianceRunConflicts(catalogue);
        long equipment = facts.stream().mapToLong(f -> f.equipment().size()).sum();
        long ms = facts.stream().mapToLong(f -> f.measurements().size()).sum();
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            pass(rules, conflicts, facts);
        }
        long findings = 0;
        long passes = 0;
        long t0 = System.nanoTime();
        long end = t0 + (long) (engineSeconds * 1e9);
        while (System.nanoTime() < end) {
            findings += pass(rules, conflicts, facts);
            passes++;
        }
        double s = seconds(t0);
        print("engine, one thread: %,d enterprises (%,d equipment, %,d latest measurements) x %d passes in %.1f s = "
                + "%,.0f enterprises/s, %,.0f rule evaluations/s (one rule applied to one subject = one finding)",
                facts.size(), equipment, ms, passes, s, facts.size() * passes / s, findings / s);
    }

    private static long pass(ComplianceEngine.Prepared rules, ComplianceRunConflicts conflicts, List<Facts> facts) {
        long n = 0;
        for (Facts f : facts) {
            List<Finding> found = ComplianceEngine.evaluate(rules, f);
            n += found.size() + conflicts.detect(found).size();
        }
        return n;
    }

    /** EvaluationService on registered enterprises: registry read, latest measurements, engine, conflicts. */
    private void single() {
        List<String> usccs = jdbc.sql("select uscc from enterprise where status not in ('EXITED', 'DEREGISTERED') "
                + "order by md5(uscc) limit :n").param("n", calls + 100).query(String.class).list();
        List<Long> times = new ArrayList<>();
        long findings = 0;
        for (int i = 0; i < usccs.size(); i++) {
            long t0 = System.nanoTime();
            EvaluationResult r = evaluation.evaluateRegistered(usccs.get(i), AS_OF);
            long t = System.nanoTime() - t0;
            if (i >= 100) {
                times.add(t);
                findings += r.findings().size();
            }
        }
        print("single-enterprise evaluation (EvaluationService.evaluateRegistered): %d calls, median %.2f ms, p95 %.2f ms, "
                + "max %.2f ms (%.1f findings per call)", times.size(), percentile(times, 50), percentile(times, 95),
                percentile(times, 100), findings / (double) Math.max(1, times.size()));
    }
}
