package org.capgov.supervision.leads;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
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
 * Leads and the problem register role by role: with leads and problems in 涪陵, 万州 and 天津, each caller's lists hold
 * only the rows of its region (and, for officers, of its own department), other ids are 404, and steps on them are
 * refused with the rows and their audit entries as they were. The list names are shared by the platform: only a
 * province-level coordinator whose scope holds every problem of a list changes it.
 */
class LeadScopeIT extends IntegrationTest {

    private static final String OWN = "企业";
    private static final String TAG = "范围" + (System.nanoTime() % 1_000_000);
    private static final String TJ_LIST = "SCOPE_TJ_" + (System.nanoTime() % 1_000_000);

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    PublicLeadService leads;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    private static World w;

    /** Leads: pollution in 涪陵, 万州 and 天津, and another matter in 涪陵; problems likewise. */
    private record World(ScopedCallers callers, String fuling, String wanzhou, String tianjin, String fulingOther,
            long pFuling, long pWanzhou, long pTianjin, long pFound) {
    }

    @BeforeEach
    void world() {
        if (w != null) {
            return;
        }
        ScopedCallers callers = new ScopedCallers(Http.api(port), people)
                .person(OWN, TestPeople.BY_ROLE.get(Role.ENTERPRISE));
        String fuling = lead("POLLUTION", "500102");
        String wanzhou = lead("POLLUTION", "500101");
        String tianjin = lead("POLLUTION", "120101");
        String other = lead("OTHER", "500102");
        String admin = callers.token(ADMIN);
        ok(callers.http.json("PUT", "/api/v1/supervision/problem-lists/" + TJ_LIST, admin,
                "{\"name\":\"天津测试清单" + TAG + "\"}"));
        long pFuling = problem(callers, "ENVIRONMENT", "500102", "FL-STHJJ");
        long pWanzhou = problem(callers, "ENVIRONMENT", "500101", "CQ-STHJJ");
        long pTianjin = problem(callers, TJ_LIST, "120101", "TJ-HBJ");
        long pFound = problem(callers, "ENVIRONMENT", "500102", null);
        w = new World(callers, fuling, wanzhou, tianjin, other, pFuling, pWanzhou, pTianjin, pFound);
    }

