package org.capgov.compliance;

import java.time.LocalDate;
import java.util.List;
import org.capgov.catalog.Citation;

/**
 * One rule applied to one subject (an equipment ref, or {@code enterprise}): its status (COMPLIANT, NONCOMPLIANT,
 * NO_DATA, ELIMINATED, ADVISORY), the observed value against the limit, and the citation of the rule.
 */
public record Finding(String ruleId, String dimension, String status, String subject, String metric, Object value,
        String comparator, Object limit, String unit, String severity, LocalDate deadline, String confidence,
        List<String> flags, Citation citation) {
}
