package org.capgov.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.capgov.capacity.CapacityTargets;
import org.capgov.identity.Role;
import org.capgov.monitoring.MeasurementService;
import org.capgov.registry.EnterpriseService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What officers and enterprises register for the list and the watch, through the API, in 渝北区 (500112, used by no
 * other pricing test): a crypto-mining activity puts the mining surcharge on the lists of the months it covers; a
 * green-power share cuts the next year's ladder; an acknowledged list stays as stored until a coordinator regenerates
 * it; a registered reason keeps the watch from raising a jump lead, and an officer dismisses a lead citing one.
 */
class PricingRegistrationsIT extends IntegrationTest {

    static final String YUBEI = "500112";

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    MeasurementService measurements;
    @Autowired
    CapacityTargets targets;
    @Autowired
    JsonMapper json;

    PricingFixtures fixtures;
    Http http;

    @BeforeEach
    void setUp() {
        fixtures = new PricingFixtures(enterprises, measurements, jdbc);
        http = Http.api(port);
    }

    private String token(Role role) {
        testPeople.ensure(role);
        return http.token(TestPeople.username(role), TestPeople.PASSWORD);
    }

    private JsonNode list(String month, String token) {
        HttpResponse<String> r = http.get("/api/v1/pricing/surcharges?month=" + month + "&region=" + YUBEI, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static JsonNode item(JsonNode list, String account, String kind) {
        for (JsonNode i : list.get("items")) {
            if (i.get("gridAccount").asString().equals(account) && i.get("kind").asString().equals(kind)) {
                return i;
            }
        }
        return null;
    }

    private long count(String sql, Object... params) {
        var q = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            q = q.param(i + 1, params[i]);
        }
        return q.query(Long.class).single();
    }

    private HttpResponse<String> form(String path, String token, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRegisteredMiningActivityPutsTheSurchargeOnTheListsOfItsMonths() {
        PricingFixtures.Works miner = fixtures.enterprise(YUBEI, "CEMENT", null, null);
        String coordinator = token(Role.COORDINATOR);
        String grid = token(Role.GRID_COMPANY);
        String good = "\"uscc\":\"" + miner.uscc() + "\",\"activity\":\"CRYPTO_MINING\",\"effectiveFrom\":\"2025-03-01\"";

        for (String[] bad : new String[][] {
                {"{\"uscc\":\"" + miner.uscc() + "\",\"activity\":\"GAMBLING\",\"effectiveFrom\":\"2025-03-01\",\"document\":\"x\"}", "activity"},
                {"{" + good + "}", "document"},
                {"{" + good + ",\"effectiveTo\":\"2025-02-01\",\"document\":\"x\"}", "effectiveTo"},
                {"{\"uscc\":\"91500112NOSUCH0000\",\"activity\":\"CRYPTO_MINING\",\"effectiveFrom\":\"2025-03-01\",\"document\":\"x\"}", "uscc"},
                {"{\"uscc\":\"" + miner.uscc() + "\",\"activity\":\"CRYPTO_MINING\",\"effectiveFrom\":\"2025-3-1\",\"document\":\"x\"}", "effectiveFrom"}}) {
            HttpResponse<String> r = http.json("POST", "/api/v1/pricing/activities", coordinator, bad[0]);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("field").asString()).isEqualTo(bad[1]);
            assertThat(json.readTree(r.body()).get("detail").asString()).matches(".*\\p{IsHan}.*");
        }
        // 涪陵区's officer does not reach an enterprise of 渝北区
        HttpResponse<String> foreign = http.json("POST", "/api/v1/pricing/activities", token(Role.DISTRICT_OFFICER),
                "{" + good + ",\"document\":\"x\"}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(count("select count(*) from pricing_activity where uscc = ?", miner.uscc())).isZero();
        assertThat(item(list("2025-04", grid), miner.account(), "DIFFERENTIAL_ELIMINATED")).isNull();

        HttpResponse<String> registered = http.json("POST", "/api/v1/pricing/activities", coordinator,
                "{" + good + ",\"document\":\"渝北经信〔2025〕3号\",\"note\":\"现场检查发现矿机\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        long id = json.readTree(registered.body()).get("id").asLong();
        JsonNode mining = item(list("2025-04", grid), miner.account(), "DIFFERENTIAL_ELIMINATED");
        assertThat(mining).isNotNull();
        assertThat(mining.get("rate").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(mining.get("basis").get("ruleId").asString()).isEqualTo("CQ2024-MINING-ELIMINATED");
        assertThat(item(list("2025-02", grid), miner.account(), "DIFFERENTIAL_ELIMINATED")).as("before it began").isNull();
        assertThat(http.get("/api/v1/pricing/activities", coordinator).body()).contains(miner.uscc());

        HttpResponse<String> ended = http.json("POST", "/api/v1/pricing/activities/" + id + "/end", coordinator,
                "{\"effectiveTo\":\"2025-04-30\"}");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        assertThat(item(list("2025-05", grid), miner.account(), "DIFFERENTIAL_ELIMINATED")).as("after it ended").isNull();
        assertThat(item(list("2025-04", grid), miner.account(), "DIFFERENTIAL_ELIMINATED")).isNotNull();
        assertThat(count("select count(*) from audit_entry where entity_type = 'pricing_activity' and entity_id = ?",
                Long.toString(id))).isEqualTo(2);
    }

    @Test
    void aGreenShareCutsTheLadderAndAnAcknowledgedListStaysUntilRegenerated() {
        PricingFixtures.Works smelter = fixtures.enterprise(YUBEI, "ALUMINIUM", null, null);
        fixtures.verified(smelter, "al_liquid_comprehensive_ac", "13345", 2024);
        String grid = token(Role.GRID_COMPANY);
        String coordinator = token(Role.COORDINATOR);
        assertThat(item(list("2025-08", grid), smelter.account(), "LADDER").get("rate").decimalValue())
                .isEqualByComparingTo("0.03");

        HttpResponse<String> tooMuch = http.json("POST", "/api/v1/pricing/green-shares", grid, "{\"gridAccount\":\""
                + smelter.account() + "\",\"year\":\"2024\",\"sharePercent\":\"120\",\"provinceWeightPercent\":\"20\",\"document\":\"x\"}");
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooMuch.body()).get("field").asString()).isEqualTo("sharePercent");
        HttpResponse<String> unknown = http.json("POST", "/api/v1/pricing/green-shares", grid, "{\"gridAccount\":\"PR-NO-SUCH\","
                + "\"year\":\"2024\",\"sharePercent\":\"20\",\"provinceWeightPercent\":\"20\",\"document\":\"x\"}");
        assertThat(json.readTree(unknown.body()).get("field").asString()).isEqualTo("gridAccount");
        assertThat(count("select count(*) from green_power_share where account_no = ?", smelter.account())).isZero();

        HttpResponse<String> recorded = http.json("POST", "/api/v1/pricing/green-shares", grid, "{\"gridAccount\":\""
                + smelter.account() + "\",\"year\":\"2024\",\"sharePercent\":\"23.6\",\"provinceWeightPercent\":\"20\","
                + "\"document\":\"渝发改能源〔2025〕12号\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(json.readTree(recorded.body()).get("reliefPercent").asInt()).isEqualTo(8);
        JsonNode ladder = item(list("2025-08", grid), smelter.account(), "LADDER");
        assertThat(ladder.get("rate").decimalValue()).isEqualByComparingTo("0.0276");
        assertThat(ladder.get("basis").get("greenReliefPercent").asInt()).isEqualTo(8);

        // acknowledged: stored; a later change does not alter the stored rows until a coordinator regenerates
        HttpResponse<String> ack = http.json("POST", "/api/v1/pricing/surcharges/acknowledgements?month=2025-08&region="
                + YUBEI, grid, "");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        http.json("POST", "/api/v1/pricing/green-shares", grid, "{\"gridAccount\":\"" + smelter.account()
                + "\",\"year\":\"2024\",\"sharePercent\":\"30\",\"provinceWeightPercent\":\"20\",\"document\":\"更正\"}");
        JsonNode stored = list("2025-08", grid);
        assertThat(stored.get("storedAt").isNull()).isFalse();
        assertThat(item(stored, smelter.account(), "LADDER").get("rate").decimalValue()).isEqualByComparingTo("0.0276");
        assertThat(item(list("2025-09", grid), smelter.account(), "LADDER").get("rate").decimalValue())
                .as("an unacknowledged month is computed").isEqualByComparingTo("0.0255");
        assertThat(http.json("POST", "/api/v1/pricing/surcharges/regenerations?month=2025-08&region=" + YUBEI, grid, "")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> regenerated = http.json("POST", "/api/v1/pricing/surcharges/regenerations?month=2025-08&region="
                + YUBEI, coordinator, "");
        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
        assertThat(item(list("2025-08", grid), smelter.account(), "LADDER").get("rate").decimalValue())
                .isEqualByComparingTo("0.0255");
        assertThat(count("select count(*) from audit_entry where entity_type = 'green_power_share' and entity_id = ?",
                smelter.account() + ":2024")).isEqualTo(2);
        assertThat(count("select count(*) from pricing_stored_list where month = date '2025-08-01' and region_code = ?",
                YUBEI)).isEqualTo(2);
    }

    @Test
    void missedCutTargetsComeFromCapacityWithTheirRegionAndDeadline() {
        LocalDate day = LocalDate.of(2026, 1, 1);
        assertThat(targets.missedAsOf(day, "/")).allSatisfy(t -> {
            assertThat(t.kind()).isIn("ELIMINATION", "CAP");
            assertThat(t.deadline()).isBeforeOrEqualTo(day);
            assertThat(t.regionPath()).startsWith("/").endsWith("/" + t.regionCode() + "/");
        });
        assertThat(targets.missedAsOf(day, "/500000/500112/")).allSatisfy(t ->
                assertThat("/500000/500112/").startsWith(t.regionPath()));
    }

    @Test
    void aRegisteredReasonKeepsTheWatchQuietAndAnOfficerDismissesALeadCitingOne() throws Exception {
        PricingFixtures.Works excused = fixtures.enterprise(YUBEI, "CEMENT", null, null);
        PricingFixtures.Works jumping = fixtures.enterprise(YUBEI, "CEMENT", null, null);
        String username = "t.pricing.reg." + excused.uscc().substring(10).toLowerCase();
        testPeople.ensure(TestPeople.person(username, "CQ-JXW", Role.ENTERPRISE, YUBEI, Set.of(), excused.uscc()));
        String enterprise = http.token(username, TestPeople.PASSWORD);
        String grid = token(Role.GRID_COMPANY);
        String coordinator = token(Role.COORDINATOR);

        Map<String, String> reason = new LinkedHashMap<>();
        reason.put("gridAccount", excused.account());
        reason.put("monthFrom", "2025-06");
        reason.put("monthTo", "2025-05");
        reason.put("reason", "新建窑线 6 月试生产");
        HttpResponse<String> backwards = form("/api/v1/electricity/reasons", enterprise, reason);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(json.readTree(backwards.body()).get("field").asString()).isEqualTo("monthTo");
        reason.put("monthTo", "2025-06");
        Map<String, String> foreign = new LinkedHashMap<>(reason);
        foreign.put("gridAccount", jumping.account());
        assertThat(form("/api/v1/electricity/reasons", enterprise, foreign).statusCode()).as("not its own account")
                .isEqualTo(400);
        HttpResponse<String> registered = form("/api/v1/electricity/reasons", enterprise, reason);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        long excusedReason = json.readTree(registered.body()).get("id").asLong();

        StringBuilder rows = new StringBuilder();
        YearMonth m = YearMonth.of(2024, 6);
        for (int i = 0; i < 12; i++, m = m.plusMonths(1)) {
            for (PricingFixtures.Works w : new PricingFixtures.Works[] {excused, jumping}) {
                rows.append(PowerWatchIT.row(w.account(), m.toString(), Integer.toString(100_000 + (i % 3) * 2_000)))
                        .append(',');
            }
        }
        rows.append(PowerWatchIT.row(excused.account(), "2025-06", "400000")).append(',');
        rows.append(PowerWatchIT.row(jumping.account(), "2025-06", "400000"));
        HttpResponse<String> sent = http.json("POST", "/api/v1/electricity/consumption", grid, "{\"items\":[" + rows + "]}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(count("select count(*) from power_lead where account_no = ? and rule = 'JUMP'", excused.account()))
                .as("covered by a registered reason").isZero();
        long lead = jdbc.sql("select id from power_lead where account_no = :a and rule = 'JUMP'")
                .param("a", jumping.account()).query(Long.class).single();

        HttpResponse<String> wrong = http.json("POST", "/api/v1/electricity/leads/" + lead + "/dismissal", coordinator,
                "{\"reasonId\":" + excusedReason + "}");
        assertThat(wrong.statusCode()).as("another account's reason").isEqualTo(400);
        assertThat(json.readTree(wrong.body()).get("field").asString()).isEqualTo("reasonId");
        Map<String, String> officers = new LinkedHashMap<>(reason);
        officers.put("gridAccount", jumping.account());
        officers.put("reason", "检修后恢复满负荷生产，供电公司已核实");
        HttpResponse<String> byOfficer = form("/api/v1/electricity/reasons", coordinator, officers);
        assertThat(byOfficer.statusCode()).as(byOfficer.body()).isEqualTo(201);
        long cited = json.readTree(byOfficer.body()).get("id").asLong();
        HttpResponse<String> dismissed = http.json("POST", "/api/v1/electricity/leads/" + lead + "/dismissal", coordinator,
                "{\"reasonId\":" + cited + "}");
        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(200);
        assertThat(json.readTree(dismissed.body()).get("status").asString()).isEqualTo("DISMISSED");
        assertThat(json.readTree(dismissed.body()).get("reason").asString()).startsWith("已登记原因 #" + cited);
        assertThat(count("select count(*) from power_lead where id = ? and reason_id = ?", lead, cited)).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where entity_type = 'consumption_reason' and entity_id in (?, ?)",
                Long.toString(excusedReason), Long.toString(cited))).isEqualTo(2);
        assertThat(http.get("/api/v1/electricity/reasons", enterprise).body()).contains(excused.account())
                .doesNotContain(jumping.account());
    }
}