    @Test
    void eachRoleListsAndOpensOnlyItsLeads() {
        assertThat(leadDepartment(w.fuling)).isEqualTo("FL-STHJJ");
        assertThat(leadDepartment(w.wanzhou)).isEqualTo("CQ-STHJJ");
        assertThat(leadDepartment(w.tianjin)).isEqualTo("TJ-HBJ");
        assertThat(leadDepartment(w.fulingOther)).isEqualTo("FL-QZF");
        List<String> mine = List.of(w.fuling, w.wanzhou, w.tianjin, w.fulingOther);
        Map<String, Set<String>> sees = new LinkedHashMap<>();
        sees.put(ADMIN, Set.copyOf(mine));
        sees.put(CITY, Set.of(w.fuling, w.wanzhou, w.fulingOther));
        sees.put(OBSERVER, Set.of(w.fuling, w.wanzhou, w.fulingOther));
        sees.put(CITY_ENVIRONMENT, Set.of(w.wanzhou));
        sees.put(FULING_COORDINATOR, Set.of(w.fuling, w.fulingOther));
        sees.put(FULING_ENVIRONMENT, Set.of(w.fuling));
        sees.put(DISTRICT, Set.of(w.fulingOther));
        sees.put(TIANJIN, Set.of(w.tianjin));
        for (var e : sees.entrySet()) {
            String token = w.callers.token(e.getKey());
            Set<String> listed = new HashSet<>(all("/api/v1/supervision/leads?", token, "trackingNo"));
            listed.retainAll(mine);
            assertThat(listed).as(e.getKey()).isEqualTo(e.getValue());
            for (String t : mine) {
                HttpResponse<String> r = w.callers.http.get("/api/v1/supervision/leads/" + t, token);
                assertThat(r.statusCode()).as(e.getKey() + " " + t).isEqualTo(e.getValue().contains(t) ? 200 : 404);
            }
            Http page = w.callers.browser(port, e.getKey());
            String list = page.get("/supervision/leads?size=100&matter=POLLUTION").body();
            assertThat(list.contains(w.wanzhou)).as(e.getKey()).isEqualTo(e.getValue().contains(w.wanzhou));
            assertThat(page.get("/supervision/leads/" + w.tianjin).statusCode()).as(e.getKey())
                    .isEqualTo(e.getValue().contains(w.tianjin) ? 200 : 404);
        }
        for (String outsider : List.of(OWN, GRID, BANK)) {
            String token = w.callers.token(outsider);
            assertThat(w.callers.http.get("/api/v1/supervision/leads", token).statusCode()).as(outsider).isEqualTo(403);
            assertThat(w.callers.http.get("/api/v1/supervision/leads/" + w.fuling, token).statusCode()).as(outsider)
                    .isEqualTo(403);
        }
        assertThat(w.callers.http.get("/api/v1/supervision/leads", w.callers.token(ANONYMOUS)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void stepsOnLeadsOutsideTheScopeAreRefusedAndChangeNothing() {
        Map<String, String> rows = new LinkedHashMap<>();
        Map<String, Long> audits = new LinkedHashMap<>();
        for (String t : List.of(w.fuling, w.wanzhou, w.tianjin, w.fulingOther)) {
            rows.put(t, row("supervision_lead", "tracking_no", t));
            audits.put(t, ScopedCallers.audits(jdbc, "supervision_lead", t));
        }
        String close = "{\"reply\":\"越权办结\"}";
        String[][] notFound = {
                {FULING_ENVIRONMENT, w.wanzhou, "verify"}, {FULING_ENVIRONMENT, w.fulingOther, "close"},
                {DISTRICT, w.fuling, "verify"}, {CITY_ENVIRONMENT, w.fuling, "close"},
                {FULING_COORDINATOR, w.wanzhou, "close"}, {TIANJIN, w.fuling, "close"}, {CITY, w.tianjin, "verify"}};
        for (String[] c : notFound) {
            assertThat(post("/api/v1/supervision/leads/" + c[1] + "/" + c[2], c[0], close).statusCode())
                    .as(c[0] + " " + c[2] + " " + c[1]).isEqualTo(404);
        }
        for (String caller : List.of(OBSERVER, OWN, GRID, BANK)) {
            assertThat(post("/api/v1/supervision/leads/" + w.fuling + "/close", caller, close).statusCode()).as(caller)
                    .isEqualTo(403);
        }
        assertThat(post("/api/v1/supervision/leads/" + w.fuling + "/close", ANONYMOUS, close).statusCode())
                .isEqualTo(401);
        Http district = w.callers.browser(port, DISTRICT);
        assertThat(district.post("/supervision/leads/" + w.fuling + "/close", Map.of("reply", "越权办结")).statusCode())
                .isEqualTo(404);
        Http tianjin = w.callers.browser(port, TIANJIN);
        assertThat(tianjin.post("/supervision/leads/" + w.wanzhou + "/verify", Map.of()).statusCode()).isEqualTo(404);
        for (var e : rows.entrySet()) {
            assertThat(row("supervision_lead", "tracking_no", e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(ScopedCallers.audits(jdbc, "supervision_lead", e.getKey())).isEqualTo(audits.get(e.getKey()));
        }
    }

    @Test
    void eachRoleListsOpensAndActsOnOnlyItsProblems() {
        List<Long> mine = List.of(w.pFuling, w.pWanzhou, w.pTianjin, w.pFound);
        Map<String, Set<Long>> sees = new LinkedHashMap<>();
        sees.put(ADMIN, Set.copyOf(mine));
        sees.put(CITY, Set.of(w.pFuling, w.pWanzhou, w.pFound));
        sees.put(OBSERVER, Set.of(w.pFuling, w.pWanzhou, w.pFound));
        sees.put(CITY_ENVIRONMENT, Set.of(w.pWanzhou));
        sees.put(FULING_COORDINATOR, Set.of(w.pFuling, w.pFound));
        sees.put(FULING_ENVIRONMENT, Set.of(w.pFuling));
        sees.put(DISTRICT, Set.of());
        sees.put(TIANJIN, Set.of(w.pTianjin));
        for (var e : sees.entrySet()) {
            String token = w.callers.token(e.getKey());
            Set<Long> listed = new HashSet<>();
            all("/api/v1/supervision/problems?", token, "id").forEach(id -> listed.add(Long.parseLong(id)));
            listed.retainAll(mine);
            assertThat(listed).as(e.getKey()).isEqualTo(e.getValue());
            for (long id : mine) {
                assertThat(w.callers.http.get("/api/v1/supervision/problems/" + id, token).statusCode())
                        .as(e.getKey() + " " + id).isEqualTo(e.getValue().contains(id) ? 200 : 404);
            }
        }
        for (String outsider : List.of(OWN, GRID, BANK)) {
            assertThat(w.callers.http.get("/api/v1/supervision/problems", w.callers.token(outsider)).statusCode())
                    .as(outsider).isEqualTo(403);
        }
        assertThat(w.callers.http.get("/api/v1/supervision/problems", null).statusCode()).isEqualTo(401);

        Map<Long, String> rows = new LinkedHashMap<>();
        Map<Long, Long> audits = new LinkedHashMap<>();
        for (long id : mine) {
            rows.put(id, row("supervision_problem", "id", id));
            audits.put(id, ScopedCallers.audits(jdbc, "supervision_problem", id));
        }
        String lists = jdbc.sql("select string_agg(to_jsonb(l)::text, ',' order by code) from supervision_problem_list l")
                .query(String.class).single();
        long problems = jdbc.sql("select count(*) from supervision_problem").query(Long.class).single();
        // out of scope: not found
        assertThat(post("/api/v1/supervision/problems/" + w.pWanzhou + "/close", FULING_COORDINATOR,
                "{\"note\":\"越权销号\"}").statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/supervision/problems/" + w.pFuling + "/close", TIANJIN, "{\"note\":\"越权销号\"}")
                .statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/supervision/problems/" + w.pTianjin + "/rectify", CITY, "{}").statusCode())
                .isEqualTo(404);
        assertThat(post("/api/v1/supervision/problems/" + w.pWanzhou + "/rectify", FULING_ENVIRONMENT, "{}")
                .statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/supervision/problems/" + w.pFuling + "/rectify", DISTRICT, "{}").statusCode())
                .isEqualTo(404);
        // roles without the step
        for (String caller : List.of(FULING_ENVIRONMENT, DISTRICT, OBSERVER, OWN, GRID, BANK)) {
            assertThat(post("/api/v1/supervision/problems/" + w.pFound + "/assign", caller,
                    "{\"department\":\"FL-STHJJ\",\"deadline\":\"2030-01-01\"}").statusCode()).as(caller).isEqualTo(403);
        }
        // a 涪陵 problem assigned to a 天津 bureau, problems recorded outside the scope: refused, naming the field
        HttpResponse<String> far = post("/api/v1/supervision/problems/" + w.pFound + "/assign", FULING_COORDINATOR,
                "{\"department\":\"TJ-HBJ\",\"deadline\":\"2030-01-01\"}");
        assertThat(far.statusCode()).as(far.body()).isEqualTo(400);
        assertThat(json.readTree(far.body()).get("field").asString()).isEqualTo("department");
        for (String[] c : new String[][] {{FULING_COORDINATOR, "500101"}, {TIANJIN, "500102"}, {CITY, "120101"}}) {
            assertThat(post("/api/v1/supervision/problems", c[0], "{\"list\":\"ENVIRONMENT\",\"title\":\"越权问题"
                    + TAG + "\",\"source\":\"INSPECTION\",\"region\":\"" + c[1] + "\"}").statusCode()).as(c[0])
                    .isEqualTo(403);
        }
        // list names: a district coordinator, a province coordinator over lists with others' problems
        assertThat(put("/api/v1/supervision/problem-lists/ENVIRONMENT", FULING_COORDINATOR, "{\"name\":\"越权改名\"}")
                .statusCode()).isEqualTo(403);
        assertThat(put("/api/v1/supervision/problem-lists/ENVIRONMENT", TIANJIN, "{\"name\":\"越权改名\"}")
                .statusCode()).isEqualTo(403);
        assertThat(put("/api/v1/supervision/problem-lists/" + TJ_LIST, CITY, "{\"name\":\"越权改名\"}").statusCode())
                .isEqualTo(403);
        assertThat(put("/api/v1/supervision/problem-lists/" + TJ_LIST, FULING_ENVIRONMENT, "{\"name\":\"越权改名\"}")
                .statusCode()).isEqualTo(403);
        w.callers.browser(port, FULING_COORDINATOR).post("/supervision/problems/" + w.pWanzhou + "/actions",
                Map.of("action", "CLOSE", "note", "越权销号"));
        w.callers.browser(port, TIANJIN).post("/supervision/problem-lists", Map.of("code", "ENVIRONMENT",
                "name", "越权改名"));
        for (long id : mine) {
            assertThat(row("supervision_problem", "id", id)).as("problem " + id).isEqualTo(rows.get(id));
            assertThat(ScopedCallers.audits(jdbc, "supervision_problem", id)).isEqualTo(audits.get(id));
        }
        assertThat(jdbc.sql("select string_agg(to_jsonb(l)::text, ',' order by code) from supervision_problem_list l")
                .query(String.class).single()).isEqualTo(lists);
        assertThat(jdbc.sql("select count(*) from supervision_problem").query(Long.class).single()).isEqualTo(problems);

        // in scope the same steps go through: 涪陵's bureau rectifies its problem, 天津 renames its own list
        ok(post("/api/v1/supervision/problems/" + w.pFuling + "/rectify", FULING_ENVIRONMENT, "{\"note\":\"已开始整改\"}"));
        ok(put("/api/v1/supervision/problem-lists/" + TJ_LIST, TIANJIN, "{\"name\":\"天津测试清单改名" + TAG + "\"}"));
        assertThat(ScopedCallers.audits(jdbc, "supervision_problem_list", TJ_LIST)).isEqualTo(2);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String lead(String matter, String region) {
        return SystemActor.call(() -> leads.submit(new PublicLeadService.Submission(matter, region, "范围测试地址（"
                + TAG + "）", null, null, "范围测试。", "13900000000", null), List.of(), "scope-" + System.nanoTime()))
                .trackingNo();
    }

    private long problem(ScopedCallers callers, String list, String region, String department) {
        String body = "{\"list\":\"" + list + "\",\"title\":\"范围测试问题" + TAG + "\",\"source\":\"INSPECTION\","
                + "\"region\":\"" + region + "\"" + (department == null ? ""
                : ",\"department\":\"" + department + "\",\"deadline\":\"2030-06-30\"") + "}";
        return json.readTree(ok(callers.http.json("POST", "/api/v1/supervision/problems", callers.token(ADMIN), body)))
                .get("problem").get("id").asLong();
    }

    private String leadDepartment(String trackingNo) {
        return jdbc.sql("select department_code from supervision_lead where tracking_no = :t").param("t", trackingNo)
                .query(String.class).single();
    }

    /** Every value of {@code field} over all pages of a list. */
    private List<String> all(String path, String token, String field) {
        List<String> out = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = json.readTree(ok(w.callers.http.get(path + "size=200&page=" + page, token))).get("items");
            items.forEach(n -> out.add(n.get(field).asString()));
            if (items.size() < 200) {
                return out;
            }
        }
    }

    private HttpResponse<String> post(String path, String caller, String body) {
        return w.callers.http.json("POST", path, w.callers.token(caller), body);
    }

    private HttpResponse<String> put(String path, String caller, String body) {
        return w.callers.http.json("PUT", path, w.callers.token(caller), body);
    }

    private static String ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private String row(String table, String key, Object value) {
        return jdbc.sql("select to_jsonb(t)::text from " + table + " t where " + key + " = :v").param("v", value)
                .query(String.class).single();
    }
}
