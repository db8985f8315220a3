package org.capgov.supervision;

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
import java.util.LinkedHashMap;
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
 * The API of 督办 and 通报, 约谈 and the annual reports role by role: with a 通报, a 约谈 and an annual report each in
 * 涪陵, 万州 and 天津, each caller's lists hold only its region's, other reports are 404 by id, and steps outside the
 * scope are refused with the rows and their audit entries as they were. 涪陵, 万州 and 天津 eight years back are a
 * year no other test reports on.
 */
class SupervisionRecordsScopeIT extends IntegrationTest {

    private static final String OWN = "企业";
    private static final String TAG = "记录范围" + (System.nanoTime() % 1_000_000);

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

    private record World(ScopedCallers callers, int year, Map<String, Long> notices, Map<String, Long> interviews,
            Map<String, Long> annual) {
    }

    @BeforeEach
    void world() {
        if (w != null) {
            return;
        }
        ScopedCallers callers = new ScopedCallers(Http.api(port), people)
                .person(OWN, TestPeople.BY_ROLE.get(Role.ENTERPRISE));
        LocalDate today = ChinaTime.today(clock);
        int year = today.getYear() - 8;
        Map<String, Long> notices = new LinkedHashMap<>();
        Map<String, Long> interviews = new LinkedHashMap<>();
        Map<String, Long> annual = new LinkedHashMap<>();
        String[][] places = {{"500102", "/500000/500102/", FULING_COORDINATOR, "FL-QZF"},
                {"500101", "/500000/500101/", CITY, "CQ-STHJJ"}, {"120000", "/120000/", TIANJIN, "TJ-FGW"}};
        for (String[] p : places) {
            notices.put(p[0], jdbc.sql("""
                    insert into supervision_notice (kind, number, region_path, title, body, issued_by, issued_on,
                        created_at) values ('TONGBAO', :n, :p, :t, '范围测试。', 'test', :d, now()) returning id""")
                    .param("n", TAG + "-" + p[0]).param("p", p[1]).param("t", "通报" + TAG + p[0])
                    .param("d", today).query(Long.class).single());
            HttpResponse<String> i = callers.http.json("POST", "/api/v1/supervision/interviews", callers.token(p[2]),
                    "{\"region\":\"" + p[0] + "\",\"heldOn\":\"" + today.minusDays(1) + "\",\"attendees\":\"" + TAG
                            + "\",\"summary\":\"范围测试\",\"commitments\":[{\"text\":\"整改承诺" + TAG + "\","
                            + "\"department\":\"" + p[3] + "\",\"deadline\":\"" + today.plusDays(60) + "\"}]}");
            interviews.put(p[0], id(ok(i)));
            annual.put(p[0], id(ok(callers.http.json("POST", "/api/v1/supervision/annual-reports",
                    callers.token(p[2]), "{\"region\":\"" + p[0] + "\",\"year\":" + year + "}"))));
        }
        w = new World(callers, year, notices, interviews, annual);
    }

