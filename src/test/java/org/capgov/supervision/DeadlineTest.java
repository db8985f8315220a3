package org.capgov.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void aDatedTaskHasOnePeriod() {
        Deadline d = new Deadline(Deadline.DATE, LocalDate.of(2014, 2, 28), null);
        assertThat(d.recurring()).isFalse();
        assertThat(d.firstPeriod(2010)).isEqualTo(2014);
        assertThat(d.dueFor(2014)).isEqualTo(LocalDate.of(2014, 2, 28));
        assertThat(d.lastPeriod(2014, LocalDate.of(2026, 12, 7))).isEqualTo(2014);
    }

    @Test
    void aYearEndReportIsDueInItsOwnYear() {
        Deadline d = new Deadline(Deadline.YEARLY, null, "12-31");
        assertThat(d.dueFor(2020)).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(d.lastPeriod(2014, LocalDate.of(2026, 3, 1))).isEqualTo(2026);
    }

    @Test
    void anEarlyMonthDayReportsTheYearJustEnded() {
        // seed 001 四、（五）: the district's report on 2020 is due 2021-01-10
        Deadline d = new Deadline(Deadline.YEARLY, null, "01-10");
        assertThat(d.dueFor(2020)).isEqualTo(LocalDate.of(2021, 1, 10));
        assertThat(d.lastPeriod(2020, LocalDate.of(2021, 1, 5))).isEqualTo(2020);
        assertThat(d.lastPeriod(2020, LocalDate.of(2020, 6, 1))).isEqualTo(2020);
    }

    @Test
    void standingFollowsTheCalendar() {
        Deadline d = new Deadline(Deadline.YEARLY, null, "12-31");
        assertThat(d.standing(2026, false, LocalDate.of(2026, 11, 1), 30)).isEqualTo("OPEN");
        assertThat(d.standing(2026, false, LocalDate.of(2026, 12, 1), 30)).isEqualTo("DUE_SOON");
        assertThat(d.standing(2026, false, LocalDate.of(2026, 12, 31), 30)).isEqualTo("DUE_SOON");
        assertThat(d.standing(2026, false, LocalDate.of(2027, 1, 1), 30)).isEqualTo("OVERDUE");
        assertThat(d.standing(2026, true, LocalDate.of(2027, 1, 1), 30)).isEqualTo("DONE");
    }

    @Test
    void aDeadlineNeedsItsDate() {
        assertThatThrownBy(() -> new Deadline(Deadline.DATE, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Deadline(Deadline.YEARLY, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
