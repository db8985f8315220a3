package org.capgov.registry;

import java.time.Instant;
import java.time.LocalDate;

/** One period of a status history: from (inclusive) to (exclusive; null = still in force). */
public record StatusRecord(String status, LocalDate effectiveFrom, LocalDate effectiveTo, String document, String note,
        Instant recordedAt, String recordedBy) {
}
