package org.capgov.enforcement;

import java.time.LocalDate;

/**
 * The body of {@code POST /api/v1/cases}. {@code dimension} may be left out when {@code findingId} names a finding;
 * {@code deadline} is the officer's for ENVIRONMENT (and for TECHNOLOGY rectifications, and exits whose catalogue
 * item has no deadline); {@code origin} is FINDING, INSPECTION or MANUAL (default: FINDING with a finding, else
 * MANUAL); {@code document} is the notice's or order's 文号.
 */
public record OpenCaseRequest(String uscc, String dimension, LocalDate effectiveDate, String findingId,
        String equipmentRef, LocalDate deadline, String origin, String document, String note) {
}
