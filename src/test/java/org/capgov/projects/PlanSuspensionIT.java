package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.shared.ChinaTime;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.ScopedCallers;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 2024 steel suspension checked on the day a plan's public notice starts (reading P8): a steel plan cannot start
 * its notice today, through the API (409, the notice cited, nothing changed or audited) or the plan page (the
 * refusal in Chinese, and the suspension said before the form), while a cement plan starts the same day; a steel
 * plan whose notice started before 2024-08-23 is still announced.
 */
class PlanSuspensionIT extends IntegrationTest {

    /** A Wednesday before the steel suspension of 2024-08-23, on which the fixtures of steel plans start their notice. */
    static final LocalDate BEFORE_SUSPENSION = LocalDate.of(2024, 7, 3);

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    LedgerFixtures f;

    @Test
    void aSteelPlanCannotStartItsNoticeDuringTheSuspensionWhileACementPlanCanTheSameDay() {
        f = new LedgerFixtures(Http.api(port), json, testPeople);
        LocalDate today = ChinaTime.today(clock);
        String steel = f.enterprise("500102", LedgerFixtures.converter("SU1", 1_000_000),
                LedgerFixtures.converter("SU2", 1_000_000));
        long steelPlan = plan(ProjectPlanApiIT.project(steel, "暂停期钢铁置换项目", 1_500_000), steel, "SU1", "SU2");
        String before = row(steelPlan);
        long audits = ScopedCallers.audits(jdbc, "replacement_plan", steelPlan);

        for (LocalDate day : new LocalDate[] {today, LocalDate.of(2024, 8, 23)}) {
            HttpResponse<String> refused = notice(steelPlan, day, "渝经信公示〔2026〕SU号");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json.readTree(refused.body()).get("detail").asString()).contains("工信厅原函〔2024〕327号")
                    .contains("钢铁").contains("不得公示").contains(day.toString());
        }
        assertThat(row(steelPlan)).isEqualTo(before).contains("DRAFT");
        assertThat(ScopedCallers.audits(jdbc, "replacement_plan", steelPlan)).isEqualTo(audits);

        // the plan page says so before the form, and refuses the form in Chinese with nothing changed
        Http browser = Http.browser(port);
        testPeople.ensure(Role.COORDINATOR);
        browser.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        String page = browser.get("/plans/" + steelPlan).body();
        assertThat(page).contains("id=\"plan-suspended\"").contains("暂停公示").contains("327号");
        assertThat(page.indexOf("plan-suspended")).isLessThan(page.indexOf("notice-form"));
        HttpResponse<String> posted = browser.post("/plans/" + steelPlan + "/notice",
                Map.of("startOn", today.toString(), "document", "渝经信公示〔2026〕SU页号"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(browser.get("/plans/" + steelPlan).body()).contains("工信厅原函〔2024〕327号").contains("不得公示");
        assertThat(row(steelPlan)).isEqualTo(before);
        assertThat(ScopedCallers.audits(jdbc, "replacement_plan", steelPlan)).isEqualTo(audits);

        // cement is not suspended: its plan starts the notice the same day
        String cement = f.enterprise("500102", kiln("SUK1"), kiln("SUK2"));
        long cementPlan = plan(cementProject(cement, today), cement, "SUK1", "SUK2");
        assertThat(browser.get("/plans/" + cementPlan).body()).doesNotContain("id=\"plan-suspended\"");
        HttpResponse<String> accepted = notice(cementPlan, today, "渝经信公示〔2026〕SUK号");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json.readTree(accepted.body()).get("plan").get("status").asString()).isEqualTo("NOTICE");
        assertThat(ScopedCallers.audits(jdbc, "replacement_plan", cementPlan)).isEqualTo(2);
    }

