package org.capgov.pricing;

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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.monitoring.MeasurementService;
import org.capgov.registry.EnterpriseService;
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
 * Registered activities, registered reasons for a jump, green-power shares and list regenerations role by role:
 * with works in 涪陵 (two), 万州 and 天津, each caller reads only its rows, an id outside its scope is 404, and a
 * registration or regeneration outside it is refused with the rows and the audit trail as they were.
 */
class PricingRegistrationScopeIT extends IntegrationTest {

    private static final String OWN = "本企业";
    private static final String OTHER = "邻企";
    private static final String WANZHOU_WORKS = "万州企业";
    /** No other test stores a list of this month: a regeneration here changes nobody else's list. */
    private static final String MONTH = "2021-02";
    private static final int YEAR = 2023;

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    MeasurementService measurements;
    @Autowired
    JsonMapper json;

    private static World w;

    private record World(ScopedCallers callers, PricingFixtures.Works fuling, PricingFixtures.Works neighbour,
            PricingFixtures.Works wanzhou, PricingFixtures.Works tianjin, Map<String, Long> activities,
            Map<String, Long> reasons) {
    }

    @BeforeEach
    void world() throws Exception {
        if (w != null) {
            return;
        }
        PricingFixtures fixtures = new PricingFixtures(enterprises, measurements, jdbc);
        PricingFixtures.Works fuling = fixtures.enterprise("500102", "STEEL", null, null);
        PricingFixtures.Works neighbour = fixtures.enterprise("500102", "STEEL", null, null);
        PricingFixtures.Works wanzhou = fixtures.enterprise("500101", "STEEL", null, null);
        PricingFixtures.Works tianjin = fixtures.enterprise("120101", "STEEL", null, null);
        ScopedCallers callers = new ScopedCallers(Http.api(port), people)
                .person(OWN, TestPeople.person("sc.prr.own", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), fuling.uscc()))
                .person(OTHER, TestPeople.person("sc.prr.other", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(),
                        neighbour.uscc()))
                .person(WANZHOU_WORKS, TestPeople.person("sc.prr.wz", "CQ-JXW", Role.ENTERPRISE, "500101", Set.of(),
                        wanzhou.uscc()));
        String admin = callers.token(ADMIN);
        Map<String, Long> activities = new java.util.HashMap<>();
        Map<String, Long> reasons = new java.util.HashMap<>();
        for (PricingFixtures.Works works : List.of(fuling, wanzhou, tianjin)) {
            HttpResponse<String> a = callers.http.json("POST", "/api/v1/pricing/activities", admin, activity(works));
            assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
            activities.put(works.account(), json.readTree(a.body()).get("id").asLong());
            HttpResponse<String> r = reason(callers, ADMIN, works.account());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            reasons.put(works.account(), json.readTree(r.body()).get("id").asLong());
            HttpResponse<String> g = callers.http.json("POST", "/api/v1/pricing/green-shares", admin,
                    green(works.account(), "20"));
            assertThat(g.statusCode()).as(g.body()).isEqualTo(200);
        }
        w = new World(callers, fuling, neighbour, wanzhou, tianjin, activities, reasons);
    }

    @Test
    void activitiesAreListedAndEndedOnlyInScope() {
        Map<String, Set<String>> sees = Map.of(
                ADMIN, Set.of(w.fuling.uscc(), w.wanzhou.uscc(), w.tianjin.uscc()),
                CITY, Set.of(w.fuling.uscc(), w.wanzhou.uscc()), OBSERVER, Set.of(w.fuling.uscc(), w.wanzhou.uscc()),
                CITY_ENVIRONMENT, Set.of(w.fuling.uscc(), w.wanzhou.uscc()),
                FULING_COORDINATOR, Set.of(w.fuling.uscc()), FULING_ENVIRONMENT, Set.of(w.fuling.uscc()),
                DISTRICT, Set.of(w.fuling.uscc()), TIANJIN, Set.of(w.tianjin.uscc()));
        for (var e : sees.entrySet()) {
            HttpResponse<String> r = w.callers.http.get("/api/v1/pricing/activities", w.callers.token(e.getKey()));
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(mine(r.body(), "uscc")).as(e.getKey()).isEqualTo(e.getValue());
        }
        for (String outsider : List.of(GRID, BANK, OWN)) {
            assertThat(w.callers.http.get("/api/v1/pricing/activities", w.callers.token(outsider)).statusCode())
                    .as(outsider).isEqualTo(403);
        }
        assertThat(w.callers.http.get("/api/v1/pricing/activities", null).statusCode()).isEqualTo(401);
        // the page shows the same rows
        String page = w.callers.browser(port, DISTRICT).get("/pricing/registrations").body();
        assertThat(page).contains(w.fuling.uscc()).doesNotContain(w.wanzhou.uscc(), w.tianjin.uscc());

        // registering for an enterprise outside the scope: refused on the field, nothing stored
        long wanzhouRows = count("pricing_activity", w.wanzhou.uscc());
        long fulingRows = count("pricing_activity", w.fuling.uscc());
        for (String caller : List.of(FULING_COORDINATOR, FULING_ENVIRONMENT, DISTRICT)) {
            HttpResponse<String> r = w.callers.http.json("POST", "/api/v1/pricing/activities", w.callers.token(caller),
                    activity(w.wanzhou));
            assertThat(r.statusCode()).as(caller + r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("field").asString()).isEqualTo("uscc");
        }
        assertThat(w.callers.http.json("POST", "/api/v1/pricing/activities", w.callers.token(TIANJIN),
                activity(w.fuling)).statusCode()).isEqualTo(400);
        for (String notRegistrar : List.of(OBSERVER, GRID, BANK, OWN)) {
            assertThat(w.callers.http.json("POST", "/api/v1/pricing/activities", w.callers.token(notRegistrar),
                    activity(w.fuling)).statusCode()).as(notRegistrar).isEqualTo(403);
        }
        assertThat(w.callers.http.json("POST", "/api/v1/pricing/activities", null, activity(w.fuling)).statusCode())
                .isEqualTo(401);
        assertThat(w.callers.browser(port, FULING_COORDINATOR).post("/pricing/activities", Map.of("uscc",
                w.wanzhou.uscc(), "activity", "CRYPTO_MINING", "effectiveFrom", "2021-01-01", "document", "越权登记"))
                .statusCode()).isEqualTo(302);
        assertThat(count("pricing_activity", w.wanzhou.uscc())).isEqualTo(wanzhouRows);
        assertThat(count("pricing_activity", w.fuling.uscc())).isEqualTo(fulingRows);

        // ending another district's or province's registration: 404, row and audit trail unchanged
        long wanzhouId = w.activities.get(w.wanzhou.account());
        String before = row("pricing_activity", wanzhouId);
        long audits = ScopedCallers.audits(jdbc, "pricing_activity", wanzhouId);
        for (String caller : List.of(FULING_COORDINATOR, FULING_ENVIRONMENT, DISTRICT, TIANJIN)) {
            assertThat(w.callers.http.json("POST", "/api/v1/pricing/activities/" + wanzhouId + "/end",
                    w.callers.token(caller), "{\"effectiveTo\":\"2024-12-31\"}").statusCode()).as(caller).isEqualTo(404);
        }
        for (String notRegistrar : List.of(OBSERVER, GRID, BANK, WANZHOU_WORKS)) {
            assertThat(w.callers.http.json("POST", "/api/v1/pricing/activities/" + wanzhouId + "/end",
                    w.callers.token(notRegistrar), "{\"effectiveTo\":\"2024-12-31\"}").statusCode()).as(notRegistrar)
                    .isEqualTo(403);
        }
        assertThat(w.callers.browser(port, DISTRICT).post("/pricing/activities/" + wanzhouId + "/end",
                Map.of("effectiveTo", "2024-12-31")).statusCode()).isEqualTo(302);
        assertThat(row("pricing_activity", wanzhouId)).isEqualTo(before);
        assertThat(ScopedCallers.audits(jdbc, "pricing_activity", wanzhouId)).isEqualTo(audits);

        // within the scope both work and are audited
        long fulingId = w.activities.get(w.fuling.account());
        long fulingAudits = ScopedCallers.audits(jdbc, "pricing_activity", fulingId);
        assertThat(w.callers.http.json("POST", "/api/v1/pricing/activities/" + fulingId + "/end",
                w.callers.token(DISTRICT), "{\"effectiveTo\":\"2024-12-31\"}").statusCode()).isEqualTo(200);
        assertThat(ScopedCallers.audits(jdbc, "pricing_activity", fulingId)).isEqualTo(fulingAudits + 1);
    }

    @Test
    void reasonsAreListedReadAndRegisteredOnlyInScope() throws Exception {
        Map<String, Set<String>> sees = Map.ofEntries(
                Map.entry(ADMIN, Set.of(w.fuling.account(), w.wanzhou.account(), w.tianjin.account())),
                Map.entry(CITY, Set.of(w.fuling.account(), w.wanzhou.account())),
                Map.entry(OBSERVER, Set.of(w.fuling.account(), w.wanzhou.account())),
                Map.entry(CITY_ENVIRONMENT, Set.of(w.fuling.account(), w.wanzhou.account())),
                Map.entry(FULING_COORDINATOR, Set.of(w.fuling.account())),
                Map.entry(FULING_ENVIRONMENT, Set.of(w.fuling.account())), Map.entry(DISTRICT, Set.of(w.fuling.account())),
                Map.entry(OWN, Set.of(w.fuling.account())), Map.entry(OTHER, Set.of()),
                Map.entry(WANZHOU_WORKS, Set.of(w.wanzhou.account())), Map.entry(TIANJIN, Set.of(w.tianjin.account())));
        for (var e : sees.entrySet()) {
            HttpResponse<String> r = w.callers.http.get("/api/v1/electricity/reasons", w.callers.token(e.getKey()));
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(mine(r.body(), "gridAccount")).as(e.getKey()).isEqualTo(e.getValue());
        }
        for (String outsider : List.of(GRID, BANK)) {
            assertThat(w.callers.http.get("/api/v1/electricity/reasons", w.callers.token(outsider)).statusCode())
                    .as(outsider).isEqualTo(403);
        }
        assertThat(w.callers.http.get("/api/v1/electricity/reasons", null).statusCode()).isEqualTo(401);
        String page = w.callers.browser(port, OWN).get("/pricing/reasons").body();
        assertThat(page).contains(w.fuling.account()).doesNotContain(w.wanzhou.account(), w.tianjin.account());

        // the attached document by id
        long fulingReason = w.reasons.get(w.fuling.account());
        for (String[] c : new String[][] {{OWN, "200"}, {DISTRICT, "200"}, {CITY, "200"}, {OTHER, "404"},
                {WANZHOU_WORKS, "404"}, {TIANJIN, "404"}, {GRID, "403"}, {BANK, "403"}}) {
            assertThat(w.callers.browser(port, c[0]).get("/pricing/reasons/" + fulingReason + "/document").statusCode())
                    .as(c[0]).isEqualTo(Integer.parseInt(c[1]));
        }

        // a reason for an account outside the caller's scope: 400 on the account, nothing stored
        long neighbourRows = reasons(w.neighbour.account());
        long wanzhouRows = reasons(w.wanzhou.account());
        long fulingRows = reasons(w.fuling.account());
        long reasonAudits = jdbc.sql("select count(*) from audit_entry where entity_type = 'consumption_reason'")
                .query(Long.class).single();
        for (String[] c : new String[][] {{OWN, w.neighbour.account()}, {OWN, w.wanzhou.account()},
                {FULING_COORDINATOR, w.wanzhou.account()}, {DISTRICT, w.wanzhou.account()},
                {TIANJIN, w.fuling.account()}, {WANZHOU_WORKS, w.fuling.account()}}) {
            HttpResponse<String> r = reason(w.callers, c[0], c[1]);
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("field").asString()).isEqualTo("gridAccount");
        }
        for (String notWriter : List.of(OBSERVER, GRID, BANK)) {
            assertThat(reason(w.callers, notWriter, w.fuling.account()).statusCode()).as(notWriter).isEqualTo(403);
        }
        assertThat(reason(w.callers, ANONYMOUS, w.fuling.account()).statusCode()).isEqualTo(401);
        assertThat(w.callers.browser(port, OWN).post("/pricing/reasons", Map.of("gridAccount", w.neighbour.account(),
                "monthFrom", "2023-05", "reason", "越权登记")).statusCode()).isEqualTo(302);
        assertThat(reasons(w.neighbour.account())).isEqualTo(neighbourRows);
        assertThat(reasons(w.wanzhou.account())).isEqualTo(wanzhouRows);
        assertThat(reasons(w.fuling.account())).isEqualTo(fulingRows);
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'consumption_reason'")
                .query(Long.class).single()).isEqualTo(reasonAudits);

        // the enterprise for its own account
        assertThat(reason(w.callers, OWN, w.fuling.account()).statusCode()).isEqualTo(201);
        assertThat(reasons(w.fuling.account())).isEqualTo(fulingRows + 1);
    }

    @Test
    void greenSharesAreListedAndRecordedOnlyInScope() {
        Map<String, Set<String>> sees = Map.of(
                ADMIN, Set.of(w.fuling.account(), w.wanzhou.account(), w.tianjin.account()),
                CITY, Set.of(w.fuling.account(), w.wanzhou.account()), OBSERVER, Set.of(w.fuling.account(),
                        w.wanzhou.account()),
                GRID, Set.of(w.fuling.account(), w.wanzhou.account()),
                CITY_ENVIRONMENT, Set.of(w.fuling.account(), w.wanzhou.account()),
                FULING_COORDINATOR, Set.of(w.fuling.account()), FULING_ENVIRONMENT, Set.of(w.fuling.account()),
                DISTRICT, Set.of(w.fuling.account()), TIANJIN, Set.of(w.tianjin.account()));
        for (var e : sees.entrySet()) {
            HttpResponse<String> r = w.callers.http.get("/api/v1/pricing/green-shares", w.callers.token(e.getKey()));
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(mine(r.body(), "gridAccount")).as(e.getKey()).isEqualTo(e.getValue());
        }
        for (String outsider : List.of(BANK, OWN)) {
            assertThat(w.callers.http.get("/api/v1/pricing/green-shares", w.callers.token(outsider)).statusCode())
                    .as(outsider).isEqualTo(403);
        }
        assertThat(w.callers.http.get("/api/v1/pricing/green-shares", null).statusCode()).isEqualTo(401);

        // a figure for an account outside the scope replaces nothing
        String wanzhouBefore = green(w.wanzhou.account());
        String tianjinBefore = green(w.tianjin.account());
        String fulingBefore = green(w.fuling.account());
        long wanzhouAudits = ScopedCallers.audits(jdbc, "green_power_share", w.wanzhou.account() + ":" + YEAR);
        long tianjinAudits = ScopedCallers.audits(jdbc, "green_power_share", w.tianjin.account() + ":" + YEAR);
        long fulingAudits = ScopedCallers.audits(jdbc, "green_power_share", w.fuling.account() + ":" + YEAR);
        for (String[] c : new String[][] {{FULING_COORDINATOR, w.wanzhou.account()},
                {FULING_ENVIRONMENT, w.wanzhou.account()}, {TIANJIN, w.fuling.account()}, {GRID, w.tianjin.account()},
                {CITY, w.tianjin.account()}}) {
            HttpResponse<String> r = w.callers.http.json("POST", "/api/v1/pricing/green-shares",
                    w.callers.token(c[0]), green(c[1], "90"));
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("field").asString()).isEqualTo("gridAccount");
        }
        for (String notRecorder : List.of(DISTRICT, OBSERVER, BANK, OWN)) {
            assertThat(w.callers.http.json("POST", "/api/v1/pricing/green-shares", w.callers.token(notRecorder),
                    green(w.fuling.account(), "90")).statusCode()).as(notRecorder).isEqualTo(403);
        }
        assertThat(w.callers.http.json("POST", "/api/v1/pricing/green-shares", null, green(w.fuling.account(), "90"))
                .statusCode()).isEqualTo(401);
        assertThat(w.callers.browser(port, FULING_COORDINATOR).post("/pricing/green-shares", Map.of("gridAccount",
                w.wanzhou.account(), "year", String.valueOf(YEAR), "sharePercent", "90", "provinceWeightPercent", "30",
                "document", "越权")).statusCode()).isEqualTo(302);
        assertThat(green(w.wanzhou.account())).isEqualTo(wanzhouBefore);
        assertThat(green(w.tianjin.account())).isEqualTo(tianjinBefore);
        assertThat(green(w.fuling.account())).isEqualTo(fulingBefore);
        assertThat(ScopedCallers.audits(jdbc, "green_power_share", w.wanzhou.account() + ":" + YEAR))
                .isEqualTo(wanzhouAudits);
        assertThat(ScopedCallers.audits(jdbc, "green_power_share", w.tianjin.account() + ":" + YEAR))
                .isEqualTo(tianjinAudits);
        assertThat(ScopedCallers.audits(jdbc, "green_power_share", w.fuling.account() + ":" + YEAR))
                .isEqualTo(fulingAudits);
    }

    /** A regeneration is computed within the caller's scope, so a wider region's would be stored short for all. */
    @Test
    void aListIsRegeneratedOnlyForARegionWithinTheCallersScope() {
        long stored = storedLists();
        long audits = regenerationAudits();
        for (String[] c : new String[][] {{FULING_COORDINATOR, "500000"}, {FULING_COORDINATOR, "500101"},
                {TIANJIN, "500000"}, {TIANJIN, "500102"}}) {
            HttpResponse<String> r = w.callers.http.json("POST", "/api/v1/pricing/surcharges/regenerations?month="
                    + MONTH + "&region=" + c[1], w.callers.token(c[0]), "");
            assertThat(r.statusCode()).as(c[0] + " " + c[1] + " " + r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("field").asString()).isEqualTo("region");
            assertThat(json.readTree(r.body()).get("detail").asString()).contains("不在您的数据范围内");
        }
        for (String notCoordinator : List.of(DISTRICT, CITY_ENVIRONMENT, FULING_ENVIRONMENT, OBSERVER, GRID, BANK,
                OWN)) {
            assertThat(w.callers.http.json("POST", "/api/v1/pricing/surcharges/regenerations?month=" + MONTH
                    + "&region=500102", w.callers.token(notCoordinator), "").statusCode()).as(notCoordinator)
                    .isEqualTo(403);
        }
        assertThat(w.callers.http.json("POST", "/api/v1/pricing/surcharges/regenerations?month=" + MONTH
                + "&region=500102", null, "").statusCode()).isEqualTo(401);
        assertThat(w.callers.browser(port, FULING_COORDINATOR).post("/pricing/surcharges/regenerate",
                Map.of("month", MONTH, "region", "500000")).statusCode()).isEqualTo(302);
        assertThat(storedLists()).isEqualTo(stored);
        assertThat(regenerationAudits()).isEqualTo(audits);

        // within the scope: stored and audited
        for (String[] c : new String[][] {{FULING_COORDINATOR, "500102"}, {CITY, "500000"}}) {
            HttpResponse<String> r = w.callers.http.json("POST", "/api/v1/pricing/surcharges/regenerations?month="
                    + MONTH + "&region=" + c[1], w.callers.token(c[0]), "");
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(200);
        }
        assertThat(storedLists()).isEqualTo(stored + 2);
        assertThat(regenerationAudits()).isEqualTo(audits + 2);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String activity(PricingFixtures.Works works) {
        return "{\"uscc\":\"" + works.uscc() + "\",\"activity\":\"CRYPTO_MINING\",\"effectiveFrom\":\"2021-01-01\","
                + "\"document\":\"渝经信查〔2021〕1号\"}";
    }

    private static String green(String account, String share) {
        return "{\"gridAccount\":\"" + account + "\",\"year\":\"" + YEAR + "\",\"sharePercent\":\"" + share
                + "\",\"provinceWeightPercent\":\"30\",\"document\":\"绿证核算\"}";
    }

    /** The rows of this class's works that a list body holds, by the given field. */
    private Set<String> mine(String body, String field) {
        Set<String> ours = Set.of(w.fuling.uscc(), w.neighbour.uscc(), w.wanzhou.uscc(), w.tianjin.uscc(),
                w.fuling.account(), w.neighbour.account(), w.wanzhou.account(), w.tianjin.account());
        Set<String> found = new HashSet<>();
        for (JsonNode item : json.readTree(body).get("items")) {
            String v = item.get(field).asString();
            if (ours.contains(v)) {
                found.add(v);
            }
        }
        return found;
    }

    private long count(String table, String uscc) {
        return jdbc.sql("select count(*) from " + table + " where uscc = :u").param("u", uscc).query(Long.class)
                .single();
    }

    private long reasons(String account) {
        return jdbc.sql("select count(*) from consumption_reason where account_no = :a").param("a", account)
                .query(Long.class).single();
    }

    private String green(String account) {
        return jdbc.sql("select to_jsonb(g)::text from green_power_share g where account_no = :a and year = :y")
                .param("a", account).param("y", YEAR).query(String.class).single();
    }

    private String row(String table, long id) {
        return jdbc.sql("select to_jsonb(t)::text from " + table + " t where id = :id").param("id", id)
                .query(String.class).single();
    }

    private long storedLists() {
        return jdbc.sql("select count(*) from pricing_stored_list where month = date '" + MONTH + "-01'")
                .query(Long.class).single();
    }

    private long regenerationAudits() {
        return jdbc.sql("select count(*) from audit_entry where entity_type = 'pricing_stored_list' and entity_id like :m")
                .param("m", MONTH + ":%").query(Long.class).single();
    }

    private HttpResponse<String> reason(ScopedCallers callers, String caller, String account) throws Exception {
        String boundary = "----reason" + System.nanoTime();
        StringBuilder b = new StringBuilder();
        for (String[] f : new String[][] {{"gridAccount", account}, {"monthFrom", "2023-05"}, {"monthTo", "2023-06"},
                {"reason", "新增产线试生产，用电上升"}}) {
            b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f[0])
                    .append("\"\r\n\r\n").append(f[1]).append("\r\n");
        }
        b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"document\"; "
                + "filename=\"shuoming.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 reason\r\n--")
                .append(boundary).append("--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/electricity/reasons")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(b.toString(), StandardCharsets.UTF_8));
        String token = callers.token(caller);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
