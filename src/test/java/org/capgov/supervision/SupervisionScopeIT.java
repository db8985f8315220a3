package org.capgov.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capgov.support.ScopedCallers.ADMIN;
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
 * Tasks, progress reports, 督办 and annual reports role by role: with tasks in 涪陵, 万州 (one of them led by a 涪陵
 * department) and 天津, each caller's lists hold only its tasks, a task, notice or annual report outside its scope is
 * 404 by id, and a report, decision or draft outside it is refused with the row and the audit trail as they were —
 * being a task's lead department does not reach past the region.
 */
class SupervisionScopeIT extends IntegrationTest {

    private static final String DOCUMENT = "范围测试文件〔2026〕" + (System.nanoTime() % 100_000) + "号";
    private static final String OWN = "企业";
    private static final int YEAR = 2012;

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

    private static World w;

    private record World(ScopedCallers callers, long fuling, long wanzhou, long tianjin, long draft,
            long reportFuling, long reportWanzhou, long annualFuling, long annualWanzhou, long annualTianjin) {
    }

    @BeforeEach
    void world() {
        if (w != null) {
            return;
        }
        Http http = Http.api(port);
        ScopedCallers callers = new ScopedCallers(http, people)
                .person(OWN, TestPeople.BY_ROLE.get(Role.ENTERPRISE));
        LocalDate today = ChinaTime.today(clock);
        long fuling = published(callers, task("涪陵范围任务", List.of("FL-QZF"), List.of("FL-STHJJ"), "500102",
                today.plusDays(100)));
        // led by the 涪陵 district government too, but a 万州 task: the lead's people outside 万州 do not reach it
        long wanzhou = published(callers, task("万州范围任务", List.of("CQ-STHJJ", "FL-QZF"), List.of("FL-STHJJ"),
                "500101", today.minusDays(10)));
        long tianjin = published(callers, task("天津范围任务", List.of("TJ-FGW"), List.of(), "120000",
                today.plusDays(100)));
        long draft = id(created(callers, ADMIN, task("万州范围草稿", List.of("CQ-STHJJ"), List.of(), "500101",
                today.plusDays(100))));
        long reportFuling = reported(callers, DISTRICT, fuling);
        long reportWanzhou = reported(callers, CITY_ENVIRONMENT, wanzhou);
        reported(callers, TIANJIN, tianjin);
        long annualFuling = annual(callers, FULING_COORDINATOR, "500102");
        long annualWanzhou = annual(callers, CITY, "500101");
        long annualTianjin = annual(callers, TIANJIN, "120000");
        w = new World(callers, fuling, wanzhou, tianjin, draft, reportFuling, reportWanzhou, annualFuling,
                annualWanzhou, annualTianjin);
    }