    @Test
    void aSteelPlanNoticedBeforeTheSuspensionIsStillAnnounced() {
        f = new LedgerFixtures(Http.api(port), json, testPeople);
        LocalDate today = ChinaTime.today(clock);
        String steel = f.enterprise("500102", LedgerFixtures.converter("SP1", 1_000_000),
                LedgerFixtures.converter("SP2", 1_000_000));
        long plan = plan(ProjectPlanApiIT.project(steel, "暂停前公示钢铁项目", 1_500_000), steel, "SP1", "SP2");
        HttpResponse<String> noticed = notice(plan, LocalDate.of(2024, 8, 22), "渝经信公示〔2024〕SP号");
        assertThat(noticed.statusCode()).as(noticed.body()).isEqualTo(200);
        HttpResponse<String> announced = f.http.json("POST", "/api/v1/replacement-plans/" + plan + "/announce", f.admin,
                "{\"document\":\"渝经信公告〔2026〕SP号\",\"exitDeadline\":\"" + today.plusDays(90) + "\"}");
        assertThat(announced.statusCode()).as(announced.body()).isEqualTo(200);
        assertThat(json.readTree(announced.body()).get("plan").get("status").asString()).isEqualTo("ANNOUNCED");
        assertThat(json.readTree(announced.body()).get("retired")).hasSize(2);
    }

    /** A project needing replacement and its plan retiring the two items; returns the plan id. */
    private long plan(String projectBody, String uscc, String first, String second) {
        HttpResponse<String> submitted = f.http.json("POST", "/api/v1/projects", f.admin, projectBody);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        JsonNode project = json.readTree(submitted.body()).get("project");
        assertThat(project.get("gate").get("decision").asString()).isEqualTo("NEEDS_REPLACEMENT");
        HttpResponse<String> created = f.http.json("POST", "/api/v1/replacement-plans", f.admin, "{\"project\":"
                + project.get("id").asLong() + ",\"retired\":[" + retired(uscc, first) + "," + retired(uscc, second)
                + "],\"confirmingAuthority\":\"重庆市经济和信息化委员会\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("plan").get("id").asLong();
    }

    private HttpResponse<String> notice(long plan, LocalDate start, String document) {
        return f.http.json("POST", "/api/v1/replacement-plans/" + plan + "/notice", f.admin,
                "{\"startOn\":\"" + start + "\",\"document\":\"" + document + "\"}");
    }

    private String row(long plan) {
        return jdbc.sql("select status || '|' || coalesce(notice_start::text, '') || '|' || coalesce(notice_document, '')"
                + " from replacement_plan where id = :id").param("id", plan).query(String.class).single();
    }

    private static String retired(String uscc, String code) {
        return "{\"uscc\":\"" + uscc + "\",\"equipmentRef\":\"" + code + "\"}";
    }

    private static String kiln(String code) {
        return "{\"code\":\"" + code + "\",\"type\":\"CEMENT_KILN\",\"parameters\":{\"process\":\"NSP\","
                + "\"clinker_t_per_d\":2500},\"product\":\"CLINKER\",\"annualCapacity\":1000000,"
                + "\"commissioned\":\"2012-05-01\"}";
    }

    private static String cementProject(String uscc, LocalDate declaredOn) {
        return "{\"uscc\":\"" + uscc + "\",\"name\":\"暂停期水泥置换项目\",\"kind\":\"NEW\",\"industry\":\"CEMENT\","
                + "\"approvalKind\":\"APPROVAL\",\"declaredOn\":\"" + declaredOn + "\","
                + "\"equipment\":[{\"ref\":\"K1\",\"type\":\"CEMENT_KILN\",\"parameters\":{\"process\":\"NSP\","
                + "\"clinker_t_per_d\":4000}}],"
                + "\"capacityAdded\":{\"product\":\"CLINKER\",\"quantity\":600000,\"unit\":\"t\"},"
                + "\"documents\":[{\"kind\":\"EIA\",\"number\":\"渝环准〔2026〕SU号\",\"issuedOn\":\"" + declaredOn
                + "\",\"department\":\"重庆市生态环境局\"}]}";
    }
}
