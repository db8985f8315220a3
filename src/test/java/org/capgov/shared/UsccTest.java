package org.capgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91512081MA62K0260E", "91430111MA4L41YT1U", "91350200MA2YJ1XR9G", "91421221068429284K"})
    void realCodesFromTheReferencePass(String code) {
        Uscc.Check c = Uscc.check(code);
        assertThat(c.valid()).isTrue();
        assertThat(c.structureOk()).isTrue();
        assertThat(c.checkCharacterOk()).isTrue();
        assertThat(c.organisationCodeOk()).isTrue();
        assertThat(c.reason()).isNull();
    }

    @Test
    void organisationCodeExampleOfGb11714() {
        assertThat(Uscc.organisationCheck("59467239")).isEqualTo('9');
    }

    @Test
    void aWrongCheckCharacterIsOverridableAndSaysWhatItShouldBe() {
        Uscc.Check c = Uscc.check("91350203M0001QAY9B");
        assertThat(c.valid()).isFalse();
        assertThat(c.structureOk()).isTrue();
        assertThat(c.checkCharacterOk()).isFalse();
        assertThat(c.overridable()).isTrue();
        assertThat(c.reason()).contains("第 18 位校验码应为");
    }

    @Test
    void structuralErrorsAreNotOverridable() {
        assertThat(Uscc.check("91512081MA62K026").reason()).contains("长度应为 18 位");
        Uscc.Check letterO = Uscc.check("91512081MA62K0O60E");
        assertThat(letterO.structureOk()).isFalse();
        assertThat(letterO.overridable()).isFalse();
        assertThat(letterO.reason()).contains("第 15 位").contains("O");
        assertThat(Uscc.check("9151208AMA62K0260E").reason()).contains("第 8 位应为数字");
    }

    @Test
    void composeMakesValidCodes() {
        String code = Uscc.compose("91", "500102", "MA5U8A1B");
        assertThat(code).isEqualTo("91500102MA5U8A1B06");
        assertThat(Uscc.check(code).valid()).isTrue();
        assertThat(Uscc.check(code.toLowerCase()).valid()).as("lower case is normalised").isTrue();
    }
}
