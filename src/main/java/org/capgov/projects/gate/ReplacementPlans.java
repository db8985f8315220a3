package org.capgov.projects.gate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Replacement plans as the gate sees them, found by their code. The plans are kept with the projects; the gate reads
 * only these facts, so that it stays free of the plans' storage.
 */
public interface ReplacementPlans {

    /**
     * The plan with this code: in the caller's data scope, or announced (公告 is public). Empty when there is none the
     * caller may see.
     */
    Optional<PlanFacts> byCode(String code);

    /** What the gate needs of a plan: status, product, the region of its project, capacity retired, announcement. */
    record PlanFacts(String code, String status, String product, String regionCode, BigDecimal covered,
            LocalDate announcedOn, String announcement) {
    }
}
