package org.capgov.compliance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.capgov.shared.DomainException;

/** The body of POST /api/v1/compliance/runs: the as-of date (ISO, default today in China) and whether incremental. */
public record ComplianceRunRequest(String asOf, Boolean incremental) {

    /** The date asked for; null for today. A malformed date is a 400 naming the field. */
    LocalDate date() {
        return parseDate(asOf);
    }

    static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("asOf", "error.compliance.badDate", text);
        }
    }

    boolean incrementalOrDefault() {
        return incremental == null || incremental;
    }
}