    @Test
    void eachRoleListsAndOpensOnlyTheTasksInItsScope() {
        Map<String, Set<Long>> sees = Map.of(
                ADMIN, Set.of(w.fuling, w.wanzhou, w.tianjin),
                CITY, Set.of(w.fuling, w.wanzhou), OBSERVER, Set.of(w.fuling, w.wanzhou),
                CITY_ENVIRONMENT, Set.of(w.fuling, w.wanzhou),
                FULING_COORDINATOR, Set.of(w.fuling), FULING_ENVIRONMENT, Set.of(w.fuling), DISTRICT, Set.of(w.fuling),
                TIANJIN, Set.of(w.tianjin));
        List<Long> all = List.of(w.fuling, w.wanzhou, w.tianjin, w.draft);
        for (var e : sees.entrySet()) {
            String token = w.callers.token(e.getKey());
            Set<Long> listed = ids(get("/api/v1/tasks?document=" + enc(DOCUMENT), token));
            assertThat(listed).as(e.getKey()).isEqualTo(e.getValue());
            Set<Long> withDrafts = ids(get("/api/v1/tasks?drafts=true&document=" + enc(DOCUMENT), token));
            boolean seesWanzhou = e.getValue().contains(w.wanzhou);
            assertThat(withDrafts.contains(w.draft)).as(e.getKey()).isEqualTo(seesWanzhou);
            for (long id : all) {
                boolean visible = e.getValue().contains(id) || (id == w.draft && seesWanzhou);
                HttpResponse<String> r = w.callers.http.get("/api/v1/tasks/" + id, token);
                assertThat(r.statusCode()).as(e.getKey() + " task " + id).isEqualTo(visible ? 200 : 404);
                if (id == w.wanzhou && visible) {
                    assertThat(r.body()).contains("\"id\":" + w.reportWanzhou);
                }
            }
        }
        for (String outsider : List.of(OWN, GRID, BANK)) {
            assertThat(w.callers.http.get("/api/v1/tasks", w.callers.token(outsider)).statusCode()).as(outsider)
                    .isEqualTo(403);
            assertThat(w.callers.http.get("/api/v1/tasks/" + w.fuling, w.callers.token(outsider)).statusCode())
                    .as(outsider).isEqualTo(403);
        }
        assertThat(w.callers.http.get("/api/v1/tasks/" + w.fuling, null).statusCode()).isEqualTo(401);

        Http district = w.callers.browser(port, DISTRICT);
        String board = district.get("/supervision?document=" + enc(DOCUMENT)).body();
        assertThat(board).contains("涪陵范围任务").doesNotContain("万州范围任务", "天津范围任务", "万州范围草稿");
        assertThat(district.get("/supervision/tasks/" + w.fuling).statusCode()).isEqualTo(200);
        assertThat(district.get("/supervision/tasks/" + w.wanzhou).statusCode()).isEqualTo(404);
        int period = jdbc.sql("select period from supervision_report where id = :id").param("id", w.reportWanzhou)
                .query(Integer.class).single();
        assertThat(district.get("/supervision/tasks/" + w.wanzhou + "/attachments/" + period + "/1").statusCode())
                .isEqualTo(404);
        assertThat(w.callers.browser(port, TIANJIN).get("/supervision/tasks/" + w.fuling).statusCode()).isEqualTo(404);
    }

