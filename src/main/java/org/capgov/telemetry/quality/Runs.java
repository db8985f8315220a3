package org.capgov.telemetry.quality;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/** Stretches of consecutive valid readings of one factor that keep a property for at least a given time. */
final class Runs {

    record Run(LocalDateTime start, LocalDateTime end, int count, double first) {
    }

    private Runs() {
    }

    /**
     * Runs of the factor's valid readings (in DataTime order) where each reading holds {@code keeps} with respect to
     * the run's first value, lasting at least {@code min} from first to last reading.
     */
    static List<Run> of(LoggerWindow w, String factor, Duration min, BiPredicate<Double, Double> keeps) {
        List<LoggerWindow.Packet> packets = new ArrayList<>(w.packets());
        packets.sort(java.util.Comparator.comparing(LoggerWindow.Packet::dataTime));
        List<Run> out = new ArrayList<>();
        LocalDateTime start = null;
        LocalDateTime last = null;
        Double first = null;
        int count = 0;
        for (LoggerWindow.Packet p : packets) {
            LoggerWindow.Reading r = p.values().get(factor);
            if (r == null || !r.valid()) {
                continue;
            }
            if (first != null && keeps.test(first, r.value())) {
                last = p.dataTime();
                count++;
                continue;
            }
            close(out, start, last, count, first, min);
            if (keeps.test(r.value(), r.value())) {
                start = p.dataTime();
                last = p.dataTime();
                first = r.value();
                count = 1;
            } else {
                start = null;
                first = null;
                count = 0;
            }
        }
        close(out, start, last, count, first, min);
        return out;
    }

    private static void close(List<Run> out, LocalDateTime start, LocalDateTime last, int count, Double first,
            Duration min) {
        if (first != null && count > 1 && Duration.between(start, last).compareTo(min) >= 0) {
            out.add(new Run(start, last, count, first));
        }
    }

    /** Factors present in any packet of the window, in first-seen order. */
    static List<String> factors(LoggerWindow w) {
        java.util.LinkedHashSet<String> set = new java.util.LinkedHashSet<>();
        w.packets().forEach(p -> set.addAll(p.values().keySet()));
        return List.copyOf(set);
    }
}
