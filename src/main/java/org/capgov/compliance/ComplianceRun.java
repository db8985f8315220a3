package org.capgov.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluation of the registry against one catalogue version as of a date. {@code basedOn} is the earlier DONE
 * run whose findings of unchanged enterprises were copied forward (null: every enterprise evaluated afresh);
 * {@code enterprisesEvaluated} of the {@code enterprisesDone} were evaluated in this run, the rest copied.
 */
public record ComplianceRun(long id, String catalogueVersion, LocalDate asOf, String status, boolean incremental,
        Long basedOn, int enterprisesTotal, int enterprisesDone, int enterprisesEvaluated, long findings,
        Map<String, Long> counts, String startedBy, Instant createdAt, Instant startedAt, Instant finishedAt,
        String error) {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    /** Finding statuses in the order pages and exports show them; CONFLICT rows hold conflicts between rules. */
    public static final String[] STATUSES = {"NONCOMPLIANT", "ELIMINATED", "ADVISORY", "NO_DATA", "COMPLIANT", "CONFLICT"};

    public boolean finished() {
        return DONE.equals(status) || FAILED.equals(status);
    }

    /** Percent of enterprises done; null while the total is not known yet. */
    public Integer percent() {
        if (DONE.equals(status)) {
            return 100;
        }
        return enterprisesTotal <= 0 ? null : (int) Math.min(100, enterprisesDone * 100L / enterprisesTotal);
    }

    static Map<String, Long> counts(long compliant, long noncompliant, long noData, long eliminated, long advisory,
            long conflicts) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("NONCOMPLIANT", noncompliant);
        m.put("ELIMINATED", eliminated);
        m.put("ADVISORY", advisory);
        m.put("NO_DATA", noData);
        m.put("COMPLIANT", compliant);
        m.put("CONFLICT", conflicts);
        return m;
    }
}
