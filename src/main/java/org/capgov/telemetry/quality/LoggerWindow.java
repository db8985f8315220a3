package org.capgov.telemetry.quality;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the data-quality policies look at for one logger: its data packets over a window, in arrival order, the
 * limits of its factors (null when the catalogue has none), whether the enterprise declares production, and now.
 * Times are China local time.
 */
public record LoggerWindow(String mn, String monitoringPoint, LocalDateTime from, LocalDateTime to, LocalDateTime now,
        List<Packet> packets, Map<String, Double> limits, boolean producing, LocalDateTime lastPacketAt,
        List<Coverage> coverage) {

    /**
     * How many minutes of a completed period ({@code DAY} or {@code MONTH}) carried valid minute data (CN 2051 with a
     * value flagged N), counted by the database so that a month need not be loaded.
     */
    public record Coverage(String period, LocalDateTime start, LocalDateTime end, long validMinutes) {
    }

    /** One data packet: its DataTime, when it arrived, its CN and its values by factor. */
    public record Packet(String qn, LocalDateTime dataTime, LocalDateTime receivedAt, String cn,
            Map<String, Reading> values) {
    }

    /** One factor's value with its HJ 212 flag. */
    public record Reading(Double value, String flag) {
        public boolean valid() {
            return "N".equals(flag) && value != null;
        }
    }

    /** A hit of a policy: the factor (null for the logger as a whole), the stretch of time, and a Chinese detail. */
    public record Finding(String policy, String factor, LocalDateTime start, LocalDateTime end, String detail) {
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
