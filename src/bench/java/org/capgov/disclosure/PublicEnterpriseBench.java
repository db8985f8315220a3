package org.capgov.disclosure;

import static org.capgov.bench.BenchSupport.report;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public enterprise page benchmark, a command and never a test. On a registry loaded by demo mode it times, for
 * {@code capgov.bench.calls} enterprises with equipment: the twelve-quarter history computed afresh (twelve
 * evaluations), the whole page content with the history kept, and the public search. Prints the figures and exits.
 * E.g. {@code java -jar target/bench/capgov-bench.jar --capgov.bench=public-enterprise --capgov.demo=true --capgov.demo.enterprises=20000
 * --capgov.data-dir=target/bench-data --capgov.embedded-db.clean-on-start=true --server.port=0}.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "capgov.bench", havingValue = "public-enterprise")
class PublicEnterpriseBench implements ApplicationRunner {

    private final PublicComplianceHistory history;
    private final PublicEnterpriseProfiles profiles;
    private final PublicEnterpriseDirectory directory;
    private final JdbcClient jdbc;
    private final ConfigurableApplicationContext context;
    private final int calls;

    PublicEnterpriseBench(PublicComplianceHistory history, PublicEnterpriseProfiles profiles,
            PublicEnterpriseDirectory directory, JdbcClient jdbc, ConfigurableApplicationContext context,
            @Value("${capgov.bench.calls:300}") int calls) {
        this.history = history;
        this.profiles = profiles;
        this.directory = directory;
        this.jdbc = jdbc;
        this.context = context;
        this.calls = calls;
    }

    @Override
    public void run(ApplicationArguments args) {
        int exit = 0;
        try {
            bench();
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
        List<String> sample = jdbc.sql("""
                select e.uscc from enterprise e where exists (select 1 from equipment q where q.enterprise_id = e.id)
                order by md5(e.uscc) limit :n
                """).param("n", calls).query(String.class).list();
        System.out.printf(Locale.ROOT, "[bench] public enterprise page: %d enterprises registered, %d sampled%n",
                enterprises, sample.size());
        LocalDate today = org.capgov.shared.ChinaTime.today(
                java.time.Clock.system(org.capgov.shared.ChinaTime.ZONE));
        for (int i = 0; i < Math.min(20, sample.size()); i++) {
            history.compute(sample.get(i), today); // warm-up
        }
        List<Double> fresh = new ArrayList<>();
        for (String uscc : sample) {
            long t = System.nanoTime();
            history.compute(uscc, today);
            fresh.add((System.nanoTime() - t) / 1e6);
        }
        report("history computed afresh (12 evaluations)", fresh);
        sample.forEach(history::of);
        List<Double> page = new ArrayList<>();
        for (String uscc : sample) {
            long t = System.nanoTime();
            profiles.of(uscc);
            page.add((System.nanoTime() - t) / 1e6);
        }
        report("page content, history kept", page);
        List<Double> search = new ArrayList<>();
        for (String uscc : sample) {
            long t = System.nanoTime();
            directory.search(new PublicEnterpriseDirectory.Search(uscc.substring(0, 12), "500102", null, 0));
            search.add((System.nanoTime() - t) / 1e6);
        }
        report("search (USCC prefix, region subtree)", search);
    }
}
