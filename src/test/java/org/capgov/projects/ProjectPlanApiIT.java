package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
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
 * Projects and replacement plans through the API: a steel project needing replacement, the plans the registry and the
 * ledger refuse (unknown equipment, capacity counted twice, another enterprise's equipment without agreement, too
 * little, dismantled before confirmation) with nothing stored, then a plan through notice, objection and announcement
 * to exit cases, and commissioning refused until the exits are verified; a refused plan releases its units.
 */
class ProjectPlanApiIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    LedgerFixtures f;

    static String project(String uscc, String name, long quantity) {
        return "{\"uscc\":\"" + uscc + "\",\"name\":\"" + name + "\",\"kind\":\"NEW\",\"industry\":\"STEEL\","
                + "\"approvalKind\":\"APPROVAL\",\"declaredOn\":\"2021-07-01\","
                + "\"equipment\":[{\"ref\":\"N1\",\"type\":\"CONVERTER\",\"parameters\":{\"nominal_t\":120}}],"
                + "\"capacityAdded\":{\"product\":\"CRUDE_STEEL\",\"quantity\":" + quantity + ",\"unit\":\"t\"},"
                + "\"documents\":[{\"kind\":\"EIA\",\"number\":\"渝环准〔2021〕7号\",\"issuedOn\":\"2021-06-01\","
                + "\"department\":\"重庆市生态环境局\"}]}";
    }

    @Test
    void aProjectGoesFromDeclarationThroughItsPlanToCommissioning() {
        f = new LedgerFixtures(Http.api(port), json, testPeople);
        LocalDate today = ChinaTime.today(clock);
        String owner = f.enterprise("500102", LedgerFixtures.converter("XO1", 1_000_000),
                LedgerFixtures.converter("XO2", 1_000_000), LedgerFixtures.converter("XO3", 1_000_000));
        String other = f.enterprise("500102", LedgerFixtures.converter("XT1", 900_000));
        f.dismantle(owner, "XO3");

        HttpResponse<String> submitted = post("/api/v1/projects", project(owner, "转炉置换测试项目", 1_500_000));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        JsonNode p = json.readTree(submitted.body()).get("project");
        long id = p.get("id").asLong();
        assertThat(p.get("gate").get("decision").asString()).isEqualTo("NEEDS_REPLACEMENT");
        assertThat(p.get("gate").get("reasons").toString()).contains("citation").contains("46号");
        long required = p.get("gate").get("requiredRetirement").get("quantity").asLong();
        assertThat(required).isGreaterThanOrEqualTo(1_500_000).isLessThanOrEqualTo(2_000_000);

        // bad input: nothing stored
        assertRefused(plan(id, "{\"uscc\":\"" + owner + "\",\"equipmentRef\":\"NOPE\"}"), 400, "retired[0].equipmentRef");
        assertRefused(plan(id, retired(owner, "XO1") + "," + retired(owner, "XO1")), 409, "只能计算一次");
        assertRefused(plan(id, retired(owner, "XO1") + "," + retired(other, "XT1")), 409, "转让协议");
        assertRefused(plan(id, retired(owner, "XO1")), 409, "少于所需");
        assertRefused(plan(id, retired(owner, "XO1") + "," + retired(owner, "XO3")), 409, "已拆除");
        assertThat(f.http.get("/api/v1/replacement-plans?project=" + id, f.admin).body()).isEqualTo("[]");

        // approval needs an announced plan
        assertThat(step(id, "UNDER_REVIEW", null).statusCode()).isEqualTo(200);
        assertRefused(step(id, "APPROVED", "渝经信审〔2026〕1号"), 409, "置换方案");

        HttpResponse<String> created = plan(id, retired(owner, "XO1") + "," + retired(owner, "XO2"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long plan = json.readTree(created.body()).get("plan").get("id").asLong();
        assertRefused(plan(id, retired(owner, "XO2") + "," + retired(owner, "XO1")), 409, "已计入置换方案");

        // published before the 2024 steel suspension (reading P8): a steel plan's notice cannot start after it
        LocalDate start = PlanSuspensionIT.BEFORE_SUSPENSION;
        HttpResponse<String> notice = post("/api/v1/replacement-plans/" + plan + "/notice",
                "{\"startOn\":\"" + start + "\",\"document\":\"渝经信公示〔2026〕3号\"}");
        assertThat(notice.statusCode()).as(notice.body()).isEqualTo(200);
        JsonNode noticed = json.readTree(notice.body()).get("plan");
        assertThat(noticed.get("status").asString()).isEqualTo("NOTICE");
        LocalDate end = LocalDate.parse(noticed.get("noticeEnd").asString());
        assertThat(end).isAfter(start.plusDays(11)).isBefore(today);
        assertThat(post("/api/v1/replacement-plans/" + plan + "/objections", "{\"receivedOn\":\"" + start.plusDays(1)
                + "\",\"objector\":\"某钢铁协会\",\"text\":\"退出转炉是否已列入淘汰名单？\"}").statusCode()).isEqualTo(200);
        assertRefused(post("/api/v1/replacement-plans/" + plan + "/objections",
                "{\"objector\":\"迟到者\",\"text\":\"公示期后\"}"), 409, "公示期内");
        String announcement = "{\"document\":\"渝经信公告〔2026〕5号\",\"exitDeadline\":\"" + today.plusDays(90) + "\"}";
        assertRefused(post("/api/v1/replacement-plans/" + plan + "/announce", announcement), 409, "未答复");
        long objection = json.readTree(f.http.get("/api/v1/replacement-plans/" + plan, f.admin).body())
                .get("objections").get(0).get("id").asLong();
        assertThat(post("/api/v1/replacement-plans/" + plan + "/objections/" + objection + "/answer",
                "{\"answer\":\"两台转炉已列入淘汰名单，拆除后验收\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> announced = post("/api/v1/replacement-plans/" + plan + "/announce", "{\"document\":"
                + "\"渝经信公告〔2026〕5号\",\"exitDeadline\":\"" + today.plusDays(90) + "\"}");
        assertThat(announced.statusCode()).as(announced.body()).isEqualTo(200);
        JsonNode retiredItems = json.readTree(announced.body()).get("retired");
        assertThat(retiredItems).hasSize(2);
        String case1 = retiredItems.get(0).get("exitCaseId").asString();
        String case2 = retiredItems.get(1).get("exitCaseId").asString();

        JsonNode after = json.readTree(f.http.get("/api/v1/projects/" + id, f.admin).body()).get("project");
        assertThat(after.get("gate").get("decision").asString()).isEqualTo("ALLOWED");
        assertThat(after.get("gate").get("reasons").toString()).contains("渝经信公告〔2026〕5号");
        assertThat(step(id, "APPROVED", "渝经信审〔2026〕1号").statusCode()).isEqualTo(200);
        assertThat(step(id, "CONSTRUCTION_STARTED", null).statusCode()).isEqualTo(200);
        assertThat(step(id, "BUILT", null).statusCode()).isEqualTo(200);
        assertRefused(step(id, "COMMISSIONED", null), 409, "不得投产");

        for (String c : new String[] {case1, case2}) {
            act(c, "RECORD_EXIT_MEASURE", ",\"measure\":\"DISMANTLED\"");
            act(c, "VERIFY_EXIT", "");
        }
        HttpResponse<String> commissioned = step(id, "COMMISSIONED", null);
        assertThat(commissioned.statusCode()).as(commissioned.body()).isEqualTo(200);
        assertThat(commissioned.body()).contains("\"status\":\"COMMISSIONED\"");

        String published = Http.browser(port).get("/public/replacement-plans").body();
        assertThat(published).contains("转炉置换测试项目").contains("渝经信公告〔2026〕5号").contains("XO1");
    }

    @Test
    void aRefusedPlanReleasesItsReservedUnits() {
        f = new LedgerFixtures(Http.api(port), json, testPeople);
        LocalDate today = ChinaTime.today(clock);
        String seller = f.enterprise("500102", LedgerFixtures.converter("XS1", 2_000_000));
        f.dismantle(seller, "XS1");
        long account = f.issueVoluntary(seller, "XS1");
        HttpResponse<String> submitted = post("/api/v1/projects", project(seller, "指标置换测试项目", 1_000_000));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long id = json.readTree(submitted.body()).get("project").get("id").asLong();
        HttpResponse<String> created = post("/api/v1/replacement-plans", "{\"project\":" + id + ",\"ledgerAccount\":"
                + account + ",\"ledgerUnits\":1500000,\"confirmingAuthority\":\"重庆市经济和信息化委员会\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long plan = json.readTree(created.body()).get("plan").get("id").asLong();
        // noticed the day before the 2024 steel suspension began (reading P8), announced too early the next day
        LocalDate start = LocalDate.of(2024, 8, 22);
        assertThat(post("/api/v1/replacement-plans/" + plan + "/notice", "{\"startOn\":\"" + start
                + "\",\"document\":\"渝经信公示〔2026〕9号\"}").statusCode()).isEqualTo(200);
        assertThat(f.units(account, "RESERVED")).isEqualTo(1_500_000);
        assertRefused(post("/api/v1/replacement-plans/" + plan + "/announce", "{\"document\":\"渝经信公告〔2026〕9号\","
                + "\"announcedOn\":\"" + start.plusDays(1) + "\",\"exitDeadline\":\"" + today.plusDays(90) + "\"}"),
                409, "尚未届满");
        assertThat(post("/api/v1/replacement-plans/" + plan + "/refuse",
                "{\"reason\":\"公示期收到实名举报，指标来源待核\",\"document\":\"渝经信函〔2026〕2号\"}").statusCode()).isEqualTo(200);
        assertThat(f.units(account, "RESERVED")).isZero();
        assertThat(f.held(account)).isEqualTo(2_000_000);
        assertThat(f.verify().get("ok").asBoolean()).isTrue();
    }

    private HttpResponse<String> plan(long project, String retired) {
        return post("/api/v1/replacement-plans", "{\"project\":" + project + ",\"retired\":[" + retired
                + "],\"confirmingAuthority\":\"重庆市经济和信息化委员会\"}");
    }

    private static String retired(String uscc, String code) {
        return "{\"uscc\":\"" + uscc + "\",\"equipmentRef\":\"" + code + "\"}";
    }

    private HttpResponse<String> step(long project, String to, String document) {
        return post("/api/v1/projects/" + project + "/transitions", "{\"to\":\"" + to + "\""
                + (document == null ? "" : ",\"document\":\"" + document + "\"") + "}");
    }

    private void act(String caseId, String action, String extra) {
        HttpResponse<String> r = f.http.json("POST", "/api/v1/cases/" + caseId + "/actions", f.caseOfficer,
                "{\"action\":\"" + action + "\"" + extra + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private HttpResponse<String> post(String path, String body) {
        return f.http.json("POST", path, f.admin, body);
    }

    private static void assertRefused(HttpResponse<String> r, int status, String text) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains(text);
    }
}
