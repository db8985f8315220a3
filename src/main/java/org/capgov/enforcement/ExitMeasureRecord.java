package org.capgov.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An exit measure carried out on one equipment item (or, for LICENCE_REVOKED, the enterprise), with the capacity and
 * product copied from the registry when it was recorded and the enterprise's public commitment not to resume.
 */
public record ExitMeasureRecord(long id, String caseId, Long equipmentId, String equipmentRef, ExitMeasure measure,
        LocalDate effectiveDate, BigDecimal capacity, String product, boolean commitment, LocalDate dismantleDeadline,
        String document, long eventId) {
}