    @Test
    void reportsAndDecisionsOutsideTheScopeAreNotFoundAndChangeNothing() {
        String report = row("supervision_report", w.reportWanzhou);
        String fulingReport = row("supervision_report", w.reportFuling);
        String draft = row("supervision_task", w.draft);
        long reportAudits = ScopedCallers.audits(jdbc, "supervision_report", w.reportWanzhou);
        long fulingAudits = ScopedCallers.audits(jdbc, "supervision_report", w.reportFuling);
        long draftAudits = ScopedCallers.audits(jdbc, "supervision_task", w.draft);
        long contributions = jdbc.sql("select count(*) from supervision_contribution where task_id = :t")
                .param("t", w.wanzhou).query(Long.class).single();
        int period = jdbc.sql("select period from supervision_report where id = :id").param("id", w.reportWanzhou)
                .query(Integer.class).single();
        String text = "{\"text\":\"越权报送\"}";
        // the 涪陵 district government leads the 万州 task, the 涪陵 environment bureau cooperates on it: not in scope
        assertThat(post("/api/v1/tasks/" + w.wanzhou + "/reports", DISTRICT, text).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/tasks/" + w.wanzhou + "/contributions", FULING_ENVIRONMENT, text).statusCode())
                .isEqualTo(404);
        for (String caller : List.of(FULING_COORDINATOR, TIANJIN)) {
            assertThat(post("/api/v1/tasks/" + w.wanzhou + "/reports/" + period + "/accept", caller, "{}").statusCode())
                    .as(caller).isEqualTo(404);
            assertThat(post("/api/v1/tasks/" + w.wanzhou + "/reports/" + period + "/return", caller,
                    "{\"reason\":\"越权退回\"}").statusCode()).as(caller).isEqualTo(404);
            assertThat(post("/api/v1/tasks/" + w.draft + "/publish", caller, "{}").statusCode()).as(caller)
                    .isEqualTo(404);
        }
        int fulingPeriod = jdbc.sql("select period from supervision_report where id = :id").param("id", w.reportFuling)
                .query(Integer.class).single();
        assertThat(post("/api/v1/tasks/" + w.fuling + "/reports/" + fulingPeriod + "/accept", TIANJIN, "{}")
                .statusCode()).isEqualTo(404);
        // roles without the step at all
        for (String caller : List.of(DISTRICT, FULING_ENVIRONMENT, OBSERVER, OWN, GRID, BANK)) {
            assertThat(post("/api/v1/tasks/" + w.draft + "/publish", caller, "{}").statusCode()).as(caller)
                    .isEqualTo(403);
            assertThat(post("/api/v1/tasks/" + w.fuling + "/reports/" + fulingPeriod + "/accept", caller, "{}")
                    .statusCode()).as(caller).isEqualTo(403);
        }
        for (String caller : List.of(ADMIN, OBSERVER, OWN, GRID, BANK)) {
            assertThat(post("/api/v1/tasks/" + w.fuling + "/reports", caller, text).statusCode()).as(caller)
                    .isEqualTo(403);
        }
        // pages: the same refusals, shown as a message; nothing changes
        Http coordinator = w.callers.browser(port, FULING_COORDINATOR);
        coordinator.post("/supervision/tasks/" + w.wanzhou + "/decide", Map.of("period", Integer.toString(period),
                "decision", "accept"));
        coordinator.post("/supervision/tasks/" + w.draft + "/publish", Map.of());
        Http district = w.callers.browser(port, DISTRICT);
        district.post("/supervision/tasks/" + w.wanzhou + "/report", Map.of("text", "越权报送"));
        assertThat(row("supervision_report", w.reportWanzhou)).isEqualTo(report);
        assertThat(row("supervision_report", w.reportFuling)).isEqualTo(fulingReport);
        assertThat(row("supervision_task", w.draft)).isEqualTo(draft);
        assertThat(ScopedCallers.audits(jdbc, "supervision_report", w.reportWanzhou)).isEqualTo(reportAudits);
        assertThat(ScopedCallers.audits(jdbc, "supervision_report", w.reportFuling)).isEqualTo(fulingAudits);
        assertThat(ScopedCallers.audits(jdbc, "supervision_task", w.draft)).isEqualTo(draftAudits);
        assertThat(jdbc.sql("select count(*) from supervision_contribution where task_id = :t").param("t", w.wanzhou)
                .query(Long.class).single()).isEqualTo(contributions);

        // a new task for a region outside the scope names the field; nothing is stored
        LocalDate today = ChinaTime.today(clock);
        for (String[] c : new String[][] {{FULING_COORDINATOR, "500101"}, {TIANJIN, "500102"}, {CITY, "120000"}}) {
            HttpResponse<String> r = post("/api/v1/tasks", c[0], task("越权任务", List.of("FL-QZF"), List.of(), c[1],
                    today.plusDays(30)));
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("field").asString()).isEqualTo("region");
        }
        coordinator.post("/supervision/tasks", Map.of("document", DOCUMENT, "section", "一", "title", "越权任务",
                "text", "越权", "lead", "FL-QZF", "region", "500101", "deadline", today.plusDays(30).toString()));
        assertThat(jdbc.sql("select count(*) from supervision_task where title = '越权任务'").query(Long.class).single())
                .isZero();
    }

