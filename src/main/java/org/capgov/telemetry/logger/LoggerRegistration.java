package org.capgov.telemetry.logger;

import java.util.Map;

/** The body of POST /api/v1/telemetry/loggers: a data logger, its enterprise and its factor → metric mapping. */
public record LoggerRegistration(String mn, String password, String st, String uscc, String equipmentRef,
        Map<String, String> factors, String monitoringPoint) {
}
