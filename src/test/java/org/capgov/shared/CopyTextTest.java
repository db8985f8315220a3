package org.capgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void nullIsBackslashN() {
        assertThat(CopyText.field(new StringBuilder(), null).toString()).isEqualTo("\\N");
    }

    @Test
    void separatorsAndBackslashesAreEscaped() {
        assertThat(CopyText.field(new StringBuilder(), "a\tb\nc\rd\\e").toString()).isEqualTo("a\\tb\\nc\\rd\\\\e");
    }

    @Test
    void theTextNIsNotNull() {
        // a value that reads like the null marker stays a value: its backslash is doubled
        assertThat(CopyText.field(new StringBuilder(), "\\N").toString()).isEqualTo("\\\\N");
    }

    @Test
    void aRowJoinsFieldsWithTabsAndEndsWithALineFeed() {
        assertThat(CopyText.row(new StringBuilder(), 7L, null, "x\ty", true).toString()).isEqualTo("7\t\\N\tx\\ty\ttrue\n");
    }

    @Test
    void chineseTextPassesUnchanged() {
        assertThat(CopyText.field(new StringBuilder(), "重庆钢铁").toString()).isEqualTo("重庆钢铁");
    }
}