    @Test
    void eachRoleReadsOnlyItsRegionsRecords() {
        Map<String, Set<String>> sees = new LinkedHashMap<>();
        sees.put(ADMIN, Set.of("500102", "500101", "120000"));
        sees.put(CITY, Set.of("500102", "500101"));
        sees.put(OBSERVER, Set.of("500102", "500101"));
        sees.put(CITY_ENVIRONMENT, Set.of("500102", "500101"));
        sees.put(FULING_COORDINATOR, Set.of("500102"));
        sees.put(FULING_ENVIRONMENT, Set.of("500102"));
        sees.put(DISTRICT, Set.of("500102"));
        sees.put(TIANJIN, Set.of("120000"));
        for (var e : sees.entrySet()) {
            String token = w.callers.token(e.getKey());
            assertThat(regions(w.notices, "/api/v1/supervision/notices?kind=TONGBAO", token)).as(e.getKey() + " 通报")
                    .isEqualTo(e.getValue());
            assertThat(regions(w.interviews, "/api/v1/supervision/interviews", token)).as(e.getKey() + " 约谈")
                    .isEqualTo(e.getValue());
            assertThat(regions(w.annual, "/api/v1/supervision/annual-reports", token)).as(e.getKey() + " 年报")
                    .isEqualTo(e.getValue());
            for (var a : w.annual.entrySet()) {
                assertThat(w.callers.http.get("/api/v1/supervision/annual-reports/" + a.getValue(), token).statusCode())
                        .as(e.getKey() + " " + a.getKey()).isEqualTo(e.getValue().contains(a.getKey()) ? 200 : 404);
            }
            String slow = ok(w.callers.http.get("/api/v1/supervision/slow-regions", token));
            if (!e.getKey().equals(ADMIN) && !e.getValue().contains("120000")) {
                assertThat(slow).as(e.getKey()).doesNotContain("天津");
            }
        }
        for (String outsider : List.of(OWN, GRID, BANK)) {
            String token = w.callers.token(outsider);
            for (String path : List.of("/api/v1/supervision/notices", "/api/v1/supervision/interviews",
                    "/api/v1/supervision/annual-reports", "/api/v1/supervision/slow-regions",
                    "/api/v1/supervision/annual-reports/" + w.annual.get("500102"))) {
                assertThat(w.callers.http.get(path, token).statusCode()).as(outsider + " " + path).isEqualTo(403);
            }
        }
        assertThat(w.callers.http.get("/api/v1/supervision/notices", w.callers.token(ANONYMOUS)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void writesOutsideTheScopeAreRefusedAndChangeNothing() {
        Map<Long, String> rows = new LinkedHashMap<>();
        Map<Long, Long> audits = new LinkedHashMap<>();
        for (long id : w.annual.values()) {
            rows.put(id, row("supervision_annual_report", id));
            audits.put(id, ScopedCallers.audits(jdbc, "supervision_annual_report", id));
        }
        long interviews = count("supervision_interview");
        long reports = count("supervision_annual_report");
        long circulars = jdbc.sql("select count(*) from supervision_notice where kind = 'TONGBAO'").query(Long.class)
                .single();
        LocalDate today = ChinaTime.today(clock);
        long fuling = w.annual.get("500102");
        long wanzhou = w.annual.get("500101");
        long tianjin = w.annual.get("120000");
        // reports of another region: not found, whatever the step
        String[][] steps = {{FULING_COORDINATOR, Long.toString(wanzhou)}, {DISTRICT, Long.toString(wanzhou)},
                {TIANJIN, Long.toString(fuling)}, {CITY, Long.toString(tianjin)}};
        for (String[] s : steps) {
            String base = "/api/v1/supervision/annual-reports/" + s[1];
            assertThat(post(base + "/edit", s[0], "{\"text\":\"越权改写\"}").statusCode()).as(s[0]).isEqualTo(404);
            assertThat(post(base + "/approve", s[0], "{\"approval\":\"经区政府同意\",\"on\":\"" + today + "\"}")
                    .statusCode()).as(s[0]).isEqualTo(404);
        }
        assertThat(post("/api/v1/supervision/annual-reports/" + fuling + "/decision", TIANJIN, "{\"accept\":true}")
                .statusCode()).isEqualTo(404);
        // roles without the step
        for (String caller : List.of(FULING_ENVIRONMENT, CITY_ENVIRONMENT, OBSERVER, OWN, GRID, BANK)) {
            assertThat(post("/api/v1/supervision/annual-reports/" + fuling + "/edit", caller, "{\"text\":\"越权改写\"}")
                    .statusCode()).as(caller).isEqualTo(403);
            assertThat(post("/api/v1/supervision/interviews", caller, "{\"region\":\"500102\"}").statusCode())
                    .as(caller).isEqualTo(403);
            assertThat(post("/api/v1/supervision/circulars", caller, "{\"issuer\":\"越权\"}").statusCode()).as(caller)
                    .isEqualTo(403);
        }
        assertThat(post("/api/v1/supervision/annual-reports/" + fuling + "/decision", DISTRICT, "{\"accept\":true}")
                .statusCode()).isEqualTo(403);
        // drafts and 约谈 for a region outside the scope name the region
        for (String[] c : new String[][] {{FULING_COORDINATOR, "500101"}, {TIANJIN, "500102"}, {CITY, "120000"},
                {DISTRICT, "500101"}}) {
            HttpResponse<String> draft = post("/api/v1/supervision/annual-reports", c[0], "{\"region\":\"" + c[1]
                    + "\",\"year\":" + (w.year - 1) + "}");
            assertThat(draft.statusCode()).as(c[0] + " " + draft.body()).isEqualTo(400);
            assertThat(json.readTree(draft.body()).get("field").asString()).isEqualTo("region");
        }
        for (String[] c : new String[][] {{FULING_COORDINATOR, "500101"}, {TIANJIN, "500102"}, {CITY, "120000"}}) {
            HttpResponse<String> i = post("/api/v1/supervision/interviews", c[0], "{\"region\":\"" + c[1]
                    + "\",\"heldOn\":\"" + today.minusDays(1) + "\",\"attendees\":\"越权\",\"commitments\":[{\"text\":"
                    + "\"越权承诺\",\"department\":\"FL-QZF\",\"deadline\":\"" + today.plusDays(30) + "\"}]}");
            assertThat(i.statusCode()).as(c[0] + " " + i.body()).isEqualTo(400);
            assertThat(i.body()).contains("\"field\":\"region\"");
        }
        for (var e : rows.entrySet()) {
            assertThat(row("supervision_annual_report", e.getKey())).isEqualTo(e.getValue());
            assertThat(ScopedCallers.audits(jdbc, "supervision_annual_report", e.getKey()))
                    .isEqualTo(audits.get(e.getKey()));
        }
        assertThat(count("supervision_interview")).isEqualTo(interviews);
        assertThat(count("supervision_annual_report")).isEqualTo(reports);
        assertThat(jdbc.sql("select count(*) from supervision_notice where kind = 'TONGBAO'").query(Long.class)
                .single()).isEqualTo(circulars);
        assertThat(jdbc.sql("select count(*) from supervision_task where title like :t").param("t", "越权承诺%")
                .query(Long.class).single()).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The regions (keys of {@code mine}) whose record ids are in the list at {@code path}. */
    private Set<String> regions(Map<String, Long> mine, String path, String token) {
        Set<Long> ids = new HashSet<>();
        for (JsonNode n : json.readTree(ok(w.callers.http.get(path, token))).get("items")) {
            ids.add(n.get("id").asLong());
        }
        Set<String> out = new HashSet<>();
        mine.forEach((region, id) -> {
            if (ids.contains(id)) {
                out.add(region);
            }
        });
        return out;
    }

    private long id(String body) {
        return json.readTree(body).get("id").asLong();
    }

    private HttpResponse<String> post(String path, String caller, String body) {
        return w.callers.http.json("POST", path, w.callers.token(caller), body);
    }

    private static String ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String row(String table, long id) {
        return jdbc.sql("select to_jsonb(t)::text from " + table + " t where id = :id").param("id", id)
                .query(String.class).single();
    }
}
