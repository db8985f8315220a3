package org.capgov.enforcement;

import java.time.LocalDate;

/**
 * Date arithmetic of docs/domain.md §7. "N months after D" is the same day of the month N months later, or the last day
 * of that month where the day does not exist (2024-08-31 + 6 months = 2025-02-28); a deadline is inclusive, so a
 * case is overdue from the day after it. "Today" is the day in China.
 */
public final class CaseDates {

    /** 限期整改: six months for ENERGY, QUALITY and SAFETY (seed 001 二、(一)(三)(四)). */
    public static final int RECTIFICATION_MONTHS = 6;
    /** One extension of at most three months (seed 001 二、(一): 不超过3个月的延期申请). */
    public static final int MAX_EXTENSION_MONTHS = 3;

    private CaseDates() {
    }

    /** {@link LocalDate#plusMonths} keeps the day of the month and falls back to the month's last day: §7 exactly. */
    public static LocalDate plusMonths(LocalDate date, int months) {
        return date.plusMonths(months);
    }

    public static boolean overdue(LocalDate deadline, LocalDate closedOn, LocalDate today) {
        return deadline != null && closedOn == null && today.isAfter(deadline);
    }
}
