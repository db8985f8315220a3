package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The legal clock and the rules of the actions: month ends, one extension, the cap, dates, refusals change nothing. */
class CaseRulesIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;

    CaseFixtures f;

    @BeforeEach
    void setUp() {
        f = new CaseFixtures(Http.api(port), json, people);
    }

    @Test
    void monthEndsFollowDomainSevenAndOnlyOneExtensionIsEverRequested() {
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String id = f.opened(f.coordinator, uscc, "ENERGY", "2023-05-30", null).get("id").asString();
        assertThat(f.get(f.coordinator, id).get("deadline").asString()).isEqualTo("2023-11-30");
        f.acted(f.coordinator, id, "REQUEST_EXTENSION", "2023-11-30", null); // on the deadline day: still in time
        JsonNode granted = f.acted(f.coordinator, id, "GRANT_EXTENSION", "2023-12-05", "\"months\":3");
        assertThat(granted.get("deadline").asString()).isEqualTo("2024-02-29");

        HttpResponse<String> again = f.act(f.coordinator, id, "{\"action\":\"REQUEST_EXTENSION\",\"effectiveDate\":\"2024-01-10\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json.readTree(again.body()).get("detail").asString()).isEqualTo("延期申请已使用一次");
    }

    @Test
    void anExtensionIsAtMostThreeMonthsAndADeniedRequestUsesItUp() {
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String id = f.opened(f.coordinator, uscc, "ENERGY", "2024-08-31", null).get("id").asString();
        f.acted(f.coordinator, id, "REQUEST_EXTENSION", "2025-01-15", null);
        HttpResponse<String> four = f.act(f.coordinator, id,
                "{\"action\":\"GRANT_EXTENSION\",\"effectiveDate\":\"2025-01-20\",\"months\":4}");
        assertThat(four.statusCode()).isEqualTo(409);
        assertThat(json.readTree(four.body()).get("detail").asString()).isEqualTo("延期不得超过3个月（申请 4 个月）");
        HttpResponse<String> none = f.act(f.coordinator, id, "{\"action\":\"GRANT_EXTENSION\",\"effectiveDate\":\"2025-01-20\"}");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(json.readTree(none.body()).get("field").asString()).isEqualTo("months");
        JsonNode denied = f.acted(f.coordinator, id, "DENY_EXTENSION", "2025-01-20", null);
        assertThat(denied.get("deadline").asString()).isEqualTo("2025-02-28");
        assertThat(denied.get("extensionUsed").asBoolean()).isFalse();
        assertThat(denied.get("allowedActions").toString()).doesNotContain("REQUEST_EXTENSION");
        assertThat(f.act(f.coordinator, id, "{\"action\":\"REQUEST_EXTENSION\",\"effectiveDate\":\"2025-01-21\"}").body())
                .contains("延期申请已使用一次");
    }

    @Test
    void onlyEnergyRectificationsAreExtendedByDefault() {
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String id = f.opened(f.coordinator, uscc, "QUALITY", "2024-08-31", null).get("id").asString();
        HttpResponse<String> r = f.act(f.coordinator, id, "{\"action\":\"REQUEST_EXTENSION\",\"effectiveDate\":\"2024-09-10\"}");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json.readTree(r.body()).get("detail").asString()).isEqualTo("质量维度的整改不适用延期");
    }

    @Test
    void aRefusedActionIsA409AndChangesNothing() {
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        JsonNode before = f.opened(f.coordinator, uscc, "ENERGY", "2024-08-31", null);
        String id = before.get("id").asString();
        HttpResponse<String> r = f.act(f.coordinator, id, "{\"action\":\"VERIFY_COMPLIANT\",\"effectiveDate\":\"2024-09-10\"}");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json.readTree(r.body()).get("detail").asString())
                .isEqualTo("案件当前状态为“已下达限期整改通知书”，不能办理“验收合格”");
        // no report and the deadline has not passed: failure cannot be found yet
        HttpResponse<String> early = f.act(f.coordinator, id, "{\"action\":\"VERIFY_FAILED\",\"effectiveDate\":\"2025-02-28\"}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("尚未届满");
        JsonNode after = f.get(f.coordinator, id);
        assertThat(after.get("version").asInt()).isEqualTo(before.get("version").asInt());
        assertThat(after.get("timeline")).hasSize(1);
        assertThat(after.get("state").asString()).isEqualTo("NOTICE_ISSUED");
        assertThat(f.enterpriseStatus(uscc)).isEqualTo("RECTIFYING");
        // the day after the deadline it can
        assertThat(f.acted(f.coordinator, id, "VERIFY_FAILED", "2025-03-01", null).get("state").asString())
                .isEqualTo("RECTIFICATION_FAILED");
    }

    @Test
    void effectiveDatesMayBeInThePastButNotBeforeThePreviousStepNorInTheFuture() {
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String id = f.opened(f.coordinator, uscc, "ENERGY", "2022-01-31", null).get("id").asString();
        assertThat(f.get(f.coordinator, id).get("deadline").asString()).isEqualTo("2022-07-31");
        HttpResponse<String> before = f.act(f.coordinator, id,
                "{\"action\":\"SUBMIT_RECTIFICATION\",\"effectiveDate\":\"2022-01-30\"}");
        assertThat(before.statusCode()).isEqualTo(400);
        assertThat(json.readTree(before.body()).get("field").asString()).isEqualTo("effectiveDate");
        HttpResponse<String> future = f.act(f.coordinator, id,
                "{\"action\":\"SUBMIT_RECTIFICATION\",\"effectiveDate\":\"2999-01-01\"}");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json.readTree(future.body()).get("field").asString()).isEqualTo("effectiveDate");
        assertThat(f.acted(f.coordinator, id, "SUBMIT_RECTIFICATION", "2022-01-31", null).get("state").asString())
                .isEqualTo("RECTIFICATION_SUBMITTED");
    }

    @Test
    void badInputNamesTheField() {
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        assertThat(field(f.open(f.coordinator, "{\"uscc\":\"" + uscc + "\",\"dimension\":\"ENVIRONMENT\","
                + "\"effectiveDate\":\"2024-08-31\"}"))).isEqualTo("deadline");
        assertThat(field(f.open(f.coordinator, "{\"uscc\":\"" + uscc + "\",\"dimension\":\"NOISE\"}"))).isEqualTo("dimension");
        assertThat(field(f.open(f.coordinator, "{\"dimension\":\"ENERGY\"}"))).isEqualTo("uscc");
        assertThat(field(f.open(f.coordinator, "{\"uscc\":\"" + uscc + "\",\"dimension\":\"ENERGY\","
                + "\"effectiveDate\":\"31.08.2024\"}"))).isEqualTo("effectiveDate");
        assertThat(field(f.open(f.coordinator, "{\"uscc\":\"" + uscc + "\",\"dimension\":\"ENERGY\","
                + "\"equipmentRef\":\"NOPE\"}"))).isEqualTo("equipmentRef");
        assertThat(field(f.open(f.coordinator, "{\"uscc\":\"" + uscc + "\",\"findingId\":\"1:" + uscc + ":X:enterprise\"}")))
                .isEqualTo("findingId");
        assertThat(field(f.open(f.coordinator, "{\"uscc\":\"" + uscc + "\",\"dimension\":\"ENERGY\","
                + "\"deadline\":\"2025-03-01\",\"effectiveDate\":\"2024-08-31\"}"))).isEqualTo("deadline");
        // nothing was opened by any of these
        assertThat(f.http.get("/api/v1/cases?uscc=" + uscc, f.coordinator).body()).contains("\"total\":0");

        JsonNode env = f.opened(f.coordinator, uscc, "ENVIRONMENT", "2024-08-31", "\"deadline\":\"2024-10-31\"");
        assertThat(env.get("deadline").asString()).isEqualTo("2024-10-31");
        assertThat(env.get("department").asString()).isEqualTo("FL-STHJJ");
        HttpResponse<String> twice = f.open(f.coordinator, "{\"uscc\":\"" + uscc + "\",\"dimension\":\"ENVIRONMENT\","
                + "\"effectiveDate\":\"2024-09-01\",\"deadline\":\"2024-12-31\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains(env.get("id").asString());
        assertThat(field(f.act(f.coordinator, env.get("id").asString(), "{\"action\":\"JUMP\"}"))).isEqualTo("action");
        assertThat(f.act(f.coordinator, "ZG-1900-999999", "{\"action\":\"ANNOUNCE\"}").statusCode()).isEqualTo(404);
    }

    /**
     * Seed 001 二、(一) "对达不到国家强制性能耗限额标准要求的产能，应在6个月内整改": six months is the outer limit, so an officer may
     * set an earlier deadline; a later one is refused, and without one the six months apply.
     */
    @Test
    void anOfficerMaySetADeadlineEarlierThanSixMonthsButNotLater() {
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        JsonNode early = f.opened(f.coordinator, uscc, "ENERGY", "2024-08-31", "\"deadline\":\"2024-11-30\"");
        assertThat(early.get("deadline").asString()).isEqualTo("2024-11-30");
        // the last day of the six months is still allowed
        assertThat(f.opened(f.coordinator, uscc, "QUALITY", "2024-08-31", "\"deadline\":\"2025-02-28\"")
                .get("deadline").asString()).isEqualTo("2025-02-28");
        HttpResponse<String> late = f.open(f.coordinator, "{\"uscc\":\"" + uscc + "\",\"dimension\":\"SAFETY\","
                + "\"effectiveDate\":\"2024-08-31\",\"deadline\":\"2025-03-01\"}");
        assertThat(field(late)).isEqualTo("deadline");
        assertThat(json.readTree(late.body()).get("detail").asString())
                .isEqualTo("安全维度的整改期限最长为6个月（至 2025-02-28）：可不填写（即取该日），或填写更早的日期");
        HttpResponse<String> beforeNotice = f.open(f.coordinator, "{\"uscc\":\"" + uscc + "\",\"dimension\":\"SAFETY\","
                + "\"effectiveDate\":\"2024-08-31\",\"deadline\":\"2024-08-30\"}");
        assertThat(field(beforeNotice)).isEqualTo("deadline");
        assertThat(f.opened(f.coordinator, uscc, "SAFETY", "2024-08-31", null).get("deadline").asString())
                .isEqualTo("2025-02-28");
    }

    /**
     * Seed 001 三(八) "对未按期完成落后产能退出的企业…实施联合惩戒": a missed exit can only be sanctioned if the closure set a
     * deadline, so a closure decision without one is refused (400 naming the field) and changes nothing.
     */
    @Test
    void aClosureCannotBeApprovedWithoutAnExitDeadline() {
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String id = f.opened(f.coordinator, uscc, "ENERGY", "2023-01-10", null).get("id").asString();
        f.acted(f.coordinator, id, "VERIFY_FAILED", "2023-07-11", null);
        f.acted(f.coordinator, id, "PROPOSE_CLOSURE", "2023-07-20", null);
        int version = f.get(f.coordinator, id).get("version").asInt();
        HttpResponse<String> none = f.act(f.coordinator, id, "{\"action\":\"APPROVE_CLOSURE\","
                + "\"effectiveDate\":\"2023-08-01\",\"document\":\"涪陵府〔2023〕5号\"}");
        assertThat(field(none)).isEqualTo("deadline");
        assertThat(json.readTree(none.body()).get("detail").asString()).contains("关停决定须写明退出期限");
        JsonNode unchanged = f.get(f.coordinator, id);
        assertThat(unchanged.get("state").asString()).isEqualTo("CLOSURE_PROPOSED");
        assertThat(unchanged.get("version").asInt()).isEqualTo(version);
        JsonNode approved = f.acted(f.coordinator, id, "APPROVE_CLOSURE", "2023-08-01",
                "\"document\":\"涪陵府〔2023〕5号\",\"deadline\":\"2023-12-31\"");
        assertThat(approved.get("deadline").asString()).isEqualTo("2023-12-31");
    }

    private String field(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return json.readTree(r.body()).get("field").asString();
    }
}
