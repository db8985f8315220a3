package org.capgov.enforcement;

import static org.capgov.bench.BenchSupport.seconds;
import static org.capgov.bench.BenchSupport.print;
import java.time.LocalDate;
import java.util.Locale;
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
 * The deadline-sweep benchmark, a command and never a test: generates enterprises across the districts of 重庆 and
 * five open rectification cases each (one per dimension) with set-based SQL, opened over the last 400 days so that
 * about half have passed their six-month deadline, then times the sweep (mark, CaseDeadlineMissed and Notice per
 * overdue case), a second sweep that finds nothing new, and the dashboard board for the whole city. Run on a fresh
 * data directory of its own, after {@code ./mvnw -B -o -Pbench package}:
 * {@code java -Xmx1g -jar target/bench/capgov-bench.jar --capgov.bench=enforcement --capgov.bench.cases=1000000
 * --capgov.data-dir=target/enforcement-bench --capgov.embedded-db.clean-on-start=true --server.port=0}.
 */
@Component
@ConditionalOnProperty(name = "capgov.bench", havingValue = "enforcement")
class EnforcementBench implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final DeadlineSweep sweep;
    private final DeadlineBoard board;
    private final ConfigurableApplicationContext context;
    private final int cases;

    EnforcementBench(JdbcClient jdbc, DeadlineSweep sweep, DeadlineBoard board, ConfigurableApplicationContext context,
            @Value("${capgov.bench.cases:1000000}") int cases) {
        this.jdbc = jdbc;
        this.sweep = sweep;
        this.board = board;
        this.context = context;
        this.cases = cases;
    }

    @Override
    public void run(ApplicationArguments args) {
        int exit = 0;
        try {
            LocalDate today = org.capgov.shared.ChinaTime.today(
                java.time.Clock.system(org.capgov.shared.ChinaTime.ZONE));
            int enterprises = (cases + 4) / 5;
            long t0 = System.nanoTime();
            jdbc.sql("""
                    with d as (select array_agg(code order by code) as codes, array_agg(path order by code) as paths
                                 from region where path like '/500000/%' and level = 2 and closed_on is null)
                    insert into enterprise (uscc, name, region_code, region_path, industries, status, status_since)
                    select 'B' || lpad(i::text, 17, '0'), '基准测试企业' || i, d.codes[1 + i % cardinality(d.codes)],
                           d.paths[1 + i % cardinality(d.codes)], array['STEEL'], 'RECTIFYING', date '2020-01-01'
                      from generate_series(1, :n) i, d""")
                    .param("n", enterprises).update();
            print("generated %,d enterprises in %.1f s", enterprises, seconds(t0));
            long t1 = System.nanoTime();
            jdbc.sql("""
                    insert into enforcement_case (id, kind, enterprise_id, uscc, region_path, dimension, department_code,
                        state, opened_on, deadline, original_deadline, origin, created_by)
                    select 'ZG-B-' || lpad(n::text, 8, '0'), 'RECTIFICATION', e.id, e.uscc, e.region_path, d.dimension,
                           d.department, 'NOTICE_ISSUED', :today - (n % 400)::int, (:today - (n % 400)::int) + interval '6 months',
                           (:today - (n % 400)::int) + interval '6 months', 'MANUAL', 'bench'
                      from (select e.*, row_number() over (order by e.id) as k from enterprise e
                             where e.uscc like 'B%') e
                      cross join (values ('ENERGY', 'CQ-JXW', 0), ('ENVIRONMENT', 'CQ-STHJJ', 1),
                                         ('QUALITY', 'CQ-SCJGJ', 2), ('SAFETY', 'CQ-YJJ', 3),
                                         ('TECHNOLOGY', 'CQ-JXW', 4)) d(dimension, department, j)
                      cross join lateral (select (e.k - 1) * 5 + d.j + 1 as n) x
                     where x.n <= :cases""")
                    .param("today", today).param("cases", cases).update();
            jdbc.sql("analyze enforcement_case").update();
            long due = jdbc.sql("select count(*) from enforcement_case where closed_on is null and deadline < :today")
                    .param("today", today).query(Long.class).single();
            print("generated %,d open cases in %.1f s (%,d past their deadline)", cases, seconds(t1), due);

            DeadlineSweep.Result first = sweep.sweep(today);
            print("sweep: %,d cases marked overdue and reported (CaseDeadlineMissed each, notices per department × region) in %.1f s"
                    + " (%.1f s of it in the database)", first.reported(), first.millis() / 1000.0,
                    first.databaseMillis() / 1000.0);
            DeadlineSweep.Result second = sweep.sweep(today);
            print("second sweep: %,d new in %.2f s", second.reported(), second.millis() / 1000.0);
            long t2 = System.nanoTime();
            DeadlineBoard.Board b = SystemActor.call(() -> board.board());
            print("dashboard board (whole scope): %,d due soon, %,d overdue, %d departments in %.0f ms", b.dueSoon(),
                    b.overdue(), b.departments().size(), (System.nanoTime() - t2) / 1e6);
        } catch (RuntimeException e) {
            exit = 1;
            System.out.println("[bench] FAILED: " + e);
            e.printStackTrace(System.out);
        }
        int code = exit;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
