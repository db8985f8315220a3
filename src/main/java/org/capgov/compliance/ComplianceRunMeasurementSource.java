package org.capgov.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.capgov.identity.SystemActor;
import org.capgov.monitoring.LatestMeasurement;
import org.capgov.monitoring.MeasurementService;
import org.springframework.stereotype.Component;

/**
 * Where runs get the latest valid measurements: the whole table as one stream, or one enterprise at a time. A run
 * covers the whole registry whoever started it, so it reads as the platform itself.
 */
@Component
class ComplianceRunMeasurementSource {

    private final MeasurementService measurements;

    ComplianceRunMeasurementSource(MeasurementService measurements) {
        this.measurements = measurements;
    }

    /** Every latest valid value as of the date, ascending by enterprise id. */
    void readAll(LocalDate asOf, Consumer<LatestMeasurement> sink) {
        SystemActor.run(() -> measurements.latestValidForAll(asOf, sink));
    }

    List<Facts.MeasurementFact> of(long enterpriseId, LocalDate asOf) {
        List<LatestMeasurement> latest = SystemActor.call(() -> measurements.latestValid(enterpriseId, asOf));
        List<Facts.MeasurementFact> out = new ArrayList<>(latest.size());
        latest.forEach(m -> out.add(ComplianceRunMeasurements.fact(m)));
        return out;
    }
}
