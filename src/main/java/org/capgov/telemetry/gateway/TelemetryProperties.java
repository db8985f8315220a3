package org.capgov.telemetry.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code capgov.telemetry.*}: whether the HJ 212 gateway runs, its port, frame limit and idle timeout. */
@ConfigurationProperties("capgov.telemetry")
record TelemetryProperties(Boolean enabled, Integer port, Integer maxPacketLength, Duration idleTimeout) {

    TelemetryProperties {
        enabled = enabled == null || enabled;
        port = port == null ? 9212 : port;
        maxPacketLength = maxPacketLength == null ? 10_011 : maxPacketLength;
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(10) : idleTimeout;
    }
}
