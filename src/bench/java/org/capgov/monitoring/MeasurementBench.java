package org.capgov.monitoring;

import static org.capgov.bench.BenchSupport.print;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
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
 * The measurement benchmark, a command and never a test (machines are noisy): on a registry that already holds
 * equipment (demo data, e.g. {@code --capgov.demo.enterprises=200000}), generates {@code per-equipment} synthetic
 * measurements for every item in SQL, then times the full stream of latest valid values (what a re-evaluation of
 * the whole registry reads) and single-enterprise look-ups, prints the figures and exits. E.g.
 * {@code java -Xmx1g -jar target/bench/capgov-bench.jar --spring.profiles.active=demo --capgov.demo.enterprises=200000
 * --capgov.bench=measurements --capgov.bench.per-equipment=5 --capgov.data-dir=target/bench-data --server.port=0}.
 */
@Component
@ConditionalOnProperty(name = "capgov.bench", havingValue = "measurements")
class MeasurementBench implements ApplicationRunner {

    private final MeasurementService measurements;
    private final MeasurementPartitions partitions;
    private final JdbcClient jdbc;
    private final ConfigurableApplicationContext context;
    private final int perEquipment;

    MeasurementBench(MeasurementService measurements, MeasurementPartitions partitions, JdbcClient jdbc, ConfigurableApplicationContext context,
            @Value("${capgov.bench.per-equipment:5}") int perEquipment) {
        this.measurements = measurements;
        this.partitions = partitions;
        this.jdbc = jdbc;
        this.context = context;
        this.perEquipment = perEquipment;
    }

    @Override
    public void run(ApplicationArguments args) {
        long equipment = jdbc.sql("select count(*) from equipment").query(Long.class).single();
        long existing = jdbc.sql("select count(*) from measurement").query(Long.class).single();
        print("registry: %,d equipment items; measurements before: %,d", equipment, existing);
        if (existing == 0) {
            long t = System.nanoTime();
            partitions.ensure(java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(m -> LocalDate.of(2016, m, 1)).toList());
            // three stack metrics over a year, one value in 20 marked INVALID, one in 10 with a monitoring point
            jdbc.sql("""
                    insert into measurement (enterprise_id, equipment_id, metric, value, unit, original_value, measured_at,
                                             source, validity, attributes, recorded_by, effective_date)
                    select q.enterprise_id, q.id, (array['so2_conc','nox_conc','pm_conc'])[1 + g % 3],
                           round((q.id % 997 + g * 7) % 400 + 0.5, 6), 'mg/m3', null,
                           timestamptz '2016-01-01 10:00+08' + ((q.id * 31 + g * 53) % 365) * interval '1 day',
                           'INSPECTION', case when (q.id + g) % 20 = 0 then 'INVALID' else 'VALID' end,
                           case when (q.id + g) % 10 = 0 then '{"monitoring_point":"STACK"}'::jsonb else '{}'::jsonb end,
                           'bench', date '2016-01-01' + ((q.id * 31 + g * 53) % 365)::int
                    from equipment q cross join generate_series(1, :n) g
                    """).param("n", perEquipment).update();
            jdbc.sql("analyze measurement").update();
            print("generated %,d measurements in %.1f s", jdbc.sql("select count(*) from measurement").query(Long.class)
                    .single(), (System.nanoTime() - t) / 1e9);
        }
        System.gc();
        long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        AtomicLong rows = new AtomicLong();
        AtomicLong enterprises = new AtomicLong();
        long[] last = {Long.MIN_VALUE};
        long[] peak = {0};
        long t = System.nanoTime();
        long[] first = {0};
        SystemActor.run(() -> measurements.latestValidForAll(LocalDate.of(2016, 12, 31), m -> {
            if (rows.incrementAndGet() == 1) {
                first[0] = System.nanoTime();
            }
            if (m.enterpriseId() != last[0]) {
                if (m.enterpriseId() < last[0]) {
                    throw new IllegalStateException("stream out of enterprise order");
                }
                enterprises.incrementAndGet();
                last[0] = m.enterpriseId();
            }
            if ((rows.get() & 0xFFFF) == 0) {
                peak[0] = Math.max(peak[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
        }));
        double seconds = (System.nanoTime() - t) / 1e9;
        print("latestValidForAll: %,d latest values of %,d enterprises in %.1f s (first row after %.1f s, %,.0f rows/s); "
                + "heap %,d MB before, peak seen %,d MB", rows.get(), enterprises.get(), seconds,
                (first[0] - t) / 1e9, rows.get() / seconds, heapBefore >> 20, peak[0] >> 20);
        List<Long> ids = jdbc.sql("select distinct enterprise_id from measurement order by enterprise_id limit 500")
                .query(Long.class).list();
        t = System.nanoTime();
        long found = 0;
        for (long id : ids) {
            found += SystemActor.call(() -> measurements.latestValid(id, LocalDate.of(2016, 12, 31))).size();
        }
        print("latestValid: %d enterprises, %,d values, %.2f ms each", ids.size(), found,
                (System.nanoTime() - t) / 1e6 / Math.max(1, ids.size()));
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
