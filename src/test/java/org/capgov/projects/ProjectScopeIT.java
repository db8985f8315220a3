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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.shared.ChinaTime;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.ScopedCallers;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Projects and replacement plans role by role: with projects in 涪陵 (two enterprises), 万州 and 天津, each caller's
 * lists hold only its rows, a project or plan outside its scope is 404 by id (API and page), and a change to one is
 * refused with the row and the audit trail as they were.
 */
class ProjectScopeIT extends IntegrationTest {

    private static final String OWN = "本企业";
    private static final String CONFIRMER = "重庆市经济和信息化委员会";

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

    /** Built once: the data and the logged-in callers are the same for every test of the class. */
    private static World w;

    private record World(ScopedCallers callers, LedgerFixtures f, String fuling, String neighbour, String wanzhou,
            String tianjin, long pFuling, long pNeighbour, long pWanzhou, long pTianjin, long planFuling,
            long planWanzhou, long neighbourAccount, long wanzhouAccount) {
    }

    @BeforeEach
    void world() {
        if (w != null) {
            return;
        }
        LedgerFixtures f = new LedgerFixtures(Http.api(port), json, people);
        String fuling = f.enterprise("500102", LedgerFixtures.converter("SC1", 1_000_000),
                LedgerFixtures.converter("SC2", 1_000_000));
        String neighbour = f.enterprise("500102", LedgerFixtures.converter("SN1", 2_000_000));
        String wanzhou = f.enterprise("500101", LedgerFixtures.converter("SW1", 1_000_000),
                LedgerFixtures.converter("SW2", 1_000_000), LedgerFixtures.converter("SW3", 2_000_000));
        String tianjin = f.enterprise("120101");
        f.dismantle(neighbour, "SN1");
        long neighbourAccount = f.issueVoluntary(neighbour, "SN1");
        f.dismantle(wanzhou, "SW3");
        long wanzhouAccount = f.issueVoluntary(wanzhou, "SW3");
        long pFuling = project(f, fuling, "涪陵范围测试项目");
        long pNeighbour = project(f, neighbour, "涪陵邻企范围测试项目");
        long pWanzhou = project(f, wanzhou, "万州范围测试项目");
        long pTianjin = project(f, tianjin, "天津范围测试项目");
        long planFuling = plan(f, f.admin, pFuling, retired(fuling, "SC1") + "," + retired(fuling, "SC2"), null);
        long planWanzhou = plan(f, f.admin, pWanzhou, retired(wanzhou, "SW1") + "," + retired(wanzhou, "SW2"), null);
        ScopedCallers callers = new ScopedCallers(f.http, people)
                .person(OWN, TestPeople.person("sc.pj.ent", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), fuling));
        w = new World(callers, f, fuling, neighbour, wanzhou, tianjin, pFuling, pNeighbour, pWanzhou, pTianjin,
                planFuling, planWanzhou, neighbourAccount, wanzhouAccount);
    }

    @Test
    void eachRoleListsAndOpensOnlyTheProjectsAndPlansInItsScope() {
        List<Long> all = List.of(w.pFuling, w.pNeighbour, w.pWanzhou, w.pTianjin);
        Map<String, Set<Long>> sees = Map.of(
                ADMIN, Set.of(w.pFuling, w.pNeighbour, w.pWanzhou, w.pTianjin),
                CITY, Set.of(w.pFuling, w.pNeighbour, w.pWanzhou),
                OBSERVER, Set.of(w.pFuling, w.pNeighbour, w.pWanzhou),
                CITY_ENVIRONMENT, Set.of(w.pFuling, w.pNeighbour, w.pWanzhou),
                FULING_COORDINATOR, Set.of(w.pFuling, w.pNeighbour),
                FULING_ENVIRONMENT, Set.of(w.pFuling, w.pNeighbour),
                DISTRICT, Set.of(w.pFuling, w.pNeighbour),
                OWN, Set.of(w.pFuling),
                TIANJIN, Set.of(w.pTianjin));
        for (var e : sees.entrySet()) {
            String token = w.callers.token(e.getKey());
            Set<Long> listed = ids(get("/api/v1/projects", token, 200), null);
            assertThat(listed).as(e.getKey()).containsAll(e.getValue());
            assertThat(all.stream().filter(listed::contains).toList()).as(e.getKey())
                    .containsExactlyInAnyOrderElementsOf(e.getValue());
            for (long id : all) {
                int expected = e.getValue().contains(id) ? 200 : 404;
                assertThat(w.f.http.get("/api/v1/projects/" + id, token).statusCode()).as(e.getKey() + " " + id)
                        .isEqualTo(expected);
            }
            Set<Long> plans = ids(get("/api/v1/replacement-plans", token, 200), null);
            assertThat(plans.contains(w.planFuling)).as(e.getKey()).isEqualTo(e.getValue().contains(w.pFuling));
            assertThat(plans.contains(w.planWanzhou)).as(e.getKey()).isEqualTo(e.getValue().contains(w.pWanzhou));
            assertThat(w.f.http.get("/api/v1/replacement-plans/" + w.planWanzhou, token).statusCode()).as(e.getKey())
                    .isEqualTo(e.getValue().contains(w.pWanzhou) ? 200 : 404);
            // a plan filter naming a project outside the scope finds nothing
            assertThat(ids(get("/api/v1/replacement-plans?project=" + w.pWanzhou, token, 200), null))
                    .as(e.getKey()).isEqualTo(e.getValue().contains(w.pWanzhou) ? Set.of(w.planWanzhou) : Set.of());
        }
        for (String outsider : List.of(GRID, BANK)) {
            String token = w.callers.token(outsider);
            assertThat(w.f.http.get("/api/v1/projects", token).statusCode()).as(outsider).isEqualTo(403);
            assertThat(w.f.http.get("/api/v1/projects/" + w.pFuling, token).statusCode()).as(outsider).isEqualTo(403);
            assertThat(w.f.http.get("/api/v1/replacement-plans", token).statusCode()).as(outsider).isEqualTo(403);
            assertThat(w.f.http.get("/api/v1/replacement-plans/" + w.planFuling, token).statusCode()).isEqualTo(403);
        }
        assertThat(w.f.http.get("/api/v1/projects", null).statusCode()).isEqualTo(401);
        assertThat(w.f.http.get("/api/v1/replacement-plans/" + w.planFuling, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aChangeToAProjectOutsideTheScopeIsNotFoundAndChangesNothing() {
        LocalDate today = ChinaTime.today(clock);
        String transition = "{\"to\":\"UNDER_REVIEW\"}";
        String document = "{\"kind\":\"LAND\",\"number\":\"万国土〔2026〕1号\",\"issuedOn\":\"" + today.minusDays(3)
                + "\",\"department\":\"万州区规划和自然资源局\"}";
        String override = "{\"decision\":\"ALLOWED\",\"reason\":\"越权改判\",\"document\":\"涪经信〔2026〕9号\"}";
        Map<String, Long> outside = Map.of(FULING_COORDINATOR, w.pWanzhou, FULING_ENVIRONMENT, w.pWanzhou,
                DISTRICT, w.pWanzhou, OWN, w.pNeighbour, TIANJIN, w.pFuling, CITY, w.pTianjin);
        for (var e : outside.entrySet()) {
            String token = w.callers.token(e.getKey());
            long id = e.getValue();
            String before = row("project", id);
            long audits = ScopedCallers.audits(jdbc, "project", id);
            long documents = count("project_document", id);
            for (String[] write : new String[][] {{"transitions", transition}, {"documents", document},
                    {"override", override}}) {
                if (write[0].equals("override") && (e.getKey().equals(DISTRICT) || e.getKey().equals(OWN))) {
                    continue; // not a reviewer: refused by role (below)
                }
                HttpResponse<String> r = post("/api/v1/projects/" + id + "/" + write[0], token, write[1]);
                assertThat(r.statusCode()).as(e.getKey() + " " + write[0] + " " + r.body()).isEqualTo(404);
            }
            assertThat(row("project", id)).as(e.getKey()).isEqualTo(before);
            assertThat(ScopedCallers.audits(jdbc, "project", id)).as(e.getKey()).isEqualTo(audits);
            assertThat(count("project_document", id)).as(e.getKey()).isEqualTo(documents);
        }
        // roles that may not change projects at all, and nobody
        String before = row("project", w.pFuling);
        long audits = ScopedCallers.audits(jdbc, "project", w.pFuling);
        for (String caller : List.of(OBSERVER, GRID, BANK, ScopedCallers.ANONYMOUS)) {
            int expected = caller.equals(ANONYMOUS) ? 401 : 403;
            assertThat(post("/api/v1/projects/" + w.pFuling + "/transitions", w.callers.token(caller), transition)
                    .statusCode()).as(caller).isEqualTo(expected);
            assertThat(post("/api/v1/projects/" + w.pFuling + "/documents", w.callers.token(caller), document)
                    .statusCode()).as(caller).isEqualTo(expected);
        }
        for (String caller : List.of(DISTRICT, OWN)) {
            assertThat(post("/api/v1/projects/" + w.pFuling + "/override", w.callers.token(caller), override)
                    .statusCode()).as(caller).isEqualTo(403);
        }
        assertThat(row("project", w.pFuling)).isEqualTo(before);
        assertThat(ScopedCallers.audits(jdbc, "project", w.pFuling)).isEqualTo(audits);

        // a declaration for an enterprise outside the scope names the field; nothing is stored
        long projects = jdbc.sql("select count(*) from project").query(Long.class).single();
        for (String[] c : new String[][] {{OWN, w.neighbour}, {DISTRICT, w.wanzhou}, {FULING_COORDINATOR, w.wanzhou},
                {TIANJIN, w.fuling}, {CITY, w.tianjin}}) {
            HttpResponse<String> r = post("/api/v1/projects", w.callers.token(c[0]),
                    ProjectPlanApiIT.project(c[1], "越权申报项目", 1_000_000));
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("field").asString()).isEqualTo("uscc");
        }
        assertThat(post("/api/v1/projects", w.callers.token(OBSERVER), ProjectPlanApiIT.project(w.fuling, "x", 1))
                .statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from project where name = '越权申报项目'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from project").query(Long.class).single()).isGreaterThanOrEqualTo(projects);
    }

    @Test
    void aChangeToAPlanOutsideTheScopeIsNotFoundAndChangesNothing() {
        LocalDate today = ChinaTime.today(clock);
        String before = row("replacement_plan", w.planWanzhou);
        long audits = ScopedCallers.audits(jdbc, "replacement_plan", w.planWanzhou);
        String[][] writes = {
            {"notice", "{\"startOn\":\"" + today + "\",\"document\":\"越权公示〔2026〕1号\"}"},
            {"objections", "{\"objector\":\"越权者\",\"text\":\"越权异议\"}"},
            {"announce", "{\"document\":\"越权公告〔2026〕1号\",\"exitDeadline\":\"" + today.plusDays(90) + "\"}"},
            {"refuse", "{\"reason\":\"越权\",\"document\":\"越权函〔2026〕1号\"}"},
        };
        for (String caller : List.of(FULING_COORDINATOR, FULING_ENVIRONMENT, TIANJIN)) {
            for (String[] write : writes) {
                if (caller.equals(FULING_ENVIRONMENT) && !write[0].equals("objections")) {
                    continue; // a department officer may only record objections
                }
                HttpResponse<String> r = post("/api/v1/replacement-plans/" + w.planWanzhou + "/" + write[0],
                        w.callers.token(caller), write[1]);
                assertThat(r.statusCode()).as(caller + " " + write[0] + " " + r.body()).isEqualTo(404);
            }
        }
        for (String caller : List.of(DISTRICT, OWN, OBSERVER, GRID, BANK)) {
            assertThat(post("/api/v1/replacement-plans/" + w.planFuling + "/notice", w.callers.token(caller),
                    writes[0][1]).statusCode()).as(caller).isEqualTo(403);
        }
        // a plan for a project outside the scope
        for (String[] c : new String[][] {{OWN, Long.toString(w.pNeighbour)}, {DISTRICT, Long.toString(w.pWanzhou)},
                {TIANJIN, Long.toString(w.pFuling)}}) {
            HttpResponse<String> r = post("/api/v1/replacement-plans", w.callers.token(c[0]), "{\"project\":" + c[1]
                    + ",\"retired\":[" + retired(w.wanzhou, "SW3") + "],\"confirmingAuthority\":\"" + CONFIRMER + "\"}");
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(404);
        }
        assertThat(row("replacement_plan", w.planWanzhou)).isEqualTo(before);
        assertThat(ScopedCallers.audits(jdbc, "replacement_plan", w.planWanzhou)).isEqualTo(audits);
        assertThat(jdbc.sql("select count(*) from replacement_plan_objection where plan_id = :p")
                .param("p", w.planWanzhou).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from replacement_plan where project_id in (:p)")
                .param("p", List.of(w.pNeighbour, w.pFuling)).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * A plan may draw indicator units only from an account the declarer can see: otherwise the enterprise (or a
     * district) would put another holder's units under notice and, on 公告, retire them.
     */
    @Test
    void aPlanMayNotDrawOnAnAccountOutsideTheCallersScope() {
        long fresh = project(w.f, w.fuling, "涪陵指标范围测试项目");
        String[][] cases = {{OWN, Long.toString(w.neighbourAccount)}, {OWN, Long.toString(w.wanzhouAccount)},
                {DISTRICT, Long.toString(w.wanzhouAccount)}, {FULING_COORDINATOR, Long.toString(w.wanzhouAccount)}};
        for (String[] c : cases) {
            HttpResponse<String> r = post("/api/v1/replacement-plans", w.callers.token(c[0]), "{\"project\":" + fresh
                    + ",\"ledgerAccount\":" + c[1] + ",\"ledgerUnits\":2000000,\"confirmingAuthority\":\"" + CONFIRMER
                    + "\"}");
            assertThat(r.statusCode()).as(c[0] + " → account " + c[1] + ": " + r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("field").asString()).isEqualTo("ledgerAccount");
            assertThat(json.readTree(r.body()).get("detail").asString()).containsPattern("\\p{IsHan}");
        }
        assertThat(jdbc.sql("select count(*) from replacement_plan where project_id = :p").param("p", fresh)
                .query(Long.class).single()).isZero();
        assertThat(ScopedCallers.audits(jdbc, "replacement_plan", "none")).isZero();
        // the city coordinator sees the 万州 account and may name it
        HttpResponse<String> r = post("/api/v1/replacement-plans", w.callers.token(CITY), "{\"project\":" + fresh
                + ",\"ledgerAccount\":" + w.wanzhouAccount + ",\"ledgerUnits\":2000000,\"confirmingAuthority\":\""
                + CONFIRMER + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    @Test
    void thePagesFollowTheScope() {
        for (String caller : List.of(DISTRICT, OWN, TIANJIN)) {
            Http b = w.callers.browser(port, caller);
            HttpResponse<String> list = b.get("/projects");
            assertThat(list.statusCode()).as(caller).isEqualTo(200);
            assertThat(list.body().contains("涪陵范围测试项目")).as(caller).isEqualTo(!caller.equals(TIANJIN));
            assertThat(list.body().contains("涪陵邻企范围测试项目")).as(caller).isEqualTo(caller.equals(DISTRICT));
            assertThat(list.body()).as(caller).doesNotContain("万州范围测试项目");
            assertThat(list.body().contains("天津范围测试项目")).as(caller).isEqualTo(caller.equals(TIANJIN));
            long outside = caller.equals(TIANJIN) ? w.pFuling : w.pWanzhou;
            assertThat(b.get("/projects/" + outside).statusCode()).as(caller).isEqualTo(404);
            assertThat(b.get("/plans/" + (caller.equals(TIANJIN) ? w.planFuling : w.planWanzhou)).statusCode())
                    .as(caller).isEqualTo(404);
            String before = row("project", outside);
            long audits = ScopedCallers.audits(jdbc, "project", outside);
            assertThat(b.post("/projects/" + outside + "/transitions", Map.of("to", "UNDER_REVIEW")).statusCode())
                    .as(caller).isEqualTo(404);
            assertThat(b.post("/projects/" + outside + "/documents", Map.of("kind", "LAND", "number", "越权〔2026〕2号",
                    "issuedOn", "2026-01-05", "department", "某局")).statusCode()).as(caller).isEqualTo(404);
            assertThat(b.post("/projects/" + outside + "/plans", Map.of("retired", w.wanzhou + "/SW3",
                    "confirmingAuthority", CONFIRMER)).statusCode()).as(caller).isEqualTo(404);
            assertThat(row("project", outside)).isEqualTo(before);
            assertThat(ScopedCallers.audits(jdbc, "project", outside)).isEqualTo(audits);
        }
        Http district = w.callers.browser(port, DISTRICT);
        assertThat(district.get("/projects/" + w.pNeighbour).statusCode()).isEqualTo(200);
        assertThat(district.get("/plans/" + w.planFuling).statusCode()).isEqualTo(200);
        String planBefore = row("replacement_plan", w.planWanzhou);
        Http tianjin = w.callers.browser(port, TIANJIN);
        assertThat(tianjin.post("/plans/" + w.planWanzhou + "/refuse", Map.of("reason", "越权", "document", "越权函"))
                .statusCode()).isEqualTo(404);
        assertThat(row("replacement_plan", w.planWanzhou)).isEqualTo(planBefore);
        for (String caller : List.of(GRID, BANK)) {
            assertThat(w.callers.browser(port, caller).get("/projects").statusCode()).as(caller).isEqualTo(403);
        }
        assertThat(Http.browser(port).get("/projects").statusCode()).isEqualTo(302);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static long project(LedgerFixtures f, String uscc, String name) {
        HttpResponse<String> r = f.http.json("POST", "/api/v1/projects", f.admin,
                ProjectPlanApiIT.project(uscc, name, 1_000_000));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return f.json.readTree(r.body()).get("project").get("id").asLong();
    }

    private static long plan(LedgerFixtures f, String token, long project, String retired, String extra) {
        HttpResponse<String> r = f.http.json("POST", "/api/v1/replacement-plans", token, "{\"project\":" + project
                + ",\"retired\":[" + retired + "],\"confirmingAuthority\":\"" + CONFIRMER + "\""
                + (extra == null ? "" : "," + extra) + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return f.json.readTree(r.body()).get("plan").get("id").asLong();
    }

    private static String retired(String uscc, String code) {
        return "{\"uscc\":\"" + uscc + "\",\"equipmentRef\":\"" + code + "\"}";
    }

    private String get(String path, String token, int status) {
        HttpResponse<String> r = w.f.http.get(path, token);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
        return r.body();
    }

    private HttpResponse<String> post(String path, String token, String body) {
        return w.f.http.json("POST", path, token, body);
    }

    private Set<Long> ids(String body, String wrapper) {
        Set<Long> out = new HashSet<>();
        for (JsonNode n : json.readTree(body)) {
            out.add((wrapper == null ? n : n.get(wrapper)).get("id").asLong());
        }
        return out;
    }

    /** The stored row as text: any change to it shows. */
    private String row(String table, long id) {
        return jdbc.sql("select to_jsonb(t)::text from " + table + " t where id = :id").param("id", id)
                .query(String.class).single();
    }

    private long count(String table, long project) {
        return jdbc.sql("select count(*) from " + table + " where project_id = :p").param("p", project)
                .query(Long.class).single();
    }
}
