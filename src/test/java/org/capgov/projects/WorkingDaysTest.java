package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.capgov.projects.project.WorkingDays;
import org.junit.jupiter.api.Test;

/** Working-day arithmetic over the maintained calendar of public holidays and make-up working days. */
class WorkingDaysTest {

    static WorkingDays calendar() throws IOException {
        try (InputStream in = WorkingDaysTest.class.getResourceAsStream("/projects/public-holidays.csv")) {
            return WorkingDays.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }

    @Test
    void holidaysAreNotWorkingDaysAndMakeUpWeekendsAre() throws IOException {
        WorkingDays days = calendar();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();   // 国庆节, a Thursday
        assertThat(days.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();   // 调休上班, a Saturday
        assertThat(days.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();  // an ordinary Sunday
        assertThat(days.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();    // Sunday before 春节 2025
        assertThat(days.isWorkingDay(LocalDate.of(2024, 2, 14))).isFalse();   // 春节 2024, a Wednesday
        assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 7))).isTrue();    // an ordinary Monday
    }

    @Test
    void tenWorkingDaysAcrossTheNationalDayHoliday() throws IOException {
        WorkingDays days = calendar();
        // 2026-09-28 (Mon) 1, 29 2, 30 3, [10-01..07 holiday], 10-08 4, 10-09 5, 10-10 (Sat, make-up) 6,
        // 10-12 7, 10-13 8, 10-14 9, 10-15 10
        assertThat(days.periodEnd(LocalDate.of(2026, 9, 28), 10)).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(days.between(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 15))).isEqualTo(10);
    }

    @Test
    void aPeriodStartingOnAHolidayBeginsOnTheNextWorkingDay() throws IOException {
        WorkingDays days = calendar();
        // 春节 2026: 02-15..02-23 off, 02-14 (Sat) worked; from 02-16: 02-24 1 … 02-28 (Sat, make-up) 5, 03-02 6
        assertThat(days.periodEnd(LocalDate.of(2026, 2, 16), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(days.periodEnd(LocalDate.of(2026, 2, 16), 5)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(days.periodEnd(LocalDate.of(2026, 2, 16), 6)).isEqualTo(LocalDate.of(2026, 3, 2));
        // an ordinary week: Monday + 10 working days ends on the Friday of the next week
        assertThat(days.periodEnd(LocalDate.of(2026, 11, 2), 10)).isEqualTo(LocalDate.of(2026, 11, 13));
    }

    @Test
    void yearsOutsideTheCalendarAreRefusedNotGuessed() throws IOException {
        WorkingDays days = calendar();
        assertThat(days.firstYear()).isEqualTo(2024);
        assertThat(days.lastYear()).isEqualTo(2027);
        assertThatThrownBy(() -> days.isWorkingDay(LocalDate.of(2028, 1, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024–2027");
        assertThatThrownBy(() -> days.periodEnd(LocalDate.of(2027, 12, 27), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadCalendarLineIsRefused() {
        assertThatThrownBy(() -> WorkingDays.parse(List.of("2026-01-01,HOLIDAY", "2026-01-01,WORKDAY")))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> WorkingDays.parse(List.of("2026-01-01,VACATION"))).hasMessageContaining("HOLIDAY");
    }

    @Test
    void twentyTwentySevenStaysProvisionalUntilItsNoticeIsEntered() throws IOException {
        WorkingDays days = calendar();
        // the State Council's notice for 2027 was not found; its statutory days only, marked provisional
        assertThat(days.provisionalYears(LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 5))).containsExactly(2027);
        assertThat(days.provisionalYears(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 15))).isEmpty();
        assertThat(days.isWorkingDay(LocalDate.of(2027, 2, 5))).isFalse();   // 除夕 2027, statutory
        assertThat(days.isWorkingDay(LocalDate.of(2027, 2, 9))).isTrue();    // no 调休 known yet
    }
}
