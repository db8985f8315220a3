package org.capgov.pricing;

import static org.capgov.bench.BenchSupport.print;
import static org.capgov.bench.BenchSupport.seconds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import org.capgov.bench.BenchSupport;
import org.capgov.identity.SystemActor;
import org.capgov.pricing.surcharge.SurchargeService;
import org.capgov.pricing.watch.ConsumptionService;
import org.capgov.pricing.watch.ConsumptionUpload;
import org.capgov.pricing.watch.WatchService;
import org.capgov.shared.DataScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pricing benchmark, a command and never a test: generates enterprises across the districts of 重庆 (aluminium,
 * steel, cement and others in turn; one in a thousand closed, one in a thousand a crypto-miner) with 1.5 grid accounts
 * each on average, a verified previous-year aluminium-liquid consumption for four smelters in five (so ladder items are
 * priced), and months of consumption per account
 * with set-based SQL; then times the monthly surcharge list over the whole city and the power-use watch over the last
 * month. Run on a fresh data directory of its own, after {@code ./mvnw -B -o -Pbench package}:
 * {@code java -Xmx2g -jar target/bench/capgov-bench.jar --capgov.bench=pricing --capgov.bench.enterprises=1000000
 * --capgov.bench.months=24 --capgov.data-dir=target/pricing-bench --capgov.embedded-db.clean-on-start=true
 * --server.port=0}.
 */
