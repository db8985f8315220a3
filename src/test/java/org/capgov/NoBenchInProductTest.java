package org.capgov;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks write generated rows into regulated tables, so none may ship: they live in src/bench/java and build
 * only with -Pbench into target/bench. The product jar is target/classes repackaged; this looks at both the classes
 * and the sources that feed them.
 */
class NoBenchInProductTest {

    @Test
    void theProductClassesHoldNoBenchmark() throws IOException, URISyntaxException {
        Path classes = Path.of(CapgovApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes).isDirectory();
        assertThat(classes.resolve("org/capgov/CapgovApplication.class")).exists();
        assertThat(names(classes, ".class")).noneMatch(n -> n.contains("Bench") || n.contains("/bench/"));
    }

    @Test
    void benchmarksAreSourcesOfTheBenchRootOnly() throws IOException {
        assertThat(names(Path.of("src/main/java"), ".java")).noneMatch(n -> n.contains("Bench"));
        // not vacuous: the benchmarks are there, beside the product
        assertThat(names(Path.of("src/bench/java"), ".java")).anyMatch(n -> n.endsWith("RegistryBench.java"))
                .anyMatch(n -> n.endsWith("BenchScratchGuard.java"));
    }

    private static List<String> names(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString().replace('\\', '/')).filter(n -> n.endsWith(suffix)).toList();
        }
    }
}
