package org.capgov.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A government task with its citation, lead and cooperating departments (codes; names that match no department in
 * {@code unmapped}), region and deadline, and where its current period stands today.
 *
 * @param period   the earliest year not yet accepted (for a DATE task its one year)
 * @param due      the day the report on {@code period} is due
 * @param standing OPEN, DUE_SOON, OVERDUE or DONE
 */
public record Task(long id, String sourceKey, String document, String documentTitle, String section, Integer row,
        String title, String text, String quote, List<String> leadNames, List<String> cooperatingNames,
        List<String> lead, List<String> cooperating, List<String> unmapped, String region, String regionName,
        String regionPath, Deadline deadline, int firstPeriod, String deadlineText, String expectedOutput,
        String status, int period, LocalDate due, String standing) {

    public String recurrence() {
        return deadline.recurring() ? deadline.monthDay() : null;
    }
}
