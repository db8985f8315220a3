package org.capgov.compliance;

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

/** POST /api/v1/compliance/evaluate against the published catalogue from the data files. */
class EvaluationApiIT extends IntegrationTest {

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
            {"asOf":"2016-06-30","region":"500103","industry":"CEMENT",
             "equipment":[{"ref":"K1","type":"CEMENT_KILN","parameters":{"process":"NSP","clinker_t_per_d":4000}}],
             "measurements":[{"equipmentRef":"K1","metric":"so2_conc","value":160,"unit":"mg/m3","attributes":{}}]}""";

    @Test
    void theIssueExample() {
        HttpResponse<String> r = http.json("POST", "/api/v1/compliance/evaluate", token, EXAMPLE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String body = r.body();
        assertThat(body).containsPattern("\"catalogueVersion\":\"\\d+\"");
        assertThat(body).contains("\"ruleId\":\"CQ2014-CEMENT-ENV-SO2-MAIN-CITY\",\"dimension\":\"ENVIRONMENT\","
                + "\"status\":\"NONCOMPLIANT\",\"subject\":\"K1\",\"metric\":\"so2_conc\",\"value\":160,\"comparator\":\"<=\","
                + "\"limit\":150,\"unit\":\"mg/m3\",\"severity\":\"VIOLATION\",\"deadline\":\"2018-12-31\"");
        assertThat(body).contains("\"document\":\"渝府发〔2014〕3号\"").contains("\"standard\":\"DB50/418-2012\"");
        // every cement line in the main city is to be eliminated by the end of 2016
        assertThat(body).containsPattern("\"status\":\"ELIMINATED\",\"subject\":\"K1\"[^}]*\"deadline\":\"2016-12-31\"");
        // the limits of the other air zones do not apply in 渝中
        assertThat(body).doesNotContain("CQ2014-CEMENT-ENV-SO2-OTHER");
    }

    @Test
    void convertibleUnitsAreConvertedAndWrongDimensionsRefused() {
        HttpResponse<String> grams = http.json("POST", "/api/v1/compliance/evaluate", token,
                EXAMPLE.replace("\"value\":160,\"unit\":\"mg/m3\"", "\"value\":0.14,\"unit\":\"g/m3\""));
        assertThat(grams.statusCode()).isEqualTo(200);
        assertThat(grams.body()).contains("\"ruleId\":\"CQ2014-CEMENT-ENV-SO2-MAIN-CITY\",\"dimension\":\"ENVIRONMENT\","
                + "\"status\":\"COMPLIANT\"").contains("\"value\":140");
        HttpResponse<String> wrong = http.json("POST", "/api/v1/compliance/evaluate", token,
                EXAMPLE.replace("\"unit\":\"mg/m3\"", "\"unit\":\"kg/t\""));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"field\":\"measurements[0].unit\"").contains("量纲");
    }

    @Test
    void unknownCodesAndMissingParametersAre400NamingTheField() {
        assertField(EXAMPLE.replace("\"CEMENT_KILN\"", "\"CEMENT_OVEN\""), "equipment[0].type");
        assertField(EXAMPLE.replace(",\"clinker_t_per_d\":4000", ""), "equipment[0].parameters.clinker_t_per_d");
        assertField(EXAMPLE.replace("\"so2_conc\"", "\"so3_conc\""), "measurements[0].metric");
        assertField(EXAMPLE.replace("\"industry\":\"CEMENT\"", "\"industry\":\"CHEESE\""), "industry");
        assertField(EXAMPLE.replace("\"500103\"", "\"599999\""), "region");
        assertField(EXAMPLE.replace("\"equipmentRef\":\"K1\"", "\"equipmentRef\":\"K9\""), "measurements[0].equipmentRef");
    }

    private void assertField(String body, String field) {
        HttpResponse<String> r = http.json("POST", "/api/v1/compliance/evaluate", token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
    }

    @Test
    void equipmentParameterRulesAndEliminationsOfSteel() {
        String steel = """
                {"asOf":"2016-06-30","region":"500102","industry":"STEEL",
                 "equipment":[{"ref":"BF1","type":"BLAST_FURNACE","parameters":{"volume_m3":350,"purpose":"GENERAL"}},
                              {"ref":"IF1","type":"INDUCTION_FURNACE","parameters":{"purpose":"DITIAOGANG"}}],
                 "measurements":[]}""";
        HttpResponse<String> r = http.json("POST", "/api/v1/compliance/evaluate", token, steel);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).containsPattern("\"status\":\"NONCOMPLIANT\",\"subject\":\"BF1\",\"metric\":\"volume_m3\","
                + "\"value\":350,\"comparator\":\">=\",\"limit\":400");
        assertThat(r.body()).containsPattern("\"status\":\"ELIMINATED\",\"subject\":\"IF1\"");
        assertThat(r.body()).contains("\"status\":\"NO_DATA\"");
    }
}
