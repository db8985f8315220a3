package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** docs/domain.md §7: months counted by calendar, the month's last day where the day does not exist, inclusive. */
class CaseDatesTest {

    @Test
    void sixMonthsAfterTheLastDayOfAugustIsTheLastDayOfFebruary() {
        assertThat(CaseDates.plusMonths(LocalDate.of(2024, 8, 31), CaseDates.RECTIFICATION_MONTHS))
                .isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(CaseDates.plusMonths(LocalDate.of(2023, 8, 31), 6)).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void sixMonthsKeepTheDayOfTheMonthWhereItExists() {
        assertThat(CaseDates.plusMonths(LocalDate.of(2024, 3, 15), 6)).isEqualTo(LocalDate.of(2024, 9, 15));
    }

    @Test
    void aCaseIsOverdueFromTheDayAfterItsDeadlineOnlyWhileOpen() {
        LocalDate deadline = LocalDate.of(2025, 2, 28);
        assertThat(CaseDates.overdue(deadline, null, deadline)).isFalse();
        assertThat(CaseDates.overdue(deadline, null, deadline.plusDays(1))).isTrue();
        assertThat(CaseDates.overdue(deadline, deadline.plusDays(3), deadline.plusDays(10))).isFalse();
        assertThat(CaseDates.overdue(null, null, deadline)).isFalse();
    }

    @Test
    void theExtensionIsAtMostThreeMonths() {
        assertThat(CaseDates.MAX_EXTENSION_MONTHS).isEqualTo(3);
        assertThat(CaseDates.RECTIFICATION_MONTHS).isEqualTo(6);
    }
}
