package org.capgov.telemetry.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of data packets: connections hand their admitted packets here and go on reading; a few writer threads
 * take whatever has queued (up to a batch), store it in one transaction ({@link PacketBatchStore}) and only then run
 * each packet's acknowledgement. Under load the batches grow by themselves: while one commits, the next fills. A batch
 * that fails is acknowledged to no one and its connections are closed, so the loggers send again.
 */
final class PacketBatcher {

    /** What becomes of one packet: {@code committed(true)} stored, {@code committed(false)} a retransmission. */
    interface Outcome {
        void committed(boolean stored);

        void failed(Exception e);
    }

    private record Item(PacketBatchStore.Pending pending, Outcome outcome) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PacketBatcher.class);

    private final PacketBatchStore store;
    private final int maxBatch;
    private final BlockingQueue<Item> queue;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    PacketBatcher(PacketBatchStore store, int writers, int maxBatch, int maxQueued) {
        this.store = store;
        this.maxBatch = maxBatch;
        this.queue = new LinkedBlockingQueue<>(maxQueued);
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(this::write, "hj212-writer-" + i);
            t.setDaemon(true);
            this.writers.add(t);
        }
    }

    void start() {
        running = true;
        writers.forEach(Thread::start);
    }

    /** Stops the writers; what is still queued is not acknowledged (its loggers send it again). */
    void stop() {
        running = false;
        writers.forEach(Thread::interrupt);
        for (Thread t : writers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Queues a packet; blocks the connection's thread while the queue is full (back-pressure on the loggers). */
    void submit(PacketBatchStore.Pending pending, Outcome outcome) throws InterruptedException {
        queue.put(new Item(pending, outcome));
    }

    private void write() {
        List<Item> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Item first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Item> batch) {
        boolean[] stored;
        try {
            stored = store.store(batch.stream().map(Item::pending).toList());
        } catch (RuntimeException e) {
            LOG.warn("HJ 212 batch of {} packets not stored: {}", batch.size(), e.toString());
            batch.forEach(i -> i.outcome().failed(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            try {
                batch.get(i).outcome().committed(stored[i]);
            } catch (RuntimeException e) {
                LOG.warn("HJ 212 acknowledgement failed: {}", e.toString());
            }
        }
    }
}
