package org.capgov.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.capgov.monitoring.LatestMeasurement;

/**
 * The latest valid measurements of every enterprise, merged into a run in enterprise-id order. The measurement
 * stream pushes its rows, and so does the registry stream; so the measurements are read on a thread of their own
 * into a bounded queue of per-enterprise batches, which the run takes from as it meets each enterprise. Both
 * streams run at once, each on its own connection, and memory stays bounded whatever the table sizes.
 */
final class ComplianceRunMeasurements implements AutoCloseable {

    /** Reads every latest valid measurement, ascending by enterprise id, into the sink. */
    @FunctionalInterface
    interface Stream {
        void readAll(Consumer<LatestMeasurement> sink);
    }

    private record Batch(long enterpriseId, List<Facts.MeasurementFact> facts) {
    }

    private static final Batch END = new Batch(Long.MAX_VALUE, List.of());
    private static final int QUEUE = 4096;

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread reader;
    private volatile boolean cancelled;
    private volatile Throwable failure;
    private Batch head;

    ComplianceRunMeasurements(Stream stream, String threadName) {
        reader = new Thread(() -> read(stream), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Stream stream) {
        long[] current = {-1};
        List<List<Facts.MeasurementFact>> pending = new ArrayList<>(1);
        pending.add(new ArrayList<>());
        try {
            stream.readAll(m -> {
                if (cancelled) {
                    throw new CancellationException("run ended");
                }
                if (m.enterpriseId() != current[0]) {
                    if (current[0] >= 0) {
                        put(new Batch(current[0], pending.get(0)));
                        pending.set(0, new ArrayList<>());
                    }
                    current[0] = m.enterpriseId();
                }
                pending.get(0).add(fact(m));
            });
            if (current[0] >= 0) {
                put(new Batch(current[0], pending.get(0)));
            }
        } catch (CancellationException e) {
            return;
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        try {
            put(END);
        } catch (CancellationException e) {
            // nobody waits any more
        }
    }

    private void put(Batch b) {
        try {
            while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new CancellationException("run ended");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    static Facts.MeasurementFact fact(LatestMeasurement m) {
        Object value = m.flag() != null ? m.flag() : m.value();
        return new Facts.MeasurementFact(m.equipmentCode(), m.metric(), value, m.unit(), m.attributes());
    }

    /** The measurements of an enterprise; ids must be asked in ascending order (those skipped are dropped). */
    List<Facts.MeasurementFact> of(long enterpriseId) {
        try {
            while (true) {
                if (head == null) {
                    head = queue.take();
                }
                if (head == END && failure != null) {
                    throw new IllegalStateException("reading measurements failed: " + failure.getMessage(), failure);
                }
                if (head.enterpriseId() > enterpriseId) {
                    return List.of();
                }
                Batch b = head;
                head = null;
                if (b.enterpriseId() == enterpriseId) {
                    return b.facts();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for measurements", e);
        }
    }

    @Override
    public void close() {
        cancelled = true;
        queue.clear();
        try {
            reader.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
