package org.capgov.projects.gate;

import static org.capgov.bench.BenchSupport.percentile;
import static org.capgov.bench.BenchSupport.print;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.capgov.identity.SystemActor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The project-gate benchmark, a command and never a test: evaluates a mix of projects (the steel example in
 * 成都, a key-region one in 天津, a refused converter and an anode plant in 涪陵, before and after the 2024 steel
 * suspension) through {@link ProjectGateService}, as the API does after parsing, and prints p50 / p95 / p99 per call
 * after a warm-up. Run on a fresh data directory of its own, after {@code ./mvnw -B -o -Pbench package -DskipTests}:
 * {@code java -jar target/bench/capgov-bench.jar --capgov.bench=gate --capgov.bench.evaluations=20000
 * --capgov.data-dir=target/gate-bench --capgov.embedded-db.clean-on-start=true --server.port=0}.
 */
@Component
@ConditionalOnProperty(name = "capgov.bench", havingValue = "gate")
class GateBench implements ApplicationRunner {

    private final ProjectGateService gate;
    private final ConfigurableApplicationContext context;
    private final int evaluations;

    GateBench(ProjectGateService gate, ConfigurableApplicationContext context,
            @Value("${capgov.bench.evaluations:20000}") int evaluations) {
        this.gate = gate;
        this.context = context;
        this.evaluations = evaluations;
    }

    private static GateRequest steel(String date, String region, int nominal) {
        return new GateRequest(LocalDate.parse(date), region, "STEEL", "NEW",
                List.of(new GateRequest.Equipment("V1", "CONVERTER", Map.of("nominal_t", nominal))),
                new GateRequest.Capacity("CRUDE_STEEL", new BigDecimal("1500000"), "t"), null, false, null);
    }

    @Override
    public void run(ApplicationArguments args) {
        int exit = 0;
        try {
            List<GateRequest> mix = List.of(steel("2021-07-01", "510100", 120), steel("2021-07-01", "120101", 120),
                    steel("2021-07-01", "500102", 20), steel("2024-09-01", "510100", 120),
                    new GateRequest(LocalDate.parse("2020-01-01"), "500102", "ALUMINIUM", "NEW",
                            List.of(new GateRequest.Equipment("A1", "CARBON_ANODE_PLANT", Map.of("annual_t", 100000,
                                    "petcoke_sulfur", "LOW", "desulfurization", true, "independent", true))),
                            new GateRequest.Capacity("CARBON_ANODE", new BigDecimal("100000"), "t"), null, false, null));
            List<Long> nanos = SystemActor.call(() -> {
                for (int i = 0; i < Math.min(2000, evaluations); i++) {
                    gate.evaluate(mix.get(i % mix.size()));
                }
                List<Long> out = new ArrayList<>(evaluations);
                for (int i = 0; i < evaluations; i++) {
                    long t = System.nanoTime();
                    gate.evaluate(mix.get(i % mix.size()));
                    out.add(System.nanoTime() - t);
                }
                return out;
            });
            print("project gate: %,d evaluations of %d projects, p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms",
                    evaluations, mix.size(), percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99),
                    percentile(nanos, 100));
        } catch (RuntimeException e) {
            exit = 1;
            print("FAILED: %s", e);
            e.printStackTrace(System.out);
        }
        int code = exit;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
