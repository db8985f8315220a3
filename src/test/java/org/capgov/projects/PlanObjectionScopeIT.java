package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capgov.support.ScopedCallers.ADMIN;
import static org.capgov.support.ScopedCallers.ANONYMOUS;
import static org.capgov.support.ScopedCallers.BANK;
import static org.capgov.support.ScopedCallers.CITY;
import static org.capgov.support.ScopedCallers.CITY_ENVIRONMENT;
import static org.capgov.support.ScopedCallers.DISTRICT;
import static org.capgov.support.ScopedCallers.FULING_COORDINATOR;
import static org.capgov.support.ScopedCallers.FULING_ENVIRONMENT;
import static org.capgov.support.ScopedCallers.GRID;
import static org.capgov.support.ScopedCallers.OBSERVER;
import static org.capgov.support.ScopedCallers.TIANJIN;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers to the objections of a plan under notice, role by role (reading P7): only reviewers (admin, coordinators,
 * department officers) answer, and only plans in their scope; anyone else is refused (401, 403, or 404 outside the
 * scope) with the objection, the plan and the audit trail as they were.
 */
class PlanObjectionScopeIT extends IntegrationTest {

    private static final String OWN = "异议范围本企业";

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void onlyReviewersAnswerAndOnlyObjectionsToPlansInTheirScope() {
        LedgerFixtures f = new LedgerFixtures(Http.api(port), json, people);
        // published before the 2024 steel suspension (reading P8): a steel plan's notice cannot start after it
        LocalDate start = PlanSuspensionIT.BEFORE_SUSPENSION;
        String wanzhou = f.enterprise("500101", LedgerFixtures.converter("OSW1", 1_000_000),
                LedgerFixtures.converter("OSW2", 1_000_000));
        String fuling = f.enterprise("500102", LedgerFixtures.converter("OSF1", 1_000_000),
                LedgerFixtures.converter("OSF2", 1_000_000));
        long planWanzhou = noticedPlan(f, wanzhou, "OSW", start);
        long planFuling = noticedPlan(f, fuling, "OSF", start);
        long objectionWanzhou = objection(f, planWanzhou, start);
        long objectionFuling = objection(f, planFuling, start);
        ScopedCallers callers = new ScopedCallers(f.http, people)
                .person(OWN, TestPeople.person("sc.os.ent", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), fuling));

        // who is refused what, for the 万州 plan: out of scope → 404; not a reviewer → 403; nobody → 401
        Map<String, Integer> refused = Map.of(FULING_COORDINATOR, 404, FULING_ENVIRONMENT, 404, TIANJIN, 404,
                DISTRICT, 403, OBSERVER, 403, GRID, 403, BANK, 403, OWN, 403, ANONYMOUS, 401);
        String before = row(objectionWanzhou);
        long audits = ScopedCallers.audits(jdbc, "replacement_plan", planWanzhou);
        for (var e : refused.entrySet()) {
            HttpResponse<String> r = answer(f, callers.token(e.getKey()), planWanzhou, objectionWanzhou, "越权答复");
            assertThat(r.statusCode()).as(e.getKey() + " " + r.body()).isEqualTo(e.getValue());
        }
        // not a reviewer is refused in its own district too
        for (String caller : List.of(DISTRICT, OWN, OBSERVER)) {
            assertThat(answer(f, callers.token(caller), planFuling, objectionFuling, "越权答复").statusCode())
                    .as(caller).isEqualTo(403);
        }
        assertThat(row(objectionWanzhou)).isEqualTo(before);
        assertThat(ScopedCallers.audits(jdbc, "replacement_plan", planWanzhou)).isEqualTo(audits);
        // an objection id of another plan is not found through this one
        assertThat(answer(f, callers.token(CITY), planWanzhou, objectionFuling, "错配答复").statusCode()).isEqualTo(404);

        // reviewers in scope answer: the district's coordinator its own district's plan, the city the other
        HttpResponse<String> own = answer(f, callers.token(FULING_COORDINATOR), planFuling, objectionFuling, "涪陵答复");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        HttpResponse<String> city = answer(f, callers.token(CITY), planWanzhou, objectionWanzhou, "市级答复");
        assertThat(city.statusCode()).as(city.body()).isEqualTo(200);
        assertThat(row(objectionWanzhou)).contains("市级答复").isNotEqualTo(before);
        assertThat(ScopedCallers.audits(jdbc, "replacement_plan", planWanzhou)).isEqualTo(audits + 1);
        // once only, whoever asks again
        for (String caller : List.of(ADMIN, CITY_ENVIRONMENT)) {
            assertThat(answer(f, callers.token(caller), planWanzhou, objectionWanzhou, "再次答复").statusCode())
                    .as(caller).isEqualTo(409);
        }
    }

    private long noticedPlan(LedgerFixtures f, String uscc, String prefix, LocalDate start) {
        HttpResponse<String> p = f.http.json("POST", "/api/v1/projects", f.admin,
                ProjectPlanApiIT.project(uscc, "异议范围测试项目" + prefix, 1_500_000));
        assertThat(p.statusCode()).as(p.body()).isEqualTo(201);
        long project = json.readTree(p.body()).get("project").get("id").asLong();
        HttpResponse<String> plan = f.http.json("POST", "/api/v1/replacement-plans", f.admin, "{\"project\":" + project
                + ",\"retired\":[{\"uscc\":\"" + uscc + "\",\"equipmentRef\":\"" + prefix + "1\"},{\"uscc\":\"" + uscc
                + "\",\"equipmentRef\":\"" + prefix + "2\"}],\"confirmingAuthority\":\"重庆市经济和信息化委员会\"}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        long id = json.readTree(plan.body()).get("plan").get("id").asLong();
        HttpResponse<String> notice = f.http.json("POST", "/api/v1/replacement-plans/" + id + "/notice", f.admin,
                "{\"startOn\":\"" + start + "\",\"document\":\"渝经信公示〔2026〕" + prefix + "号\"}");
        assertThat(notice.statusCode()).as(notice.body()).isEqualTo(200);
        return id;
    }

    private long objection(LedgerFixtures f, long plan, LocalDate start) {
        HttpResponse<String> r = f.http.json("POST", "/api/v1/replacement-plans/" + plan + "/objections", f.admin,
                "{\"objector\":\"公众\",\"text\":\"范围测试异议\",\"receivedOn\":\"" + start.plusDays(1) + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return jdbc.sql("select max(id) from replacement_plan_objection where plan_id = :p").param("p", plan)
                .query(Long.class).single();
    }

    private static HttpResponse<String> answer(LedgerFixtures f, String token, long plan, long objection, String text) {
        return f.http.json("POST", "/api/v1/replacement-plans/" + plan + "/objections/" + objection + "/answer", token,
                "{\"answer\":\"" + text + "\",\"document\":\"渝经信复〔2026〕5号\"}");
    }

    private String row(long objection) {
        return jdbc.sql("select to_jsonb(o)::text from replacement_plan_objection o where id = :id").param("id", objection)
                .query(String.class).single();
    }
}
