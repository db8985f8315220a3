package org.capgov.pricing.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A lead of the power-use watch with its figures (kWh, thresholds, the trailing months for the chart). */
public record PowerLead(long id, String gridAccount, String uscc, String enterpriseName, String regionPath,
        String rule, String month, Map<String, BigDecimal> figures, List<BigDecimal> history, String status,
        String reason, String caseId, String decidedBy, Instant decidedAt, Instant createdAt) {
}
