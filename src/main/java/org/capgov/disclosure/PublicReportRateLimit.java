package org.capgov.disclosure;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most N reports per source address per hour (a sliding window), so that one script cannot flood a department's
 * queue. Kept in memory: each node counts on its own, which bounds a flood by N × nodes — enough for a form whose
 * every accepted report is read by a person anyway. Addresses are not stored anywhere else.
 */
@Component
class PublicReportRateLimit {

    private static final long WINDOW = 3_600_000;
    private static final int MAX_SOURCES = 100_000;

    private final int perHour;
    private final Map<String, Deque<Long>> bySource = new ConcurrentHashMap<>();

    PublicReportRateLimit(@Value("${capgov.disclosure.reports-per-hour:5}") int perHour) {
        this.perHour = perHour;
    }

    /** Counts one report from the source; false (and nothing counted) when the source has used its allowance. */
    boolean tryAcquire(String source) {
        long now = System.currentTimeMillis();
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

    int perHour() {
        return perHour;
    }

    /** Forgets every source (tests share one server and one address). */
    void reset() {
        bySource.clear();
    }
}
