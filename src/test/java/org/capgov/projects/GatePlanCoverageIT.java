package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.shared.ChinaTime;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stateless gate told which replacement plan a project relies on (reading P6): a plan under notice does not
 * cover it; once announced before the request's date, for the same region and with enough retired capacity, it does
 * and the answer is ALLOWED; an unknown plan, one of another product, or one out of the caller's scope and not yet
 * announced is a 400 naming the field.
 */
class GatePlanCoverageIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    static String request(String asOf, String region, long quantity, String product, String plan) {
        return "{\"asOf\":\"" + asOf + "\",\"region\":\"" + region + "\",\"industry\":\"STEEL\",\"kind\":\"NEW\","
                + "\"equipment\":[{\"ref\":\"V1\",\"type\":\"CONVERTER\",\"parameters\":{\"nominal_t\":120}}],"
                + "\"capacityAdded\":{\"product\":\"" + product + "\",\"quantity\":" + quantity + ",\"unit\":\"t\"},"
                + "\"replacementPlan\":\"" + plan + "\"}";
    }

    @Test
    void anAnnouncedPlanCoversTheRequestedCapacityAndNothingElseDoes() {
        LedgerFixtures f = new LedgerFixtures(Http.api(port), json, testPeople);
        LocalDate today = ChinaTime.today(clock);
        String owner = f.enterprise("500102", LedgerFixtures.converter("GC1", 1_000_000),
                LedgerFixtures.converter("GC2", 1_000_000), LedgerFixtures.converter("GC3", 1_000_000));
        String stranger = f.enterprise("500101");
        String strangerLogin = "t.gate-plan-" + stranger.toLowerCase();
        testPeople.ensure(TestPeople.person(strangerLogin, "FL-QZF", Role.ENTERPRISE, "500101", Set.of(), stranger));
        String strangerToken = f.http.token(strangerLogin, TestPeople.PASSWORD);

        HttpResponse<String> submitted = f.http.json("POST", "/api/v1/projects", f.admin,
                ProjectPlanApiIT.project(owner, "方案覆盖测试项目", 1_500_000));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long project = json.readTree(submitted.body()).get("project").get("id").asLong();
        HttpResponse<String> created = f.http.json("POST", "/api/v1/replacement-plans", f.admin, "{\"project\":" + project
                + ",\"retired\":[" + retired(owner, "GC1") + "," + retired(owner, "GC2") + "," + retired(owner, "GC3")
                + "],\"confirmingAuthority\":\"重庆市经济和信息化委员会\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode plan = json.readTree(created.body()).get("plan");
        long planId = plan.get("id").asLong();
        String code = plan.get("code").asString();
        assertThat(f.http.json("POST", "/api/v1/replacement-plans/" + planId + "/notice", f.admin,
                "{\"startOn\":\"2024-01-02\",\"document\":\"渝经信公示〔2024〕31号\"}").statusCode()).isEqualTo(200);

        // under notice: it covers nothing yet, and is not visible to an enterprise outside its scope
        JsonNode noticed = evaluate(f, f.admin, request("2024-06-03", "500102", 1_500_000, "CRUDE_STEEL", code));
        assertThat(noticed.get("decision").asString()).isEqualTo("NEEDS_REPLACEMENT");
        assertThat(noticed.get("replacementPlan").get("covers").asBoolean()).isFalse();
        assertThat(noticed.get("reasons").toString()).contains("尚未公告");
        refused(f, strangerToken, request("2024-06-03", "500102", 1_500_000, "CRUDE_STEEL", code));

        HttpResponse<String> announced = f.http.json("POST", "/api/v1/replacement-plans/" + planId + "/announce",
                f.admin, "{\"announcedOn\":\"2024-03-01\",\"document\":\"渝经信公告〔2024〕32号\",\"exitDeadline\":\""
                        + today.plusDays(90) + "\"}");
        assertThat(announced.statusCode()).as(announced.body()).isEqualTo(200);

        JsonNode covered = evaluate(f, strangerToken, request("2024-06-03", "500102", 1_500_000, "CRUDE_STEEL", code));
        assertThat(covered.get("decision").asString()).as(covered.toString()).isEqualTo("ALLOWED");
        assertThat(covered.get("replacementPlan").get("covers").asBoolean()).isTrue();
        assertThat(covered.get("replacementPlan").get("announcement").asString()).isEqualTo("渝经信公告〔2024〕32号");
        assertThat(covered.get("requiredRetirement").get("quantity").asLong()).isLessThanOrEqualTo(3_000_000);
        assertThat(covered.get("reasons").toString()).contains(code).contains("渝经信公告〔2024〕32号");

        JsonNode early = evaluate(f, f.admin, request("2024-02-01", "500102", 1_500_000, "CRUDE_STEEL", code));
        assertThat(early.get("decision").asString()).isEqualTo("NEEDS_REPLACEMENT");
        assertThat(early.get("reasons").toString()).contains("晚于评价日期");
        JsonNode tooMuch = evaluate(f, f.admin, request("2024-06-03", "500102", 3_000_000, "CRUDE_STEEL", code));
        assertThat(tooMuch.get("decision").asString()).isEqualTo("NEEDS_REPLACEMENT");
        assertThat(tooMuch.get("replacementPlan").get("covers").asBoolean()).isFalse();
        assertThat(tooMuch.get("reasons").toString()).contains("少于所需");
        JsonNode elsewhere = evaluate(f, f.admin, request("2024-06-03", "500101", 1_500_000, "CRUDE_STEEL", code));
        assertThat(elsewhere.get("decision").asString()).isNotEqualTo("ALLOWED");
        assertThat(elsewhere.get("reasons").toString()).contains("不能用于区划 500101");
        // the 2024 suspension of steel replacement refuses whatever the plan
        JsonNode suspended = evaluate(f, f.admin, request("2024-09-02", "500102", 1_500_000, "CRUDE_STEEL", code));
        assertThat(suspended.get("decision").asString()).isEqualTo("REFUSED");

        refused(f, f.admin, request("2024-06-03", "500102", 1_500_000, "PIG_IRON", code));
        refused(f, f.admin, request("2024-06-03", "500102", 1_500_000, "CRUDE_STEEL", "ZH-0"));
    }

    private JsonNode evaluate(LedgerFixtures f, String token, String body) {
        HttpResponse<String> r = f.http.json("POST", "/api/v1/projects/evaluate", token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static void refused(LedgerFixtures f, String token, String body) {
        HttpResponse<String> r = f.http.json("POST", "/api/v1/projects/evaluate", token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"replacementPlan\"");
    }

    private static String retired(String uscc, String code) {
        return "{\"uscc\":\"" + uscc + "\",\"equipmentRef\":\"" + code + "\"}";
    }
}
