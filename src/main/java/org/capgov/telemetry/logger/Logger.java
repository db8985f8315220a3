package org.capgov.telemetry.logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A registered data logger as the API shows it; the password never leaves the store. */
public record Logger(String mn, String st, String protocol, String uscc, String equipmentRef, String monitoringPoint,
        Map<String, String> factors, Instant createdAt, List<String> tolerances) {
}
