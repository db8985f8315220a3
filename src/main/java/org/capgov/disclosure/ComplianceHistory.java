package org.capgov.disclosure;

import java.time.LocalDate;
import java.util.List;

/**
 * Compliance history of one enterprise in the manner of EPA ECHO: a row per dimension, a column per calendar quarter
 * (the last twelve, ending with the current one), each cell the worst status of that dimension's findings as of the
 * quarter's end.
 *
 * @param catalogueVersion the catalogue the quarters were evaluated against (the published one when computed)
 */
public record ComplianceHistory(LocalDate computedOn, String catalogueVersion, List<Quarter> quarters, List<Row> rows) {

    /**
     * A calendar quarter; {@code asOf} is its last day, or today for the current quarter (a quarter that has not ended
     * is shown as it stands).
     */
    public record Quarter(int year, int quarter, LocalDate end, LocalDate asOf) {
        public String code() {
            return year + "Q" + quarter;
        }
    }

    public record Row(String dimension, List<Cell> cells) {
    }

    /**
     * @param status   the worst status (ELIMINATED, NONCOMPLIANT, NO_DATA, ADVISORY, COMPLIANT) or NONE when nothing
     *                 of this dimension was evaluated
     * @param findings how many findings of the dimension have that status
     */
    public record Cell(String quarter, String status, int findings) {
    }
}
