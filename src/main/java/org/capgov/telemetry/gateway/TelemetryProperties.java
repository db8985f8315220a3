package org.capgov.telemetry.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code capgov.telemetry.*}: whether the HJ 212 gateway runs, its port, frame limit and idle timeout, and the group
 * commit: writer threads, most packets per commit, most packets waiting (docs/benchmarks.md, "Durable ingest").
 */
@ConfigurationProperties("capgov.telemetry")
record TelemetryProperties(Boolean enabled, Integer port, Integer maxPacketLength, Duration idleTimeout, Integer writers,
        Integer maxBatch, Integer maxQueued) {

    TelemetryProperties {
        writers = writers == null ? 2 : writers;
        maxBatch = maxBatch == null ? 2000 : maxBatch;
        maxQueued = maxQueued == null ? 20_000 : maxQueued;
        enabled = enabled == null || enabled;
        port = port == null ? 9212 : port;
        maxPacketLength = maxPacketLength == null ? 10_011 : maxPacketLength;
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(10) : idleTimeout;
    }
}
