package org.capgov.compliance;

import java.time.LocalDate;

/**
 * Published once a run is DONE and its findings are stored and readable (after the commit), on the run's background
 * thread. Listeners must not throw: the run has ended whatever they do.
 */
public record ComplianceRunCompleted(long runId, LocalDate asOf, String catalogueVersion) {
}
