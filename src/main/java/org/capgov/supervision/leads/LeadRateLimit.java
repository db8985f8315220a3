package org.capgov.supervision.leads;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most N leads per source address per hour (a sliding window), so that one script cannot flood a department's
 * queue; kept in memory like the public reports' limit, addresses stored nowhere else.
 */
@Component
class LeadRateLimit {

    private static final long WINDOW = 3_600_000;
    private static final int MAX_SOURCES = 100_000;

    private final int perHour;
    private final Clock clock;
    private final Map<String, Deque<Long>> bySource = new ConcurrentHashMap<>();

    LeadRateLimit(@Value("${capgov.supervision.leads-per-hour:10}") int perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    boolean tryAcquire(String source) {
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

    int perHour() {
        return perHour;
    }
}
