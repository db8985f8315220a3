package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** POST /api/v1/projects/evaluate against the published catalogue from the data files, over real HTTP. */
class ProjectGateApiIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;

    Http http;
    String token;

    @BeforeEach
    void login() {
        http = Http.api(port);
        testPeople.ensure(Role.ENTERPRISE);
        token = http.token(TestPeople.username(Role.ENTERPRISE), TestPeople.PASSWORD);
    }

    static final String EXAMPLE = """
            {"asOf":"2021-07-01","region":"510100","industry":"STEEL","kind":"NEW",
             "equipment":[{"ref":"V1","type":"CONVERTER","parameters":{"nominal_t":120}}],
             "capacityAdded":{"product":"CRUDE_STEEL","quantity":1500000,"unit":"t"}, "mergerCapacity": false}""";

    HttpResponse<String> evaluate(String body) {
        return http.json("POST", "/api/v1/projects/evaluate", token, body);
    }

    @Test
    void theIssueExampleNeedsReplacementAtTheNonKeyRegionRatio() {
        HttpResponse<String> r = evaluate(EXAMPLE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).containsPattern("\"catalogueVersion\":\"\\d+\"")
                .contains("\"decision\":\"NEEDS_REPLACEMENT\",\"ratio\":1.25,"
                        + "\"requiredRetirement\":{\"product\":\"CRUDE_STEEL\",\"quantity\":1875000,\"unit\":\"t\"}")
                .contains("\"ruleId\":\"MIIT2021-46-STEEL-RATIO-OTHER\",\"source\":\"RATIO\",\"effect\":\"REQUIRES_REPLACEMENT\"")
                .contains("\"document\":\"工信部原〔2021〕46号\"");
        // 四川's own ban ended with its document in 2019
        assertThat(r.body()).doesNotContain("SC2014-NEW-CAPACITY-BAN");
        HttpResponse<String> merger = evaluate(EXAMPLE.replace("\"mergerCapacity\": false", "\"mergerCapacity\": true"));
        assertThat(merger.body()).contains("\"ratio\":1.1,").contains("\"quantity\":1650000");
    }

    @Test
    void aKeyAirPollutionRegionTakesTheHigherRatioAndItsOwnBan() {
        HttpResponse<String> r = evaluate(EXAMPLE.replace("510100", "120101"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"keyAirRegion\":true").contains("\"decision\":\"NEEDS_REPLACEMENT\",\"ratio\":1.5,")
                .contains("\"quantity\":2250000").contains("\"ruleId\":\"TJ2013-NEW-CAPACITY-BAN\",\"source\":\"BAN\"")
                .contains("\"ruleId\":\"MIIT2021-46-STEEL-RATIO-KEY\"");
    }

    @Test
    void aProjectRuleRefusesAndFullReplacementByTheProjectItselfIsAllowed() {
        String small = EXAMPLE.replace("510100", "500102").replace("\"nominal_t\":120", "\"nominal_t\":20");
        HttpResponse<String> r = evaluate(small);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"decision\":\"REFUSED\"")
                .contains("\"ruleId\":\"CQ2014-STEEL-TECH-CONVERTER-SIZE\",\"source\":\"PROJECT_RULE\",\"effect\":\"REFUSES\"")
                .contains("\"text\":\"转炉公称容量30t以上\"");
        HttpResponse<String> anode = evaluate("""
                {"asOf":"2020-01-01","region":"500102","industry":"ALUMINIUM","kind":"NEW",
                 "equipment":[{"ref":"A1","type":"CARBON_ANODE_PLANT","parameters":{"annual_t":100000,"petcoke_sulfur":"LOW","desulfurization":true,"independent":true}}],
                 "capacityAdded":{"product":"CARBON_ANODE","quantity":100000,"unit":"t"}}""");
        assertThat(anode.body()).as(anode.body()).contains("\"decision\":\"REFUSED\"").contains("CQ2014-AL-TECH-ANODE-SIZE");
        HttpResponse<String> swap = evaluate(EXAMPLE.replace("510100", "500102")
                .replace("\"mergerCapacity\": false", "\"capacityRemoved\":{\"product\":\"CRUDE_STEEL\",\"quantity\":1500000}"));
        assertThat(swap.body()).as(swap.body()).contains("\"decision\":\"ALLOWED\"").contains("\"source\":\"NO_NET_CAPACITY\"");
    }

    @Test
    void theSteelSuspensionRefusesFrom23August2024() {
        HttpResponse<String> r = evaluate(EXAMPLE.replace("2021-07-01", "2024-08-23"));
        assertThat(r.body()).as(r.body()).contains("\"decision\":\"REFUSED\"")
                .contains("\"ruleId\":\"MIIT2024-327-STEEL-SUSPENSION\",\"source\":\"SUSPENSION\",\"effect\":\"REFUSES\"");
        assertThat(evaluate(EXAMPLE.replace("2021-07-01", "2024-08-22")).body()).contains("\"decision\":\"NEEDS_REPLACEMENT\"");
    }

    @Test
    void unknownCodesAre400NamingTheField() {
        assertField(EXAMPLE.replace("\"industry\":\"STEEL\"", "\"industry\":\"CHEESE\""), "industry");
        assertField(EXAMPLE.replace("\"kind\":\"NEW\"", "\"kind\":\"BUY\""), "kind");
        assertField(EXAMPLE.replace("\"510100\"", "\"599999\""), "region");
        assertField(EXAMPLE.replace("\"CONVERTER\"", "\"CONVERTOR\""), "equipment[0].type");
        assertField(EXAMPLE.replace("\"product\":\"CRUDE_STEEL\"", "\"product\":\"STEEL\""), "capacityAdded.product");
        assertField(EXAMPLE.replace("\"unit\":\"t\"", "\"unit\":\"kg\""), "capacityAdded.unit");
        assertField(EXAMPLE.replace("\"mergerCapacity\": false", "\"replacementCase\":\"EQUAL_WISH\""), "replacementCase");
        assertField(EXAMPLE.replace("\"asOf\":\"2021-07-01\"", "\"asOf\":\"2021-13-01\""), "asOf");
        assertField(EXAMPLE.replace("\"quantity\":1500000", "\"quantity\":-1"), "capacityAdded.quantity");
    }

    private void assertField(String body, String field) {
        HttpResponse<String> r = evaluate(body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
    }
}
