package org.capgov.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pinyin spellings of names: full and initials, every reading of a polyphonic character, letters kept. */
class PinyinNamesTest {

    @Test
    void spellsFullPinyinAndInitials() {
        PinyinNames.Spellings s = PinyinNames.of("涪陵钢铁");
        assertThat(s.full().split("\\|")).contains("fulinggangtie");
        assertThat(s.initials().split("\\|")).contains("flgt");
    }

    @Test
    void polyphonicCharactersGiveEveryReading() {
        PinyinNames.Spellings s = PinyinNames.of("重庆");
        assertThat(s.full().split("\\|")).contains("chongqing", "zhongqing");
        assertThat(s.initials().split("\\|")).contains("cq", "zq");
    }

    @Test
    void keepsLettersAndDigitsAndCapsTheVariants() {
        assertThat(PinyinNames.of("A1钢（集团）").full()).startsWith("a1gang");
        String many = "重重重重重重重重重重";
        assertThat(PinyinNames.of(many).full().split("\\|")).hasSizeLessThanOrEqualTo(PinyinNames.MAX_VARIANTS);
        assertThat(PinyinNames.of("").full()).isEmpty();
    }

    @Test
    void latinTextIsPinyinAndIsNormalised() {
        assertThat(PinyinNames.isLatin("fu ling")).isTrue();
        assertThat(PinyinNames.isLatin("涪陵")).isFalse();
        assertThat(PinyinNames.isLatin("9150")).isFalse();
        assertThat(PinyinNames.normalise("Fu Ling")).isEqualTo("fuling");
        assertThat(PublicEnterpriseRepository.inOrder("钢%铁")).isEqualTo("%钢%\\%%铁%");
    }
}
