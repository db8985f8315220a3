package org.capgov.pricing.objection;

import java.math.BigDecimal;
import java.time.Instant;

/** An enterprise's objection to a surcharge and the officer's decision; an upheld one carries the refund due. */
public record Objection(long id, String uscc, String enterpriseName, String regionPath, String gridAccount, String kind,
        String month, String reason, String documentName, String status, String decisionReason, BigDecimal refundYuan,
        String decidedBy, Instant decidedAt, String lodgedBy, Instant lodgedAt) {
}
