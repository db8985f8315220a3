package org.capgov.telemetry.logger;

import java.util.List;
import java.util.Map;

/**
 * The body of POST /api/v1/telemetry/loggers: a data logger, its enterprise and its factor → metric mapping;
 * {@code tolerances} names the lenient mode's deviations (none = strict).
 */
public record LoggerRegistration(String mn, String password, String st, String uscc, String equipmentRef,
        Map<String, String> factors, String monitoringPoint, List<String> tolerances) {
}
