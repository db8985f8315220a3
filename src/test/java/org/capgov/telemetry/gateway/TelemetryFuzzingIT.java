package org.capgov.telemetry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs Jazzer's coverage-guided fuzzing of the parser and frame decoder ({@link TelemetryInputFuzzTest}) for its
 * bounded time in a child JVM with {@code JAZZER_FUZZ=1}, as part of the ordinary test suite: the run must end with the
 * fuzz test passed (no input threw or broke an invariant) after executing a substantial number of inputs.
 */
class TelemetryFuzzingIT {

    private static final Pattern RUNS = Pattern.compile("#(\\d+)\\s+DONE");

    @Test
    void fuzzingTheParserAndFrameDecoderFindsNothing() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "fuzzing").toAbsolutePath());
        Path log = work.resolve("fuzzing.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djazzer.instrument=org.capgov.telemetry.**", "-cp", System.getProperty("java.class.path"),
                FuzzingRun.class.getName(), TelemetryInputFuzzTest.class.getName())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAZZER_FUZZ", "1");
        Process child = pb.start();
        try {
            assertThat(child.waitFor(TelemetryInputFuzzTest.SECONDS + 300, TimeUnit.SECONDS)).as("fuzzing ended in time")
                    .isTrue();
        } finally {
            child.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertThat(child.exitValue()).as(out).isZero();
        // the fuzz test and the replays of its seed inputs each count as a test: all started must have passed
        assertThat(out).containsPattern("FUZZING-RUN tests=(\\d+)/\\1 failed=0");
        Matcher m = RUNS.matcher(out);
        assertThat(m.find()).as("libFuzzer's closing line: " + out).isTrue();
        long executed = Long.parseLong(m.group(1));
        System.out.println("Jazzer executed " + executed + " inputs in " + TelemetryInputFuzzTest.SECONDS + " s");
        assertThat(executed).as("inputs executed").isGreaterThan(1_000);
    }
}
