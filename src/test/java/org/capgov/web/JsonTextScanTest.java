package org.capgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTextScanTest {

    private static Optional<String> nulIn(String json) {
        return JsonTextScan.scan(json, 1000).filter(JsonTextScan.Fault::nul).map(JsonTextScan.Fault::field);
    }

    @Test
    void namesTheMemberWhoseStringCarriesANul() {
        assertThat(nulIn("{\"uscc\":\"915\",\"name\":\"甲\\u0000乙\"}")).hasValue("name");
        assertThat(nulIn("{\"note\":\"a\u0000\"}")).hasValue("note");
        assertThat(nulIn("{\"lines\":[{\"text\":\"x\\u0000\"}]}")).hasValue("text");
    }

    @Test
    void aNulInAKeyOrOutsideAnyMemberIsTheBody() {
        assertThat(nulIn("{\"a\\u0000\":1}")).hasValue("body");
        assertThat(nulIn("[\"\\u0000\"]")).hasValue("body");
    }

    @Test
    void anEscapedBackslashBeforeU0000IsNoNul() {
        assertThat(JsonTextScan.scan("{\"path\":\"dir\\\\u0000\"}", 1000)).isEmpty();
        assertThat(nulIn("{\"a\":\"\\u00001\",\"b\":2}")).hasValue("a");
        assertThat(JsonTextScan.scan("{\"a\":\"\\\"\",\"b\":\"ok\"}", 1000)).isEmpty();
    }

    @Test
    void aStringOverTheLimitIsNamedWithItsLength() {
        String note = "说".repeat(1001);
        assertThat(JsonTextScan.scan("{\"id\":\"x\",\"note\":\"" + note + "\"}", 1000))
                .hasValue(new JsonTextScan.Fault("note", JsonTextScan.NONE, 1001));
        assertThat(JsonTextScan.scan("{\"note\":\"" + "\\u4e00".repeat(1000) + "\"}", 1000)).isEmpty();
    }

    private static Optional<Integer> controlIn(String json) {
        return JsonTextScan.scan(json, 1000).filter(JsonTextScan.Fault::forbidden).map(JsonTextScan.Fault::control);
    }

    @Test
    void otherControlCharactersAreNamedWithTheMemberAndTheCharacter() {
        assertThat(JsonTextScan.scan("{\"id\":1,\"name\":\"a\\u0001b\"}", 1000))
                .hasValue(new JsonTextScan.Fault("name", 1, 1 + 1 + 1));
        assertThat(controlIn("{\"note\":\"x\\u001F\"}")).hasValue(0x1F);
        assertThat(controlIn("{\"note\":\"x\\u007f\"}")).hasValue(0x7F);
        assertThat(controlIn("{\"note\":\"x\\by\"}")).hasValue(0x08);
        assertThat(controlIn("{\"note\":\"x\\fy\"}")).hasValue(0x0C);
        assertThat(controlIn("{\"note\":\"x\u0007y\"}")).hasValue(0x07);
        assertThat(controlIn("{\"note\":\"x\u007Fy\"}")).hasValue(0x7F);
    }

    @Test
    void tabsLineBreaksAndOrdinaryEscapesAreText() {
        assertThat(JsonTextScan.scan("{\"note\":\"a\\tb\\nc\\r\\u0009\\u000A\\u000d\\u0020\\u4e00\"}", 1000)).isEmpty();
        assertThat(JsonTextScan.scan("{\"note\":\"a\tb\nc\"}", 1000)).isEmpty();
        // a sign is no hex digit: such an escape is no control, just malformed JSON for the reader to refuse
        assertThat(JsonTextScan.scan("{\"note\":\"\\u-001\"}", 1000)).isEmpty();
    }

    @Test
    void isControlCoversC0ExceptTabAndLineBreaksAndDel() {
        for (int c = 0; c < 0x20; c++) {
            assertThat(JsonTextScan.isControl(c)).as("U+%04X", c).isEqualTo(c != '\t' && c != '\n' && c != '\r');
        }
        assertThat(JsonTextScan.isControl(0x7F)).isTrue();
        assertThat(JsonTextScan.isControl(' ')).isFalse();
        assertThat(JsonTextScan.isControl(0x85)).isFalse();
        assertThat(JsonTextScan.firstControl("ab\u0002c\u0003")).isEqualTo(2);
        assertThat(JsonTextScan.firstControl("重庆\t\r\n")).isEqualTo(JsonTextScan.NONE);
    }
}
