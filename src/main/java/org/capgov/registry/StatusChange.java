package org.capgov.registry;

import java.time.LocalDate;

/** A change of status with its effective date (which may be in the past) and the document behind it. */
public record StatusChange(String status, LocalDate effectiveDate, String document, String note) {
}
