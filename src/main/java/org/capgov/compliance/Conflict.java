package org.capgov.compliance;

import java.util.List;

/** Two rules that say contradictory things about the same point; reported, never silently resolved. */
public record Conflict(String subject, String metric, List<String> ruleIds, String reason) {
}
