package org.capgov.telemetry.logger;

import java.util.List;
import java.util.Map;

/**
 * The body of POST /api/v1/telemetry/loggers: a data logger, its enterprise and its factor → metric mapping;
 * {@code tolerances} names the lenient mode's deviations (none = strict); {@code protocol} the edition of the standard
 * it speaks ({@code HJ212_2017} when left out, or {@code HJT212_2005}).
 */
public record LoggerRegistration(String mn, String password, String st, String uscc, String equipmentRef,
        Map<String, String> factors, String monitoringPoint, List<String> tolerances, String protocol) {

    public LoggerRegistration(String mn, String password, String st, String uscc, String equipmentRef,
            Map<String, String> factors, String monitoringPoint, List<String> tolerances) {
        this(mn, password, st, uscc, equipmentRef, factors, monitoringPoint, tolerances, null);
    }
}
