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
        assertThat(JsonTextScan.scan("{\"a\":\"\\u0001\"}", 1000)).isEmpty();
    }

    @Test
    void aStringOverTheLimitIsNamedWithItsLength() {
        String note = "说".repeat(1001);
        assertThat(JsonTextScan.scan("{\"id\":\"x\",\"note\":\"" + note + "\"}", 1000))
                .hasValue(new JsonTextScan.Fault("note", false, 1001));
        assertThat(JsonTextScan.scan("{\"note\":\"" + "\\u4e00".repeat(1000) + "\"}", 1000)).isEmpty();
    }
}
