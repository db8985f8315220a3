package org.capgov.telemetry.gateway;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * Runs one test class through the JUnit platform in a JVM of its own, for TelemetryFuzzingIT: with
 * {@code JAZZER_FUZZ=1} in its environment, Jazzer fuzzes the class's {@code @FuzzTest} instead of replaying seeds,
 * which it can do only once per JVM. Prints the summary and exits 0 when every test passed.
 */
public final class FuzzingRun {

    private FuzzingRun() {
    }

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(args[0])).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.printTo(new java.io.PrintWriter(System.out, true));
        summary.printFailuresTo(new java.io.PrintWriter(System.out, true), 30);
        System.out.println("FUZZING-RUN tests=" + summary.getTestsSucceededCount() + "/" + summary.getTestsFoundCount()
                + " failed=" + summary.getTotalFailureCount());
        System.exit(summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0 ? 0 : 1);
    }
}