    @Test
    void noticesAreIssuedAndReadOnlyInScope() {
        long duban = dubanOf(w.wanzhou);
        assertThat(duban).isZero();
        // the 涪陵 coordinator cannot run the deadline check over 万州, nor hold an interview there
        Http fuling = w.callers.browser(port, FULING_COORDINATOR);
        assertThat(fuling.post("/supervision/sweep", Map.of("region", "500101")).statusCode()).isEqualTo(302);
        assertThat(dubanOf(w.wanzhou)).isZero();
        long interviews = jdbc.sql("select count(*) from supervision_interview where region_code = '500101'")
                .query(Long.class).single();
        fuling.post("/supervision/interviews", Map.of("region", "500101", "heldOn",
                ChinaTime.today(clock).minusDays(1).toString(), "attendees", "越权约谈", "summary", "越权",
                "commitmentText", "越权承诺", "commitmentDepartment", "FL-QZF", "commitmentDeadline",
                ChinaTime.today(clock).plusDays(30).toString()));
        assertThat(jdbc.sql("select count(*) from supervision_interview where region_code = '500101'")
                .query(Long.class).single()).isEqualTo(interviews);
        // the city's check issues the 督办 on the overdue 万州 tasks; twice in a year: 万州 is named in a 通报
        LocalDate today = ChinaTime.today(clock);
        // (filed under another document, so that the task lists of the other tests stay as they were)
        published(w.callers, task("万州范围任务二", List.of("CQ-STHJJ"), List.of(), "500101", today.minusDays(20))
                .replace(DOCUMENT, DOCUMENT + "附件"));
        Http city = w.callers.browser(port, CITY);
        assertThat(city.post("/supervision/sweep", Map.of("region", "500101")).statusCode()).isEqualTo(302);
        assertThat(dubanOf(w.wanzhou)).isEqualTo(1);
        fuling.post("/supervision/circulars", Map.of("issuer", "涪陵区经济和信息化委员会"));
        assertThat(jdbc.sql("select count(*) from supervision_notice where kind = 'TONGBAO' and body like '%万州%'"
                + " and issued_by = 'sc.fl.coord'").query(Long.class).single()).isZero();
        long tongbao = jdbc.sql("select count(*) from supervision_notice where kind = 'TONGBAO'").query(Long.class)
                .single();
        assertThat(city.post("/supervision/circulars", Map.of("issuer", "重庆市经济和信息化委员会")).statusCode())
                .isEqualTo(302);
        long circular = jdbc.sql("select max(id) from supervision_notice where kind = 'TONGBAO' and issued_by = :u")
                .param("u", w.callers.username(CITY)).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from supervision_notice where kind = 'TONGBAO'").query(Long.class)
                .single()).isEqualTo(tongbao + 1);
        for (String[] c : new String[][] {{CITY, "200"}, {OBSERVER, "200"}, {ADMIN, "200"}, {DISTRICT, "404"},
                {FULING_COORDINATOR, "404"}, {FULING_ENVIRONMENT, "404"}, {TIANJIN, "404"}, {OWN, "403"}, {GRID, "403"}}) {
            Http page = w.callers.browser(port, c[0]);
            assertThat(page.get("/supervision/notices/" + circular + "/docx").statusCode()).as(c[0])
                    .isEqualTo(Integer.parseInt(c[1]));
            if (c[1].equals("200")) {
                assertThat(page.get("/supervision/notices").body()).as(c[0]).contains("万州范围任务");
            } else if (c[1].equals("404")) {
                assertThat(page.get("/supervision/notices").body()).as(c[0]).doesNotContain("万州范围任务");
            }
        }
    }

    @Test
    void annualReportsAreReadAndWrittenOnlyInScope() {
        Map<String, Set<Long>> sees = Map.of(
                CITY, Set.of(w.annualFuling, w.annualWanzhou), OBSERVER, Set.of(w.annualFuling, w.annualWanzhou),
                FULING_COORDINATOR, Set.of(w.annualFuling), DISTRICT, Set.of(w.annualFuling),
                FULING_ENVIRONMENT, Set.of(w.annualFuling), TIANJIN, Set.of(w.annualTianjin),
                ADMIN, Set.of(w.annualFuling, w.annualWanzhou, w.annualTianjin));
        for (var e : sees.entrySet()) {
            Http page = w.callers.browser(port, e.getKey());
            String list = page.get("/supervision/annual").body();
            for (long id : List.of(w.annualFuling, w.annualWanzhou, w.annualTianjin)) {
                boolean visible = e.getValue().contains(id);
                assertThat(list.contains("/supervision/annual/" + id + "\"")).as(e.getKey() + " " + id)
                        .isEqualTo(visible);
                assertThat(page.get("/supervision/annual/" + id).statusCode()).as(e.getKey() + " " + id)
                        .isEqualTo(visible ? 200 : 404);
                assertThat(page.get("/supervision/annual/" + id + "/docx").statusCode()).as(e.getKey() + " " + id)
                        .isEqualTo(visible ? 200 : 404);
            }
        }
        for (String outsider : List.of(OWN, GRID, BANK)) {
            assertThat(w.callers.browser(port, outsider).get("/supervision/annual/" + w.annualFuling).statusCode())
                    .as(outsider).isEqualTo(403);
        }
        String wanzhou = row("supervision_annual_report", w.annualWanzhou);
        String fuling = row("supervision_annual_report", w.annualFuling);
        long wanzhouAudits = ScopedCallers.audits(jdbc, "supervision_annual_report", w.annualWanzhou);
        long fulingAudits = ScopedCallers.audits(jdbc, "supervision_annual_report", w.annualFuling);
        for (String caller : List.of(DISTRICT, FULING_COORDINATOR)) {
            Http page = w.callers.browser(port, caller);
            page.post("/supervision/annual/" + w.annualWanzhou + "/edit", Map.of("text", "越权改写"));
            page.post("/supervision/annual/" + w.annualWanzhou + "/approve", Map.of("approval", "经区政府同意",
                    "on", "2013-01-10"));
            page.post("/supervision/annual", Map.of("region", "500101", "year", Integer.toString(YEAR + 1)));
        }
        w.callers.browser(port, TIANJIN).post("/supervision/annual/" + w.annualFuling + "/edit",
                Map.of("text", "越权改写"));
        w.callers.browser(port, TIANJIN).post("/supervision/annual/" + w.annualFuling + "/decide",
                Map.of("decision", "accept"));
        assertThat(w.callers.browser(port, OBSERVER).post("/supervision/annual/" + w.annualFuling + "/edit",
                Map.of("text", "越权改写")).statusCode()).isEqualTo(403);
        assertThat(row("supervision_annual_report", w.annualWanzhou)).isEqualTo(wanzhou);
        assertThat(row("supervision_annual_report", w.annualFuling)).isEqualTo(fuling);
        assertThat(ScopedCallers.audits(jdbc, "supervision_annual_report", w.annualWanzhou)).isEqualTo(wanzhouAudits);
        assertThat(ScopedCallers.audits(jdbc, "supervision_annual_report", w.annualFuling)).isEqualTo(fulingAudits);
        assertThat(jdbc.sql("select count(*) from supervision_annual_report where region_code = '500101' and year = :y")
                .param("y", YEAR + 1).query(Long.class).single()).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String task(String title, List<String> lead, List<String> cooperating, String region,
            LocalDate deadline) {
        return "{\"document\":\"" + DOCUMENT + "\",\"section\":\"一\",\"title\":\"" + title + "\",\"text\":\"按期完成。\","
                + "\"lead\":" + quoted(lead) + ",\"cooperating\":" + quoted(cooperating) + ",\"region\":\"" + region
                + "\",\"deadline\":\"" + deadline + "\"}";
    }

    private static String quoted(List<String> codes) {
        return codes.stream().map(c -> "\"" + c + "\"").toList().toString();
    }

    private static HttpResponse<String> created(ScopedCallers callers, String caller, String body) {
        HttpResponse<String> r = callers.http.json("POST", "/api/v1/tasks", callers.token(caller), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private long id(HttpResponse<String> r) {
        return json.readTree(r.body()).get("id").asLong();
    }

    private long published(ScopedCallers callers, String body) {
        long id = id(created(callers, ADMIN, body));
        HttpResponse<String> r = callers.http.json("POST", "/api/v1/tasks/" + id + "/publish", callers.token(ADMIN), "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return id;
    }

    private long reported(ScopedCallers callers, String caller, long task) {
        HttpResponse<String> r = callers.http.json("POST", "/api/v1/tasks/" + task + "/reports", callers.token(caller),
                "{\"text\":\"已按要求推进。\"}");
        assertThat(r.statusCode()).as(caller + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("id").asLong();
    }

    private long annual(ScopedCallers callers, String caller, String region) {
        Http page = callers.browser(port, caller);
        HttpResponse<String> r = page.post("/supervision/annual", Map.of("region", region, "year", Integer.toString(YEAR)));
        assertThat(r.statusCode()).isEqualTo(302);
        return jdbc.sql("select id from supervision_annual_report where region_code = :r and year = :y")
                .param("r", region).param("y", YEAR).query(Long.class).single();
    }

    private String get(String path, String token) {
        HttpResponse<String> r = w.callers.http.get(path, token);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<String> post(String path, String caller, String body) {
        return w.callers.http.json("POST", path, w.callers.token(caller), body);
    }

    private Set<Long> ids(String body) {
        Set<Long> out = new HashSet<>();
        for (JsonNode n : json.readTree(body).get("items")) {
            out.add(n.get("id").asLong());
        }
        return out;
    }

    private long dubanOf(long task) {
        return jdbc.sql("select count(*) from supervision_notice where kind = 'DUBAN' and task_id = :t")
                .param("t", task).query(Long.class).single();
    }

    private String row(String table, long id) {
        return jdbc.sql("select to_jsonb(t)::text from " + table + " t where id = :id").param("id", id)
                .query(String.class).single();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
