package org.capgov.supervision;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * When a task is due for a period (a year). A DATE task has one period, the year of its date. A YEARLY task (每年12月31日前,
 * 按年度落实) and a CONTINUOUS one (长期坚持, reported once a year) are due every year on their month-day: the report
 * on year Y is due on Y-MM-DD when the day lies in the second half of the year, and in January to June of Y+1 otherwise
 * (the district's report on 2020 is due 2021-01-10, docs/decisions/supervision-readings.md S2).
 */
public record Deadline(String kind, LocalDate date, String monthDay) {

    public static final String DATE = "DATE";
    public static final String YEARLY = "YEARLY";
    public static final String CONTINUOUS = "CONTINUOUS";

    public Deadline {
        if (DATE.equals(kind) ? date == null : monthDay == null) {
            throw new IllegalArgumentException("deadline " + kind + " without its date");
        }
    }

    public boolean recurring() {
        return !DATE.equals(kind);
    }

    /** The day the report on {@code period} is due. */
    public LocalDate dueFor(int period) {
        if (!recurring()) {
            return date;
        }
        MonthDay md = MonthDay.parse("--" + monthDay);
        int year = md.getMonthValue() >= 7 ? period : period + 1;
        return md.atYear(year);
    }

    /** The first period of a task: the year of a DATE task, else the given first year. */
    public int firstPeriod(int firstYear) {
        return recurring() ? firstYear : date.getYear();
    }

    /** The last period that may be reported on {@code today}: DATE tasks have one; recurring ones the current year. */
    public int lastPeriod(int firstYear, LocalDate today) {
        if (!recurring()) {
            return date.getYear();
        }
        int year = today.getYear();
        // in January to June the previous year's report is still the one being written for an early month-day
        return Math.max(firstYear, MonthDay.parse("--" + monthDay).getMonthValue() >= 7 ? year : year - 1);
    }

    /** Where a period stands on {@code today}: DONE when accepted, else OVERDUE, DUE_SOON (within {@code soonDays}) or OPEN. */
    public String standing(int period, boolean accepted, LocalDate today, int soonDays) {
        if (accepted) {
            return "DONE";
        }
        LocalDate due = dueFor(period);
        if (today.isAfter(due)) {
            return "OVERDUE";
        }
        return today.plusDays(soonDays).isBefore(due) ? "OPEN" : "DUE_SOON";
    }
}
