package org.capgov.capacity.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TargetStatusRuleTest {

    static final LocalDate START = LocalDate.of(2014, 1, 1);
    static final LocalDate DEADLINE = LocalDate.of(2018, 12, 31);

    private static String status(String comparator, String goal, String value, boolean cumulative, String startValue,
            LocalDate asOf) {
        return TargetStatusRule.status(comparator, new BigDecimal(goal), value == null ? null : new BigDecimal(value),
                cumulative, START, startValue == null ? null : new BigDecimal(startValue), asOf, DEADLINE).status();
    }

    @Test
    void afterTheDeadlineATargetIsMetOrMissed() {
        assertThat(status(">=", "85", "85", false, null, DEADLINE)).isEqualTo("MET");
        assertThat(status(">=", "85", "84.9", false, null, DEADLINE.plusDays(3))).isEqualTo("MISSED");
        assertThat(status("<=", "10", "11", false, null, DEADLINE)).isEqualTo("MISSED");
        assertThat(status("<", "80", "80", false, null, DEADLINE)).isEqualTo("MISSED");
    }

    @Test
    void withoutAValueThereIsNoData() {
        assertThat(status(">=", "85", null, false, "70", LocalDate.of(2016, 1, 1))).isEqualTo("NO_DATA");
        assertThat(status(">=", "85", null, false, null, DEADLINE)).isEqualTo("NO_DATA");
    }

    @Test
    void beforeTheDeadlineALevelIsProjectedLinearly() {
        LocalDate half = LocalDate.of(2016, 7, 2);
        // from 70 to 78 in half the time: 86 at the deadline
        assertThat(status(">=", "85", "78", false, "70", half)).isEqualTo("ON_TRACK");
        // from 70 to 74: 78 at the deadline
        assertThat(status(">=", "85", "74", false, "70", half)).isEqualTo("AT_RISK");
        // a cap exceeded and not falling is at risk; one kept is on track
        assertThat(status("<=", "500", "700", false, "700", half)).isEqualTo("AT_RISK");
        assertThat(status("<=", "500", "450", false, "400", half)).isEqualTo("ON_TRACK");
        assertThat(TargetStatusRule.status(">=", new BigDecimal("85"), new BigDecimal("78"), false, START,
                new BigDecimal("70"), half, DEADLINE).projected()).isBetween(new BigDecimal("85.9"), new BigDecimal("86.1"));
    }

    @Test
    void anEliminationQuantityReachedEarlyIsMetAndOtherwiseProjectedAtItsPace() {
        LocalDate half = LocalDate.of(2016, 7, 2);
        assertThat(status(">=", "300", "310", true, null, half)).isEqualTo("MET");
        assertThat(status(">=", "300", "160", true, null, half)).isEqualTo("ON_TRACK");
        assertThat(status(">=", "300", "100", true, null, half)).isEqualTo("AT_RISK");
    }
}
