package org.capgov.compliance;

import java.time.LocalDate;

/**
 * A stored finding as lists and exports show it. Rows of status CONFLICT name the two rules ({@code ruleId},
 * {@code conflictWith}) and the reason ({@code note}); {@code flagged} marks an adverse finding on a rule that
 * rests on a secondary source (to be checked against the original before enforcement).
 */
public record FindingsRow(long runId, String uscc, String enterpriseName, String regionPath, String ruleId,
        String documentId, String dimension, String status, String subject, String metric, String value,
        String comparator, String limit, String unit, String severity, LocalDate deadline, String confidence,
        boolean flagged, String conflictWith, String note) {
}
