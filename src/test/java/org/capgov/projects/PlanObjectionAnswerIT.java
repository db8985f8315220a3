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
 * Objections during 公示 and their answers (reading P7), over real HTTP: objections from an enterprise, a person with
 * a platform account and the public; 公告 refused while any is unanswered; each answered once, audited, shown on the
 * plan page; the objecting enterprise's account and the objecting person are notified, a neighbouring enterprise is
 * not (the audience test of PLAN_OBJECTION_ANSWERED); the answers published with the announced plan, without the name
 * of a private objector. Bad input (unknown enterprise or account, blank answer, a second answer) changes nothing.
 */
class PlanObjectionAnswerIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    LedgerFixtures f;

    @Test
    void everyObjectionIsAnsweredOnceTheIdentifiedObjectorsHearOfItAndTheAnswersArePublished() {
        f = new LedgerFixtures(Http.api(port), json, testPeople);
        LocalDate today = ChinaTime.today(clock);
        String owner = f.enterprise("500102", LedgerFixtures.converter("OA1", 1_000_000),
                LedgerFixtures.converter("OA2", 1_000_000));
        String objecting = f.enterprise("500102");
        String neighbour = f.enterprise("500102");
        String objectingLogin = "t.objector-" + objecting.toLowerCase();
        String neighbourLogin = "t.neighbour-" + neighbour.toLowerCase();
        String personLogin = "t.objector-person-" + objecting.toLowerCase();
        testPeople.ensure(TestPeople.person(objectingLogin, "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), objecting));
        testPeople.ensure(TestPeople.person(neighbourLogin, "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), neighbour));
        testPeople.ensure(TestPeople.person(personLogin, "FL-QZF", Role.OBSERVER, "500102", Set.of(), null));

        HttpResponse<String> submitted = post("/api/v1/projects", ProjectPlanApiIT.project(owner, "异议答复测试项目", 1_500_000));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long project = json.readTree(submitted.body()).get("project").get("id").asLong();
        HttpResponse<String> created = post("/api/v1/replacement-plans", "{\"project\":" + project + ",\"retired\":["
                + retired(owner, "OA1") + "," + retired(owner, "OA2") + "],\"confirmingAuthority\":\"重庆市经济和信息化委员会\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long plan = json.readTree(created.body()).get("plan").get("id").asLong();
        // published before the 2024 steel suspension (reading P8): a steel plan's notice cannot start after it
        LocalDate start = PlanSuspensionIT.BEFORE_SUSPENSION;
        assertThat(post("/api/v1/replacement-plans/" + plan + "/notice", "{\"startOn\":\"" + start
                + "\",\"document\":\"渝经信公示〔2026〕41号\"}").statusCode()).isEqualTo(200);

        String on = ",\"receivedOn\":\"" + start.plusDays(1) + "\"";
        assertField(post(objections(plan), "{\"objector\":\"某公司\",\"text\":\"t\",\"objectorUscc\":\"91500102MA00000000\"" + on
                + "}"), 400, "objectorUscc");
        assertField(post(objections(plan), "{\"objector\":\"某人\",\"text\":\"t\",\"objectorAccount\":\"no.such.person\"" + on
                + "}"), 400, "objectorAccount");
        assertThat(detail(plan).get("objections")).isEmpty();

        assertThat(post(objections(plan), "{\"objector\":\"相邻钢厂\",\"text\":\"退出转炉的产能是否属实？\",\"objectorUscc\":\""
                + objecting + "\"" + on + "}").statusCode()).isEqualTo(200);
        assertThat(post(objections(plan), "{\"objector\":\"王某某\",\"text\":\"项目选址距居民区过近\",\"objectorAccount\":\""
                + personLogin + "\"" + on + "}").statusCode()).isEqualTo(200);
        assertThat(post(objections(plan), "{\"objector\":\"匿名来信\",\"text\":\"请公开验收安排\"" + on + "}").statusCode())
                .isEqualTo(200);
        JsonNode objections = detail(plan).get("objections");
        assertThat(objections).hasSize(3);
        assertThat(objections.get(0).get("objectorKind").asString()).isEqualTo("ENTERPRISE");
        assertThat(objections.get(1).get("objectorKind").asString()).isEqualTo("PERSON");
        assertThat(objections.get(2).get("objectorKind").asString()).isEqualTo("PUBLIC");
        long fromEnterprise = objections.get(0).get("id").asLong();
        long fromPerson = objections.get(1).get("id").asLong();
        long fromPublic = objections.get(2).get("id").asLong();

        String announcement = "{\"document\":\"渝经信公告〔2026〕42号\",\"exitDeadline\":\"" + today.plusDays(90) + "\"}";
        assertField(post("/api/v1/replacement-plans/" + plan + "/announce", announcement), 409, null);
        assertField(post(answer(plan, fromEnterprise), "{\"answer\":\"  \"}"), 400, "answer");
        assertThat(post(answer(plan, 999_999_999L), "{\"answer\":\"x\"}").statusCode()).isEqualTo(404);

        assertThat(post(answer(plan, fromEnterprise), "{\"answer\":\"两台转炉产能经现场核实属实\",\"document\":\"渝经信函〔2026〕43号\"}")
                .statusCode()).isEqualTo(200);
        assertField(post(answer(plan, fromEnterprise), "{\"answer\":\"再次答复\"}"), 409, null);
        assertThat(post(answer(plan, fromPerson), "{\"answer\":\"选址符合规划，环评已批复\"}").statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/replacement-plans/" + plan + "/announce", announcement).statusCode()).isEqualTo(409);
        assertThat(post(answer(plan, fromPublic), "{\"answer\":\"验收结果将在退出后公示\"}").statusCode()).isEqualTo(200);

        JsonNode answered = detail(plan).get("objections");
        assertThat(answered.get(0).get("answer").asString()).isEqualTo("两台转炉产能经现场核实属实");
        assertThat(answered.get(0).get("answerDocument").asString()).isEqualTo("渝经信函〔2026〕43号");
        assertThat(answered.get(0).get("notified").asBoolean()).isTrue();
        assertThat(answered.get(2).get("notified").asBoolean()).isFalse();

        // the objecting enterprise and person hear of their answers; the neighbour hears nothing
        assertThat(inbox(objectingLogin)).contains("两台转炉产能经现场核实属实").doesNotContain("选址符合规划");
        assertThat(inbox(personLogin)).contains("选址符合规划").doesNotContain("两台转炉产能经现场核实属实");
        assertThat(inbox(neighbourLogin)).doesNotContain("两台转炉产能经现场核实属实").doesNotContain("选址符合规划");

        HttpResponse<String> audit = f.http.get("/api/v1/audit?entityType=replacement_plan&entityId=" + plan, f.admin);
        assertThat(audit.body()).contains("两台转炉产能经现场核实属实").contains("验收结果将在退出后公示");

        Http browser = Http.browser(port);
        browser.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        assertThat(browser.get("/plans/" + plan).body()).contains("选址符合规划，环评已批复").contains("已通知异议人");

        assertThat(post("/api/v1/replacement-plans/" + plan + "/announce", announcement).statusCode()).isEqualTo(200);
        String published = Http.browser(port).get("/public/replacement-plans").body();
        assertThat(published).contains("异议答复测试项目").contains("两台转炉产能经现场核实属实").contains("选址符合规划，环评已批复")
                .contains("相邻钢厂").doesNotContain("王某某");
    }

    private String inbox(String login) {
        HttpResponse<String> r = f.http.get("/api/v1/notifications?limit=200", f.http.token(login, TestPeople.PASSWORD));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private JsonNode detail(long plan) {
        return json.readTree(f.http.get("/api/v1/replacement-plans/" + plan, f.admin).body());
    }

    private static String objections(long plan) {
        return "/api/v1/replacement-plans/" + plan + "/objections";
    }

    private static String answer(long plan, long objection) {
        return "/api/v1/replacement-plans/" + plan + "/objections/" + objection + "/answer";
    }

    private static String retired(String uscc, String code) {
        return "{\"uscc\":\"" + uscc + "\",\"equipmentRef\":\"" + code + "\"}";
    }

    private HttpResponse<String> post(String path, String body) {
        return f.http.json("POST", path, f.admin, body);
    }

    private static void assertField(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        if (field != null) {
            assertThat(r.body()).contains("\"field\":\"" + field + "\"");
        }
    }
}
