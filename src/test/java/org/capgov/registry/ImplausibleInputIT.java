package org.capgov.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.capgov.identity.Role;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Names of only invisible characters, direction overrides, dates in year 0 or 1, and over-long document numbers and
 * names are refused with 400 naming the field and a Chinese reason; nothing is saved (issue 14, items 10 and 11).
 */
class ImplausibleInputIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;

    private String coordinator;

    @BeforeEach
    void token() {
        people.ensure(Role.COORDINATOR);
        coordinator = Http.api(port).token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
    }

    private HttpResponse<String> create(String uscc, String name) {
        return Http.api(port).json("POST", "/api/v1/enterprises", coordinator, "{\"uscc\":\"" + uscc + "\",\"name\":\""
                + name + "\",\"region\":\"500102\",\"industries\":[\"STEEL\"]}");
    }

    private static void assertRefused(HttpResponse<String> r, String field, String reason) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"" + field + "\"").contains(reason);
    }

    @Test
    void invisibleAndReversedNamesAreRefused() {
        String uscc = Uscc.compose("91", "500102", "KB000001");
        assertRefused(create(uscc, "\\u200B\\u200C\\u200D"), "name", "不可见");
        assertRefused(create(uscc, "重庆\\u202E司公限有铁钢"), "name", "U+202E");
        assertThat(Http.api(port).get("/api/v1/enterprises/" + uscc, coordinator).statusCode()).isEqualTo(404);
        assertRefused(Http.api(port).json("POST", "/api/v1/people", coordinator, "{\"username\":\"t.invisible\","
                + "\"displayName\":\"\\u200B\\u2060\",\"password\":\"Lantern-Ridge-42\",\"departmentCode\":\"CQ-JXW\","
                + "\"role\":\"OBSERVER\",\"regionCode\":\"500000\"}"), "displayName", "不可见");
    }

    @Test
    void aStatusInYearZeroAndAnOverlongDocumentNumberAreRefused() {
        String uscc = Uscc.compose("91", "500102", "KB000002");
        assertThat(create(uscc, "合理性测试钢铁有限公司").statusCode()).isEqualTo(201);
        assertRefused(Http.api(port).json("POST", "/api/v1/enterprises/" + uscc + "/status", coordinator,
                "{\"status\":\"SUSPENDED\",\"effectiveDate\":\"0000-06-30\"}"), "effectiveDate", "合理范围");
        assertRefused(Http.api(port).json("POST", "/api/v1/enterprises/" + uscc + "/status", coordinator,
                "{\"status\":\"SUSPENDED\",\"document\":\"" + "渝".repeat(10_000) + "\"}"), "document", "文号过长");
        assertThat(Http.api(port).get("/api/v1/enterprises/" + uscc, coordinator).body()).contains("\"OPERATING\"");
    }

    @Test
    void aMeasurementInYearOneIsRefused() {
        String uscc = Uscc.compose("91", "500102", "KB000003");
        assertThat(create(uscc, "合理性测试钢铁有限公司乙").statusCode()).isEqualTo(201);
        assertRefused(Http.api(port).json("POST", "/api/v1/measurements", coordinator, "{\"uscc\":\"" + uscc
                + "\",\"metric\":\"electricity_use\",\"value\":1,\"unit\":\"万kWh\",\"periodStart\":\"0001-06-01\","
                + "\"periodEnd\":\"0001-06-30\",\"source\":\"INSPECTION\"}"), "periodStart", "合理范围");
        assertRefused(Http.api(port).json("POST", "/api/v1/measurements", coordinator, "{\"uscc\":\"" + uscc
                + "\",\"metric\":\"electricity_use\",\"value\":1,\"unit\":\"万kWh\",\"measuredAt\":\"0001-06-30T10:00:00+08:00\","
                + "\"source\":\"INSPECTION\"}"), "measuredAt", "合理范围");
    }
}
