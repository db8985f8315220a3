package org.capgov.enforcement.lists;

import static org.capgov.bench.BenchSupport.percentile;
import static org.capgov.bench.BenchSupport.print;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public-list benchmark, a command and never a test (machines are noisy). On a registry loaded by demo mode it
 * generates {@code capgov.bench.cases} cases with timelines ({@link PublicListBenchCases}), then times the public list
 * pages and the anonymous JSON API over real HTTP, as a visitor would call them: region filters and past dates, first
 * pages and deep pages, downloads excluded. Prints median and p95 per kind of request and overall, then exits. E.g.
 * {@code java -Xmx1g -jar target/bench/capgov-bench.jar --capgov.bench=lists --capgov.demo=true
 * --capgov.demo.enterprises=30000 --capgov.data-dir=target/lists-bench --capgov.embedded-db.clean-on-start=true
 * --server.port=0}.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "capgov.bench", havingValue = "lists")
class PublicListBench implements ApplicationRunner {

    private static final int BATCH = 20_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ConfigurableApplicationContext context;
    private final Environment environment;
    private final long cases;
    private final int requests;
    private final HttpClient http = HttpClient.newHttpClient();

    PublicListBench(JdbcClient jdbc, PlatformTransactionManager transactions, ConfigurableApplicationContext context,
            Environment environment, @Value("${capgov.bench.cases:100000}") long cases,
            @Value("${capgov.bench.requests:200}") int requests) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.context = context;
        this.environment = environment;
        this.cases = cases;
        this.requests = requests;
    }

    @Override
    public void run(ApplicationArguments args) {
        int exit = 0;
        try {
            bench();
        } catch (RuntimeException | IOException e) {
            exit = 1;
            System.out.println("[bench] FAILED: " + e);
            e.printStackTrace(System.out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = 1;
        }
        int code = exit;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    private void bench() throws IOException, InterruptedException {
        long enterprises = count("select count(*) from enterprise");
        print("registry: %,d enterprises; %d processors; max heap %,d MB", enterprises,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (enterprises < cases / 5) {
            print("note: fewer than cases/5 enterprises; from the sixth case per enterprise on, all are closed");
        }
        long existing = count("select count(*) from enforcement_case where id like 'BZ-%'");
        if (existing < cases) {
            long t0 = System.nanoTime();
            long events = 0;
            for (long from = existing; from < cases; from += BATCH) {
                long start = from;
                long end = Math.min(cases, from + BATCH) - 1;
                events += transactions.execute(s -> new PublicListBenchCases(jdbc).generate(start, end));
            }
            print("generated %,d cases with %,d events in %.1f s (setup, triggers included)", cases - existing, events,
                    (System.nanoTime() - t0) / 1e9);
        }
        // as autovacuum would after a bulk load: statistics, and the visibility map for index-only scans
        for (String table : List.of("enforcement_case", "case_event", "case_exit_measure", "enforcement_list_case")) {
            jdbc.sql("vacuum analyze " + table).update();
        }
        print("cases: %,d; events: %,d; list rows: %,d; open on the yellow list today: %,d; red: %,d; announced: %,d",
                count("select count(*) from enforcement_case"), count("select count(*) from case_event"),
                count("select count(*) from enforcement_list_case"),
                count("select count(*) from enforcement_list_case where kind = 'RECTIFICATION' and yellow_until is null"),
                count("select count(*) from enforcement_list_case where red_since is not null"),
                count("select count(*) from enforcement_list_case where announced_on is not null"));
        time();
    }

    private void time() throws IOException, InterruptedException {
        String base = "http://localhost:" + environment.getProperty("local.server.port");
        List<String> districts = jdbc.sql("select distinct r.code from region r join enterprise e on e.region_code = r.code "
                + "where r.level = 2 order by r.code").query(String.class).list();
        SplittableRandom random = new SplittableRandom(11);
        Function<Integer, String> date = n -> LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2100)).toString();
        Function<Integer, String> district = n -> districts.get(random.nextInt(districts.size()));
        Function<Integer, String> year = n -> Integer.toString(2019 + random.nextInt(8));
        Map<String, Function<Integer, String>> kinds = new LinkedHashMap<>();
        kinds.put("page yellow, district, past date, first page",
                n -> "/public/lists/yellow?region=" + district.apply(n) + "&asOf=" + date.apply(n));
        kinds.put("page yellow, whole list, past date, deep page (offset up to 10,000)",
                n -> "/public/lists/yellow?asOf=" + date.apply(n) + "&page=" + random.nextInt(500));
        kinds.put("page red, city 500000, past date, page of 100",
                n -> "/public/lists/red?region=500000&asOf=" + date.apply(n) + "&size=100&page=" + random.nextInt(20));
        kinds.put("page exits, year, deep page",
                n -> "/public/lists/exits?year=" + year.apply(n) + "&page=" + random.nextInt(100));
        kinds.put("api yellow, district, past date",
                n -> "/api/v1/public/lists/yellow?region=" + district.apply(n) + "&asOf=" + date.apply(n));
        kinds.put("api yellow, today, no filter, size 200", n -> "/api/v1/public/lists/yellow?size=200");
        kinds.put("api red, district, past date, deep page",
                n -> "/api/v1/public/lists/red?region=" + district.apply(n) + "&asOf=" + date.apply(n) + "&page="
                        + random.nextInt(20));
        kinds.put("api exits, year, district", n -> "/api/v1/public/lists/exits?year=" + year.apply(n) + "&region="
                + district.apply(n));
        List<Long> all = new ArrayList<>();
        for (Map.Entry<String, Function<Integer, String>> kind : kinds.entrySet()) {
            List<Long> times = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < requests + 20; i++) {
                String path = kind.getValue().apply(i);
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long t = System.nanoTime() - t0;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + " → " + r.statusCode());
                }
                if (i >= 20) {
                    // the first 20 warm the JIT and the caches
                    times.add(t);
                    bytes += r.body().length;
                }
            }
            all.addAll(times);
            print("%-70s median %6.1f ms, p95 %6.1f ms, max %6.1f ms (%d requests, %,d KB)", kind.getKey(),
                    percentile(times, 50), percentile(times, 95), percentile(times, 100), times.size(), bytes >> 10);
        }
        print("all list requests: %d, median %.1f ms, p95 %.1f ms (goal p95 <= 100 ms)", all.size(), percentile(all, 50),
                percentile(all, 95));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
