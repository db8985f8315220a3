package org.capgov.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.shared.DataScope;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 000 二、（三）4 "…且不满足平板玻璃准入条件的小浮法玻璃生产线": whether a float line meets the flat-glass access
 * conditions is a dated registry fact with its source, recorded over real HTTP, audited, and read by the evaluation as
 * of a date.
 */
class EquipmentFactIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    RegistryFacts registryFacts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDatedFactIsRecordedWithItsSourceAndReadAsOfADate() {
        Http http = Http.api(port);
        people.ensure(Role.COORDINATOR);
        people.ensure(Role.OBSERVER);
        String coordinator = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        String observer = http.token(TestPeople.username(Role.OBSERVER), TestPeople.PASSWORD);
        String uscc = Uscc.compose("91", "500102", "G" + String.format("%07d", System.nanoTime() % 10_000_000));
        assertThat(http.json("POST", "/api/v1/enterprises", coordinator, "{\"uscc\":\"" + uscc
                + "\",\"name\":\"浮法玻璃测试企业\",\"region\":\"500102\",\"industries\":[\"FLAT_GLASS\"],"
                + "\"statusSince\":\"2010-01-01\"}").statusCode()).isEqualTo(201);
        assertThat(http.json("POST", "/api/v1/enterprises/" + uscc + "/equipment", coordinator, """
                {"code":"G1","type":"GLASS_LINE","parameters":{"process":"FLOAT","melt_t_per_d":450},"product":"FLAT_GLASS",
                 "annualCapacity":3000000,"commissioned":"2008-01-01"}""").statusCode()).isEqualTo(201);
        String facts = "/api/v1/enterprises/" + uscc + "/equipment/G1/facts";

        // bad input: every field named, nothing stored
        HttpResponse<String> bad = http.json("POST", facts, coordinator,
                "{\"code\":\"nope\",\"value\":\"maybe\",\"validFrom\":\"2015-13-01\",\"source\":\" \"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(bad.body()).contains("\"field\":\"code\"").contains("value").contains("validFrom").contains("source")
                .contains("meets_flat_glass_access");
        // only registry writers record facts
        assertThat(http.json("POST", facts, observer, "{}").statusCode()).isEqualTo(403);

        HttpResponse<String> fails = http.json("POST", facts, coordinator, "{\"code\":\"meets_flat_glass_access\","
                + "\"value\":false,\"validFrom\":\"2015-03-01\",\"source\":\"市经济信息委 平板玻璃准入核查意见（2015）\"}");
        assertThat(fails.statusCode()).as(fails.body()).isEqualTo(201);
        assertThat(fails.body()).contains("\"value\":false").contains("\"validFrom\":\"2015-03-01\"");
        HttpResponse<String> again = http.json("POST", facts, coordinator, "{\"code\":\"meets_flat_glass_access\","
                + "\"value\":true,\"validFrom\":\"2015-03-01\",\"source\":\"重复\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(http.json("POST", facts, coordinator, "{\"code\":\"meets_flat_glass_access\","
                + "\"value\":true,\"validFrom\":\"2016-01-10\",\"source\":\"整改后复核通过\"}").statusCode()).isEqualTo(201);
        assertThat(http.get(facts, observer).body()).contains("整改后复核通过").contains("平板玻璃准入核查意见");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'equipment_fact' and entity_id like :id")
                .param("id", uscc + "/G1/%").query(Long.class).single()).isEqualTo(2);

        // the evaluation reads the fact holding on its date: none, then "does not meet", then "meets"
        assertThat(parameters(uscc, "2015-02-28")).doesNotContainKey("meets_flat_glass_access");
        assertThat(parameters(uscc, "2015-03-01")).containsEntry("meets_flat_glass_access", false);
        assertThat(parameters(uscc, "2016-01-09")).containsEntry("meets_flat_glass_access", false);
        assertThat(parameters(uscc, "2016-01-10")).containsEntry("meets_flat_glass_access", true);

        // the equipment page shows the facts and, to writers, the form
        Http page = Http.browser(port);
        page.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        String html = page.get("/registry/enterprises/" + uscc + "/equipment/G1").body();
        assertThat(html).contains("登记事实（按日期）").contains("满足平板玻璃准入条件").contains("整改后复核通过")
                .contains("id=\"fact-form\"");
    }

    private Map<String, Object> parameters(String uscc, String asOf) {
        return registryFacts.find(uscc, LocalDate.parse(asOf), DataScope.all()).orElseThrow().equipment().get(0)
                .parameters();
    }
}
