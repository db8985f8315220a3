package org.capgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void wildcardsTypedByAPersonMatchOnlyThemselves() {
        assertThat(LikePattern.contains("%")).isEqualTo("%\\%%");
        assertThat(LikePattern.contains("a_b")).isEqualTo("%a\\_b%");
        assertThat(LikePattern.startsWith("9150\\")).isEqualTo("9150\\\\%");
        assertThat(LikePattern.contains("钢铁")).isEqualTo("%钢铁%");
    }
}
