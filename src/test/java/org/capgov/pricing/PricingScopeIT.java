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
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Surcharge lists, billing, the fund ledger, objections and power-use leads role by role: with aluminium smelters
 * on the ladder in 涪陵 (two), 万州 and 天津, and closed works drawing power in 涪陵 and 万州, each caller's lists,
 * exports and sums hold only its rows, a lead or objection outside its scope is 404 by id, and a change outside it
 * is refused with the row and the audit trail as they were.
 */
class PricingScopeIT extends IntegrationTest {

    private static final String OWN = "本企业";
    private static final String OTHER = "邻企";
    private static final String WANZHOU_WORKS = "万州企业";
    private static final String MONTH = "2025-10";

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
            PricingFixtures.Works wanzhou, PricingFixtures.Works tianjin, long leadFuling, long leadWanzhou,
            long objectionFuling, long objectionWanzhou, PricingFixtures.Works idle) {
    }

    @BeforeEach
    void world() throws Exception {
        if (w != null) {
            return;
        }
        PricingFixtures fixtures = new PricingFixtures(enterprises, measurements, jdbc);
        PricingFixtures.Works fuling = smelter(fixtures, "500102");
        PricingFixtures.Works neighbour = smelter(fixtures, "500102");
        PricingFixtures.Works wanzhou = smelter(fixtures, "500101");
        PricingFixtures.Works tianjin = smelter(fixtures, "120101");
        PricingFixtures.Works closedFuling = fixtures.enterprise("500102", "STEEL", "CLOSED", LocalDate.of(2022, 1, 1));
        PricingFixtures.Works closedWanzhou = fixtures.enterprise("500101", "STEEL", "CLOSED", LocalDate.of(2022, 1, 1));
        PricingFixtures.Works idle = fixtures.enterprise("500101", "STEEL", "CLOSED", LocalDate.of(2022, 1, 1));
        ScopedCallers callers = new ScopedCallers(Http.api(port), people)
                .person(OWN, TestPeople.person("sc.pr.own", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), fuling.uscc()))
                .person(OTHER, TestPeople.person("sc.pr.other", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(),
                        neighbour.uscc()))
                .person(WANZHOU_WORKS, TestPeople.person("sc.pr.wz", "CQ-JXW", Role.ENTERPRISE, "500101", Set.of(),
                        wanzhou.uscc()));
        // the grid sends a month of the closed works' use: the watch raises a lead for each
        HttpResponse<String> sent = callers.http.json("POST", "/api/v1/electricity/consumption", callers.token(GRID),
                "{\"items\":[" + PowerWatchIT.row(closedFuling.account(), "2023-04", "90000") + ","
                        + PowerWatchIT.row(closedWanzhou.account(), "2023-04", "90000") + "]}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        long leadFuling = lead(closedFuling.account());
        long leadWanzhou = lead(closedWanzhou.account());
        long objectionFuling = lodged(callers, OWN, fuling.account());
        long objectionWanzhou = lodged(callers, WANZHOU_WORKS, wanzhou.account());
        w = new World(callers, fuling, neighbour, wanzhou, tianjin, leadFuling, leadWanzhou, objectionFuling,
                objectionWanzhou, idle);
    }

    @Test
    void surchargeListsAndExportsHoldOnlyTheCallersAccounts() {
        List<String> all = List.of(w.fuling.account(), w.neighbour.account(), w.wanzhou.account(), w.tianjin.account());
        Map<String, Set<String>> sees = Map.of(
                ADMIN, Set.of(w.fuling.account(), w.neighbour.account(), w.wanzhou.account(), w.tianjin.account()),
                CITY, Set.of(w.fuling.account(), w.neighbour.account(), w.wanzhou.account()),
                OBSERVER, Set.of(w.fuling.account(), w.neighbour.account(), w.wanzhou.account()),
                GRID, Set.of(w.fuling.account(), w.neighbour.account(), w.wanzhou.account()),
                CITY_ENVIRONMENT, Set.of(w.fuling.account(), w.neighbour.account(), w.wanzhou.account()),
                FULING_COORDINATOR, Set.of(w.fuling.account(), w.neighbour.account()),
                FULING_ENVIRONMENT, Set.of(w.fuling.account(), w.neighbour.account()),
                DISTRICT, Set.of(w.fuling.account(), w.neighbour.account()),
                TIANJIN, Set.of(w.tianjin.account()));
        for (var e : sees.entrySet()) {
            String token = w.callers.token(e.getKey());
            List<String> listed = new ArrayList<>();
            for (String region : List.of("500000", "120000")) {
                HttpResponse<String> r = w.callers.http.get("/api/v1/pricing/surcharges?month=" + MONTH + "&region="
                        + region, token);
                assertThat(r.statusCode()).as(e.getKey() + " " + r.body()).isEqualTo(200);
                List<String> here = new ArrayList<>();
                json.readTree(r.body()).get("items").forEach(i -> here.add(i.get("gridAccount").asString()));
                listed.addAll(here);
                // the download holds the same accounts as the list
                HttpResponse<String> csv = w.callers.http.get("/api/v1/pricing/surcharges.csv?month=" + MONTH
                        + "&region=" + region, token);
                assertThat(csv.statusCode()).as(e.getKey()).isEqualTo(200);
                for (String account : all) {
                    assertThat(csv.body().contains(account)).as(e.getKey() + " csv " + region + " " + account)
                            .isEqualTo(here.contains(account));
                }
            }
            assertThat(all.stream().filter(listed::contains).toList()).as(e.getKey())
                    .containsExactlyInAnyOrderElementsOf(e.getValue());
        }
        for (String outsider : List.of(OWN, BANK)) {
            assertThat(w.callers.http.get("/api/v1/pricing/surcharges?month=" + MONTH + "&region=500102",
                    w.callers.token(outsider)).statusCode()).as(outsider).isEqualTo(403);
            assertThat(w.callers.http.get("/api/v1/pricing/surcharges.xlsx?month=" + MONTH + "&region=500102",
                    w.callers.token(outsider)).statusCode()).as(outsider).isEqualTo(403);
        }
        assertThat(w.callers.http.get("/api/v1/pricing/surcharges?month=" + MONTH + "&region=500102", null)
                .statusCode()).isEqualTo(401);
        // the enterprise's own page lists its account and no other
        String own = w.callers.browser(port, OWN).get("/pricing/own?month=" + MONTH).body();
        assertThat(own).contains(w.fuling.account()).doesNotContain(w.neighbour.account(), w.wanzhou.account());
        String district = w.callers.browser(port, DISTRICT).get("/pricing/surcharges?month=" + MONTH + "&region=500000")
                .body();
        assertThat(district).contains(w.fuling.account(), w.neighbour.account())
                .doesNotContain(w.wanzhou.account(), w.tianjin.account());
    }

    @Test
    void billingAcknowledgementAndTheLedgerStayInScope() {
        String grid = w.callers.token(GRID);
        String tianjinBill = bill(w.tianjin.account());
        long billedBefore = jdbc.sql("select count(*) from pricing_billing where account_no = :a")
                .param("a", w.tianjin.account()).query(Long.class).single();
        HttpResponse<String> refused = w.callers.http.json("POST", "/api/v1/pricing/billing", grid, tianjinBill);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("不在您的范围内");
        assertThat(w.callers.http.json("POST", "/api/v1/pricing/billing", w.callers.token(ADMIN), tianjinBill)
                .statusCode()).isEqualTo(200);
        assertThat(billedBefore).isZero();
        for (PricingFixtures.Works works : List.of(w.fuling, w.wanzhou)) {
            HttpResponse<String> r = w.callers.http.json("POST", "/api/v1/pricing/billing", grid, bill(works.account()));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        for (String notGrid : List.of(CITY, DISTRICT, OBSERVER, OWN, BANK)) {
            assertThat(w.callers.http.json("POST", "/api/v1/pricing/billing", w.callers.token(notGrid),
                    bill(w.fuling.account())).statusCode()).as(notGrid).isEqualTo(403);
        }

        // the list of a region outside the grid company's scope cannot be signed for: nothing is recorded
        long acks = jdbc.sql("select count(*) from pricing_list_ack where region_code = '120000'").query(Long.class)
                .single();
        long ackAudits = jdbc.sql("select count(*) from audit_entry where entity_type = 'pricing_list_ack'")
                .query(Long.class).single();
        HttpResponse<String> ack = w.callers.http.json("POST", "/api/v1/pricing/surcharges/acknowledgements?month="
                + MONTH + "&region=120000", grid, "");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(400);
        assertThat(json.readTree(ack.body()).get("field").asString()).isEqualTo("region");
        assertThat(json.readTree(ack.body()).get("detail").asString()).contains("不在您的数据范围内");
        Http gridPage = w.callers.browser(port, GRID);
        assertThat(gridPage.post("/pricing/surcharges/acknowledge", Map.of("month", MONTH, "region", "120000"))
                .statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from pricing_list_ack where region_code = '120000'").query(Long.class)
                .single()).isEqualTo(acks);
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'pricing_list_ack'")
                .query(Long.class).single()).isEqualTo(ackAudits);
        assertThat(w.callers.http.json("POST", "/api/v1/pricing/surcharges/acknowledgements?month=" + MONTH
                + "&region=500102", grid, "").statusCode()).isEqualTo(200);
        assertThat(w.callers.http.json("POST", "/api/v1/pricing/surcharges/acknowledgements?month=" + MONTH
                + "&region=500102", w.callers.token(DISTRICT), "").statusCode()).isEqualTo(403);

        // billed versus due and the ledger: the caller's districts only
        Map<String, Set<String>> districts = Map.of(
                CITY, Set.of("500102", "500101"), OBSERVER, Set.of("500102", "500101"),
                FULING_COORDINATOR, Set.of("500102"), DISTRICT, Set.of("500102"), FULING_ENVIRONMENT, Set.of("500102"),
                TIANJIN, Set.of("120101"), ADMIN, Set.of("500102", "500101", "120101"));
        for (var e : districts.entrySet()) {
            String token = w.callers.token(e.getKey());
            Set<String> seen = new java.util.HashSet<>();
            String compared = "";
            for (String region : List.of("500000", "120000")) {
                HttpResponse<String> r = w.callers.http.get("/api/v1/pricing/ledger?from=" + MONTH + "&to=" + MONTH
                        + "&region=" + region, token);
                assertThat(r.statusCode()).as(e.getKey() + r.body()).isEqualTo(200);
                json.readTree(r.body()).get("items").forEach(l -> seen.add(l.get("district").asString()));
                HttpResponse<String> c = w.callers.http.get("/api/v1/pricing/billing?month=" + MONTH + "&region="
                        + region, token);
                assertThat(c.statusCode()).as(e.getKey() + c.body()).isEqualTo(200);
                compared += c.body();
            }
            assertThat(seen).as(e.getKey()).containsAll(e.getValue());
            assertThat(seen.stream().filter(d -> Set.of("500102", "500101", "120101").contains(d)).toList())
                    .as(e.getKey()).containsExactlyInAnyOrderElementsOf(e.getValue());
            assertThat(compared.contains(w.fuling.account())).as(e.getKey()).isEqualTo(e.getValue().contains("500102"));
            assertThat(compared.contains(w.wanzhou.account())).as(e.getKey()).isEqualTo(e.getValue().contains("500101"));
            assertThat(compared.contains(w.tianjin.account())).as(e.getKey()).isEqualTo(e.getValue().contains("120101"));
        }
        for (String outsider : List.of(GRID, OWN, BANK)) {
            assertThat(w.callers.http.get("/api/v1/pricing/ledger?from=" + MONTH + "&region=500102",
                    w.callers.token(outsider)).statusCode()).as(outsider).isEqualTo(403);
        }
    }

    @Test
    void leadsAreListedOpenedAndDecidedOnlyInScope() {
        Map<String, Set<Long>> sees = Map.of(
                ADMIN, Set.of(w.leadFuling, w.leadWanzhou), CITY, Set.of(w.leadFuling, w.leadWanzhou),
                OBSERVER, Set.of(w.leadFuling, w.leadWanzhou), CITY_ENVIRONMENT, Set.of(w.leadFuling, w.leadWanzhou),
                FULING_COORDINATOR, Set.of(w.leadFuling), FULING_ENVIRONMENT, Set.of(w.leadFuling),
                DISTRICT, Set.of(w.leadFuling), TIANJIN, Set.of());
        for (var e : sees.entrySet()) {
            String token = w.callers.token(e.getKey());
            HttpResponse<String> r = w.callers.http.get("/api/v1/electricity/leads", token);
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            Set<Long> listed = new java.util.HashSet<>();
            json.readTree(r.body()).get("items").forEach(l -> listed.add(l.get("id").asLong()));
            for (long lead : List.of(w.leadFuling, w.leadWanzhou)) {
                assertThat(listed.contains(lead)).as(e.getKey() + " " + lead).isEqualTo(e.getValue().contains(lead));
                assertThat(w.callers.http.get("/api/v1/electricity/leads/" + lead, token).statusCode())
                        .as(e.getKey() + " " + lead).isEqualTo(e.getValue().contains(lead) ? 200 : 404);
            }
        }
        for (String outsider : List.of(OWN, GRID, BANK)) {
            assertThat(w.callers.http.get("/api/v1/electricity/leads", w.callers.token(outsider)).statusCode())
                    .as(outsider).isEqualTo(403);
        }
        assertThat(w.callers.http.get("/api/v1/electricity/leads/" + w.leadFuling, null).statusCode()).isEqualTo(401);

        // out of scope: not found, and the lead and its audit entries stay as they were
        String wanzhouBefore = row("power_lead", w.leadWanzhou);
        String fulingBefore = row("power_lead", w.leadFuling);
        long wanzhouAudits = ScopedCallers.audits(jdbc, "power_lead", w.leadWanzhou);
        long fulingAudits = ScopedCallers.audits(jdbc, "power_lead", w.leadFuling);
        String caseBody = "{\"dimension\":\"TECHNOLOGY\",\"deadline\":\"2099-01-01\",\"document\":\"越权线索〔2026〕1号\"}";
        for (String caller : List.of(FULING_COORDINATOR, FULING_ENVIRONMENT, DISTRICT)) {
            String token = w.callers.token(caller);
            assertThat(w.callers.http.json("POST", "/api/v1/electricity/leads/" + w.leadWanzhou + "/dismissal", token,
                    "{\"reason\":\"越权驳回\"}").statusCode()).as(caller).isEqualTo(404);
            assertThat(w.callers.http.json("POST", "/api/v1/electricity/leads/" + w.leadWanzhou + "/case", token,
                    caseBody).statusCode()).as(caller).isEqualTo(404);
        }
        assertThat(w.callers.http.json("POST", "/api/v1/electricity/leads/" + w.leadFuling + "/dismissal",
                w.callers.token(TIANJIN), "{\"reason\":\"越权驳回\"}").statusCode()).isEqualTo(404);
        // the environment officer's dimension does not reach a case on technology
        HttpResponse<String> wrongDimension = w.callers.http.json("POST", "/api/v1/electricity/leads/" + w.leadFuling
                + "/case", w.callers.token(FULING_ENVIRONMENT), caseBody);
        assertThat(wrongDimension.statusCode()).as(wrongDimension.body()).isEqualTo(403);
        for (String caller : List.of(OBSERVER, OWN, GRID, BANK)) {
            assertThat(w.callers.http.json("POST", "/api/v1/electricity/leads/" + w.leadFuling + "/dismissal",
                    w.callers.token(caller), "{\"reason\":\"越权驳回\"}").statusCode()).as(caller).isEqualTo(403);
        }
        Http districtPage = w.callers.browser(port, DISTRICT);
        assertThat(districtPage.get("/pricing/leads/" + w.leadWanzhou).statusCode()).isEqualTo(404);
        assertThat(districtPage.post("/pricing/leads/" + w.leadWanzhou + "/dismiss", Map.of("reason", "越权驳回"))
                .statusCode()).isEqualTo(302);
        String leadsPage = districtPage.get("/pricing/leads").body();
        assertThat(leadsPage).contains("/pricing/leads/" + w.leadFuling + "\"")
                .doesNotContain("/pricing/leads/" + w.leadWanzhou + "\"");
        assertThat(row("power_lead", w.leadWanzhou)).isEqualTo(wanzhouBefore);
        assertThat(row("power_lead", w.leadFuling)).isEqualTo(fulingBefore);
        assertThat(ScopedCallers.audits(jdbc, "power_lead", w.leadWanzhou)).isEqualTo(wanzhouAudits);
        assertThat(ScopedCallers.audits(jdbc, "power_lead", w.leadFuling)).isEqualTo(fulingAudits);
    }

    /** A watch run asked for by a person raises leads only within that person's scope. */
    @Test
    void aWatchRunRaisesLeadsOnlyInTheCallersScope() {
        jdbc.sql("""
                insert into electricity_consumption (account_no, period_kind, period_start, enterprise_id, region_path, kwh,
                    recorded_by) values (:a, 'MONTH', date '2023-03-01', :e, :p, 90000, 'system')""")
                .param("a", w.idle.account()).param("e", w.idle.enterprise().id())
                .param("p", w.idle.enterprise().regionPath()).update();
        for (String caller : List.of(TIANJIN, FULING_COORDINATOR)) {
            HttpResponse<String> r = w.callers.http.json("POST", "/api/v1/electricity/watch?month=2023-03",
                    w.callers.token(caller), "");
            assertThat(r.statusCode()).as(caller + " " + r.body()).isEqualTo(200);
            assertThat(leads(w.idle.account())).as(caller).isZero();
        }
        assertThat(w.callers.http.json("POST", "/api/v1/electricity/watch?month=2023-03", w.callers.token(DISTRICT), "")
                .statusCode()).isEqualTo(403);
        assertThat(leads(w.idle.account())).isZero();
        HttpResponse<String> city = w.callers.http.json("POST", "/api/v1/electricity/watch?month=2023-03",
                w.callers.token(CITY), "");
        assertThat(city.statusCode()).as(city.body()).isEqualTo(200);
        assertThat(leads(w.idle.account())).isEqualTo(1);
    }

    @Test
    void objectionsAreSeenAndDecidedOnlyInScope() throws Exception {
        Map<String, Set<Long>> sees = Map.of(
                ADMIN, Set.of(w.objectionFuling, w.objectionWanzhou), CITY, Set.of(w.objectionFuling, w.objectionWanzhou),
                OBSERVER, Set.of(w.objectionFuling, w.objectionWanzhou),
                FULING_COORDINATOR, Set.of(w.objectionFuling), DISTRICT, Set.of(w.objectionFuling),
                FULING_ENVIRONMENT, Set.of(w.objectionFuling), OWN, Set.of(w.objectionFuling), OTHER, Set.of(),
                WANZHOU_WORKS, Set.of(w.objectionWanzhou), TIANJIN, Set.of());
        for (var e : sees.entrySet()) {
            HttpResponse<String> r = w.callers.http.get("/api/v1/pricing/objections", w.callers.token(e.getKey()));
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            Set<Long> listed = new java.util.HashSet<>();
            json.readTree(r.body()).get("items").forEach(o -> listed.add(o.get("id").asLong()));
            for (long o : List.of(w.objectionFuling, w.objectionWanzhou)) {
                assertThat(listed.contains(o)).as(e.getKey() + " " + o).isEqualTo(e.getValue().contains(o));
            }
        }
        for (String outsider : List.of(GRID, BANK)) {
            assertThat(w.callers.http.get("/api/v1/pricing/objections", w.callers.token(outsider)).statusCode())
                    .as(outsider).isEqualTo(403);
        }
        // the attached document by URL
        for (String[] c : new String[][] {{OTHER, "404"}, {DISTRICT, "200"}, {TIANJIN, "404"}, {OWN, "200"}}) {
            Http page = w.callers.browser(port, c[0]);
            assertThat(page.get("/pricing/objections/" + w.objectionFuling + "/document").statusCode()).as(c[0])
                    .isEqualTo(Integer.parseInt(c[1]));
        }
        // an objection on another enterprise's account is refused and nothing is stored
        long lodged = jdbc.sql("select count(*) from pricing_objection where account_no = :a")
                .param("a", w.neighbour.account()).query(Long.class).single();
        HttpResponse<String> foreign = lodge(w.callers, OWN, w.neighbour.account());
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from pricing_objection where account_no = :a")
                .param("a", w.neighbour.account()).query(Long.class).single()).isEqualTo(lodged);

        String before = row("pricing_objection", w.objectionWanzhou);
        long audits = ScopedCallers.audits(jdbc, "pricing_objection", w.objectionWanzhou);
        String decision = "{\"decision\":\"UPHELD\",\"reason\":\"越权决定\"}";
        for (String caller : List.of(FULING_COORDINATOR, FULING_ENVIRONMENT, TIANJIN)) {
            assertThat(w.callers.http.json("POST", "/api/v1/pricing/objections/" + w.objectionWanzhou + "/decision",
                    w.callers.token(caller), decision).statusCode()).as(caller).isEqualTo(404);
        }
        for (String caller : List.of(DISTRICT, OBSERVER, OWN, WANZHOU_WORKS, GRID, BANK)) {
            assertThat(w.callers.http.json("POST", "/api/v1/pricing/objections/" + w.objectionWanzhou + "/decision",
                    w.callers.token(caller), decision).statusCode()).as(caller).isEqualTo(403);
        }
        assertThat(w.callers.browser(port, FULING_COORDINATOR).post("/pricing/objections/" + w.objectionWanzhou
                + "/decision", Map.of("decision", "UPHELD", "reason", "越权决定")).statusCode()).isEqualTo(302);
        assertThat(row("pricing_objection", w.objectionWanzhou)).isEqualTo(before);
        assertThat(ScopedCallers.audits(jdbc, "pricing_objection", w.objectionWanzhou)).isEqualTo(audits);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static PricingFixtures.Works smelter(PricingFixtures fixtures, String region) {
        PricingFixtures.Works works = fixtures.enterprise(region, "ALUMINIUM", null, null);
        fixtures.verified(works, "al_liquid_comprehensive_ac", "13345", 2024);
        return works;
    }

    private static String bill(String account) {
        return "{\"month\":\"" + MONTH + "\",\"items\":[{\"gridAccount\":\"" + account + "\",\"kind\":\"LADDER\","
                + "\"consumptionKwh\":1000,\"amountYuan\":30,\"collectedYuan\":30}]}";
    }

    private long lead(String account) {
        return jdbc.sql("select id from power_lead where account_no = :a and rule = 'CLOSED_DRAWING'")
                .param("a", account).query(Long.class).single();
    }

    private long leads(String account) {
        return jdbc.sql("select count(*) from power_lead where account_no = :a").param("a", account)
                .query(Long.class).single();
    }

    private String row(String table, long id) {
        return jdbc.sql("select to_jsonb(t)::text from " + table + " t where id = :id").param("id", id)
                .query(String.class).single();
    }

    private long lodged(ScopedCallers callers, String caller, String account) throws Exception {
        HttpResponse<String> r = lodge(callers, caller, account);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("id").asLong();
    }

    private HttpResponse<String> lodge(ScopedCallers callers, String caller, String account) throws Exception {
        String boundary = "----scope" + System.nanoTime();
        StringBuilder b = new StringBuilder();
        for (String[] f : new String[][] {{"gridAccount", account}, {"kind", "LADDER"}, {"month", MONTH},
                {"reason", "核查值有误，申请复核"}}) {
            b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f[0])
                    .append("\"\r\n\r\n").append(f[1]).append("\r\n");
        }
        b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"document\"; "
                + "filename=\"fuhe.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 scope\r\n--").append(boundary)
                .append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/pricing/objections"))
                .header("Authorization", "Bearer " + callers.token(caller))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(b.toString(), StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
