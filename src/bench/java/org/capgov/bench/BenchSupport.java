package org.capgov.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every benchmark shares: lines printed with a {@code [bench]} prefix (so they can be grepped out of the log),
 * timing, percentiles and a heap watch. Benchmarks are commands, never tests; see docs/benchmarks.md.
 */
public final class BenchSupport {

    private BenchSupport() {
    }

    public static void print(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }

    /** Seconds since {@code t0} (a {@link System#nanoTime()}). */
    public static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The {@code p}-th percentile (nearest rank) of durations in nanoseconds, in milliseconds. */
    public static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }

    /** Prints n, p50, p95 and max of durations in milliseconds. */
    public static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        print("%-40s n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms", what, sorted.size(), at(sorted, 0.50), at(sorted, 0.95),
                sorted.get(sorted.size() - 1));
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)));
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Samples the used heap every 20 ms; the largest sample is the peak the measured work needed. */
    public static final class HeapWatch {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        public void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        public void stop() {
            running = false;
            if (thread != null) {
                thread.interrupt();
            }
        }

        /** The largest used heap seen, in bytes. */
        public long peak() {
            return peak.get();
        }
    }
}
