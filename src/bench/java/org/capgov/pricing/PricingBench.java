package org.capgov.pricing;

import static org.capgov.bench.BenchSupport.print;
import static org.capgov.bench.BenchSupport.seconds;

import java.time.YearMonth;
import org.capgov.bench.BenchSupport;
import org.capgov.identity.SystemActor;
import org.capgov.pricing.surcharge.SurchargeService;
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
    private final int enterprises;
    private final int months;

    PricingBench(JdbcClient jdbc, SurchargeService surcharges, WatchService watch, ConfigurableApplicationContext context,
            @Value("${capgov.bench.enterprises:1000000}") int enterprises, @Value("${capgov.bench.months:24}") int months) {
        this.jdbc = jdbc;
        this.surcharges = surcharges;
        this.watch = watch;
        this.context = context;
        this.enterprises = enterprises;
        this.months = months;
    }

    @Override
    public void run(ApplicationArguments args) {
        int exit = 0;
        BenchSupport.HeapWatch heap = new BenchSupport.HeapWatch();
        try {
            YearMonth last = YearMonth.of(2025, 12);
            YearMonth first = last.minusMonths(months - 1);
            long t0 = System.nanoTime();
            jdbc.sql("""
                    with d as (select array_agg(code order by code) as codes, array_agg(path order by code) as paths
                                 from region where path like '/500000/%' and level = 2 and closed_on is null)
                    insert into enterprise (uscc, name, region_code, region_path, industries, status, status_since)
                    select 'P' || lpad(i::text, 17, '0'), '基准电价企业' || i, d.codes[1 + i % cardinality(d.codes)],
                           d.paths[1 + i % cardinality(d.codes)],
                           array[(array['ALUMINIUM','STEEL','CEMENT','OTHER'])[1 + i % 4]],
                           case when i % 1000 = 7 then 'CLOSED' else 'OPERATING' end, date '2020-01-01'
                      from generate_series(1, :n) i, d""").param("n", enterprises).update();
            int accounts = jdbc.sql("""
                    insert into grid_account (account_no, enterprise_id, valid_from)
                    select 'BA-' || e.id || '-' || k, e.id, date '2020-01-01'
                      from enterprise e cross join generate_series(1, 2) k
                     where e.uscc like 'P%' and (k = 1 or e.id % 2 = 0)""").update();
            jdbc.sql("""
                    insert into pricing_activity (enterprise_id, uscc, region_path, activity, effective_from, document,
                                                  recorded_by)
                    select id, uscc, region_path, 'CRYPTO_MINING', date '2024-01-01', 'bench', 'bench' from enterprise
                     where uscc like 'P%' and id % 1000 = 3""").update();
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
            int rows = jdbc.sql("""
                    insert into electricity_consumption (account_no, period_kind, period_start, enterprise_id, region_path,
                                                         kwh, recorded_by)
                    select g.account_no, 'MONTH', m::date, g.enterprise_id, e.region_path,
                           round((200000 + abs(hashtext(g.account_no)) % 3000000)
                                 * (0.96 + (abs(hashtext(g.account_no || m::date)) % 81) / 1000.0)
                                 * case when m::date = :last and g.enterprise_id % 997 = 5 then 4 else 1 end, 2), 'bench'
                      from grid_account g join enterprise e on e.id = g.enterprise_id
                     cross join generate_series(:first, :last, interval '1 month') m
                     where e.uscc like 'P%'""").param("first", java.sql.Date.valueOf(first.atDay(1)))
                    .param("last", java.sql.Date.valueOf(last.atDay(1))).update();
            jdbc.sql("analyze electricity_consumption").update();
            double load = seconds(t1);
            print("loaded %,d consumption rows (%d months) in %.1f s (%,.0f rows/s, set-based SQL)", rows, months, load,
                    rows / load);

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
        } catch (RuntimeException e) {
            exit = 1;
            System.out.println("[bench] FAILED: " + e);
            e.printStackTrace(System.out);
        }
        int code = exit;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
