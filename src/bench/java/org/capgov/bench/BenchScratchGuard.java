package org.capgov.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Benchmarks write rows straight into regulated tables (enterprises, cases, measurements) without the audit trail,
 * so they run only on a scratch database they created themselves. Before any bean exists (the embedded PostgreSQL,
 * Flyway, the benchmark), this guard insists that no external database is configured and that the data directory is
 * either new (it is created and marked with {@value #MARKER}) or carries that mark from an earlier benchmark.
 * Anything else stops the start with a message: a production data directory never carries the mark.
 */
@Component
@ConditionalOnProperty(name = "capgov.bench")
class BenchScratchGuard implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    static final String MARKER = "CAPGOV-BENCH-SCRATCH";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment.getProperty("spring.datasource.url"), Path.of(environment.getProperty("capgov.data-dir", "./data")));
    }

    /** Refuses an external database and a data directory the benchmark did not create; marks a new one. */
    static void check(String externalUrl, Path dataDir) {
        if (externalUrl != null && !externalUrl.isBlank()) {
            throw new IllegalStateException("Benchmarks run only on an embedded scratch database, but spring.datasource.url"
                    + " is set (" + externalUrl + "); unset CAPGOV_DB_URL and give --capgov.data-dir=<new directory>");
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        Path marker = dir.resolve(MARKER);
        try {
            if (Files.isRegularFile(marker)) {
                return;
            }
            if (Files.exists(dir) && !isEmptyDirectory(dir)) {
                throw new IllegalStateException("Benchmarks run only on a scratch data directory they created, and " + dir
                        + " was not created by one (no " + MARKER + " file); give --capgov.data-dir=<new directory>");
            }
            Files.createDirectories(dir);
            Files.writeString(marker, "Created by a capgov benchmark at " + Instant.now()
                    + ". Its database holds generated data only; delete the directory when done.\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the benchmark's data directory " + dir, e);
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