@Component
@ConditionalOnProperty(name = "capgov.bench", havingValue = "pricing")
class PricingBench implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final SurchargeService surcharges;
    private final WatchService watch;
    private final ConfigurableApplicationContext context;
    private final TransactionTemplate tx;
    private final ConsumptionUpload upload;
    private final int enterprises;
    private final int months;
    private final int importRows;

    PricingBench(JdbcClient jdbc, SurchargeService surcharges, WatchService watch, ConfigurableApplicationContext context,
            PlatformTransactionManager transactions, ConsumptionUpload upload,
            @Value("${capgov.bench.enterprises:1000000}") int enterprises, @Value("${capgov.bench.months:24}") int months,
            @Value("${capgov.bench.import-rows:200000}") int importRows) {
        this.jdbc = jdbc;
        this.surcharges = surcharges;
        this.watch = watch;
        this.context = context;
        this.tx = new TransactionTemplate(transactions);
        this.upload = upload;
        this.enterprises = enterprises;
        this.months = months;
        this.importRows = importRows;
    }

    private static final long CHUNK = 50_000;

    @Override
    public void run(ApplicationArguments args) {
        int exit = 0;
        BenchSupport.HeapWatch heap = new BenchSupport.HeapWatch();
        try {
            YearMonth last = YearMonth.of(2025, 12);
            YearMonth first = last.minusMonths(months - 1);
            long t0 = System.nanoTime();
            int accounts = unchecked(() -> {
                jdbc.sql("""
                        with d as (select array_agg(code order by code) as codes, array_agg(path order by code) as paths
                                     from region where path like '/500000/%' and level = 2 and closed_on is null)
                        insert into enterprise (uscc, name, region_code, region_path, industries, status, status_since)
                        select 'P' || lpad(i::text, 17, '0'), '基准电价企业' || i, d.codes[1 + i % cardinality(d.codes)],
                               d.paths[1 + i % cardinality(d.codes)],
                               array[(array['ALUMINIUM','STEEL','CEMENT','OTHER'])[1 + i % 4]],
                               case when i % 1000 = 7 then 'CLOSED' else 'OPERATING' end, date '2020-01-01'
                          from generate_series(1, :n) i, d""").param("n", enterprises).update();
                int n = jdbc.sql("""
                        insert into grid_account (account_no, enterprise_id, valid_from)
                        select 'BA-' || e.id || '-' || k, e.id, date '2020-01-01'
                          from enterprise e cross join generate_series(1, 2) k
                         where e.uscc like 'P%' and (k = 1 or e.id % 2 = 0)""").update();
                jdbc.sql("""
                        insert into pricing_activity (enterprise_id, uscc, region_path, activity, effective_from, document,
                                                      recorded_by)
                        select id, uscc, region_path, 'CRYPTO_MINING', date '2024-01-01', 'bench', 'bench' from enterprise
                         where uscc like 'P%' and id % 1000 = 3""").update();
                return n;
            });
            jdbc.sql("select measurement_ensure_partitions(array[cast(:d as date)])")
                    .param("d", java.sql.Date.valueOf(last.minusYears(1).atEndOfMonth())).query().listOfRows();
            int verified = jdbc.sql("""
                    insert into measurement (enterprise_id, metric, value, unit, period_start, period_end, source,
                                             recorded_by, effective_date)
                    select id, 'al_liquid_comprehensive_ac', 13250 + id % 200, 'kWh/t', :from, :to, 'INSPECTION', 'bench', :to
                      from enterprise where uscc like 'P%' and 'ALUMINIUM' = any(industries) and id % 5 <> 0""")
                    .param("from", java.sql.Date.valueOf(java.time.LocalDate.of(last.getYear() - 1, 1, 1)))
                    .param("to", java.sql.Date.valueOf(java.time.LocalDate.of(last.getYear() - 1, 12, 31))).update();
            jdbc.sql("analyze enterprise").update();
            jdbc.sql("analyze grid_account").update();
            print("generated %,d enterprises, %,d grid accounts, %,d verified values in %.1f s", enterprises, accounts,
                    verified, seconds(t0));

            long t1 = System.nanoTime();
            long rows = consumption(first, last);
            double load = seconds(t1);
            print("generated %,d consumption rows (%d months) in %.1f s (%,.0f rows/s, set-based SQL, indexes built "
                    + "after, no per-row foreign-key check)", rows, months, load, rows / load);

            System.gc();
            heap.start();
            long[] counts = {0, 0, 0, 0};
            long t2 = System.nanoTime();
            surcharges.compute(last, "/", DataScope.all(), i -> {
                counts[0]++;
                if ("LADDER".equals(i.kind())) {
                    counts[3]++;
                }
            }, c -> counts[1]++, d -> counts[2]++);
            print("surcharge list %s for the whole city: %,d items (%,d ladder), %,d conflicts, %,d draft items over %,d "
                    + "accounts in %.1f s (target ≤ 60 s)", last, counts[0], counts[3], counts[1], counts[2], accounts,
                    seconds(t2));
            heap.stop();
            print("peak heap during the list %,d MB (max %,d MB)", heap.peak() / (1024 * 1024),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.gc();
            BenchSupport.HeapWatch watchHeap = new BenchSupport.HeapWatch();
            watchHeap.start();
            long t3 = System.nanoTime();
            int leads = SystemActor.call(() -> watch.run(last, null));
            print("watch over %s: %,d accounts × %d months of history, %,d leads raised (with notices) in %.1f s "
                    + "(target ≤ 60 s)", last, accounts, Math.min(months - 1, 12), leads, seconds(t3));
            watchHeap.stop();
            print("peak heap during the watch %,d MB (the watch holds one account's months at a time)",
                    watchHeap.peak() / (1024 * 1024));
            importSlice(last);
        } catch (RuntimeException | IOException e) {
            exit = 1;
            System.out.println("[bench] FAILED: " + e);
            e.printStackTrace(System.out);
        }
        int code = exit;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /**
     * Runs generating statements in one transaction without per-row foreign-key checks (the rows are made from the
     * referenced tables themselves); the registry's own triggers still fire (they are enabled ALWAYS).
     */
    private <T> T unchecked(Supplier<T> work) {
        return tx.execute(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            return work.get();
        });
    }

    /**
     * Months of consumption for every generated account, in chunks of enterprises (progress printed), with the
     * table's indexes dropped during the load and built once after it, as a bulk load does.
     */
    private long consumption(YearMonth first, YearMonth last) {
        boolean dropped = false;
        try {
            unchecked(() -> {
                jdbc.sql("alter table electricity_consumption drop constraint electricity_consumption_pkey").update();
                jdbc.sql("drop index electricity_consumption_enterprise").update();
                return 0;
            });
            dropped = true;
        } catch (RuntimeException e) {
            print("indexes kept during the load (%s)", e.getMessage());
        }
        long lo = jdbc.sql("select min(id) from enterprise where uscc like 'P%'").query(Long.class).single();
        long hi = jdbc.sql("select max(id) from enterprise where uscc like 'P%'").query(Long.class).single();
        long total = 0;
        long t0 = System.nanoTime();
        for (long start = lo; start <= hi; start += CHUNK) {
            long from = start;
            long to = Math.min(hi, start + CHUNK - 1);
            total += unchecked(() -> jdbc.sql("""
                    insert into electricity_consumption (account_no, period_kind, period_start, enterprise_id, region_path,
                                                         kwh, recorded_by)
                    select g.account_no, 'MONTH', m::date, g.enterprise_id, e.region_path,
                           round((200000 + abs(hashtext(g.account_no)) % 3000000)
                                 * (0.96 + (abs(hashtext(g.account_no || m::date)) % 81) / 1000.0)
                                 * case when m::date = :last and g.enterprise_id % 997 = 5 then 4 else 1 end, 2), 'bench'
                      from grid_account g join enterprise e on e.id = g.enterprise_id
                     cross join generate_series(:first, :last, interval '1 month') m
                     where e.uscc like 'P%' and e.id between :lo and :hi""")
                    .param("first", java.sql.Date.valueOf(first.atDay(1))).param("last", java.sql.Date.valueOf(last.atDay(1)))
                    .param("lo", from).param("hi", to).update());
            print("  %,d consumption rows after %.1f s", total, seconds(t0));
        }
        if (dropped) {
            long t1 = System.nanoTime();
            unchecked(() -> {
                jdbc.sql("set local maintenance_work_mem = '256MB'").update();
                jdbc.sql("alter table electricity_consumption add primary key (account_no, period_kind, period_start)")
                        .update();
                jdbc.sql("create index electricity_consumption_enterprise on electricity_consumption (enterprise_id)")
                        .update();
                return 0;
            });
            print("  indexes built in %.1f s", seconds(t1));
        }
        jdbc.sql("analyze electricity_consumption").update();
        return total;
    }

    /**
     * The import speed through the real path (file → checks → upsert → the watch over the touched month), on a slice:
     * files of up to 100,000 rows (the import's limit) for months after the generated ones.
     */
    private void importSlice(YearMonth last) throws IOException {
        if (importRows <= 0) {
            return;
        }
        // each account's own level (its last generated month), so the slice raises as many leads as a real month would
        List<String[]> accounts = jdbc.sql("""
                select account_no, kwh from electricity_consumption where period_kind = 'MONTH' and period_start = :last
                   and account_no like 'BA-%' order by account_no limit :n""")
                .param("last", java.sql.Date.valueOf(last.atDay(1)))
                .param("n", Math.min(importRows, ConsumptionService.MAX_ROWS))
                .query((rs, i) -> new String[] {rs.getString(1), rs.getBigDecimal(2).toPlainString()}).list();
        int files = Math.max(1, (importRows + accounts.size() - 1) / accounts.size());
        Path dir = Files.createTempDirectory("pricing-bench");
        long rows = 0;
        double seconds = 0;
        int leads = 0;
        for (int f = 0; f < files; f++) {
            YearMonth month = last.plusMonths(1 + f);
            Path file = dir.resolve("consumption-" + month + ".csv");
            try (var out = Files.newBufferedWriter(file)) {
                out.write("供电户号,期间,用电量（千瓦时）\n");
                for (int i = 0; i < accounts.size(); i++) {
                    out.write(accounts.get(i)[0] + "," + month + "," + accounts.get(i)[1] + "\n");
                }
            }
            long t = System.nanoTime();
            ConsumptionService.Result r = SystemActor.call(() -> {
                try {
                    return upload.load(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            seconds += seconds(t);
            rows += r.stored();
            leads += r.leads();
            Files.delete(file);
        }
        Files.delete(dir);
        print("import through the upload path: %,d rows in %d file(s) in %.1f s (%,.0f rows/s, with the watch over each "
                + "file's month: %,d leads; the registry's import ≥ 50,000 rows/s)", rows, files, seconds, rows / seconds,
                leads);
    }
}
