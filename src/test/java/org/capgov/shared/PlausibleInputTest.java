package org.capgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlausibleInputTest {

    @Test
    void aNameOfOnlyInvisibleCharactersIsRefused() {
        assertThat(PlausibleInput.nameProblem("\u200B\u200C\u200D\uFEFF")).hasValueSatisfying(r -> assertThat(r)
                .contains("不可见"));
        assertThat(PlausibleInput.nameProblem(" \u3000\u3164 ")).isPresent();
    }

    @Test
    void directionOverridesAndControlCharactersAreRefused() {
        assertThat(PlausibleInput.nameProblem("重庆\u202E司公限有铁钢")).hasValueSatisfying(r -> assertThat(r)
                .contains("U+202E"));
        assertThat(PlausibleInput.nameProblem("钢铁\u0007公司")).hasValueSatisfying(r -> assertThat(r)
                .contains("控制字符"));
    }

    @Test
    void ordinaryNamesPass() {
        assertThat(PlausibleInput.nameProblem("重庆钢铁（集团）有限责任公司")).isEmpty();
        assertThat(PlausibleInput.nameProblem("Zhang Wei")).isEmpty();
        assertThat(PlausibleInput.nameProblem("阿卜杜·热合曼")).isEmpty();
    }

    @Test
    void datesOutsideTheRecordYearsAreRefused() {
        assertThat(PlausibleInput.dateProblem(LocalDate.of(0, 1, 1))).isPresent();
        assertThat(PlausibleInput.dateProblem(LocalDate.of(1, 6, 30))).isPresent();
        assertThat(PlausibleInput.dateProblem(LocalDate.of(1958, 3, 1))).isEmpty();
        assertThat(PlausibleInput.dateProblem(LocalDate.of(2101, 1, 1))).isPresent();
    }
}
