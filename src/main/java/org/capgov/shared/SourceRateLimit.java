package org.capgov.shared;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most N submissions per source address per hour (a sliding window), so that one script cannot flood a
 * department's queue through a public form. Kept in memory: each node counts on its own, which bounds a flood by
 * N × nodes — enough for forms whose every accepted submission is read by a person anyway. Addresses are not stored
 * anywhere else.
 */
public class SourceRateLimit {

    private static final long WINDOW = 3_600_000;
    private static final int MAX_SOURCES = 100_000;

    private final int perHour;
    private final Clock clock;
    private final Map<String, Deque<Long>> bySource = new ConcurrentHashMap<>();

    public SourceRateLimit(int perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Counts one submission from the source; false (and nothing counted) when the source has used its allowance. */
    public boolean tryAcquire(String source) {
        long now = clock.millis();
        if (bySource.size() > MAX_SOURCES) {
            bySource.values().removeIf(d -> {
                synchronized (d) {
                    return d.isEmpty() || now - d.peekLast() > WINDOW;
                }
            });
        }
        Deque<Long> times = bySource.computeIfAbsent(source == null ? "" : source, s -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > WINDOW) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    public int perHour() {
        return perHour;
    }

    /** Forgets every source (tests share one server and one address). */
    public void reset() {
        bySource.clear();
    }
}
