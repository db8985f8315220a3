package org.capgov.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
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
 * The aluminium ladder through the API: a 2024 verified value → the June 2025 list (JSON, CSV, .xlsx) → the grid
 * company's acknowledgement and billing (all or nothing, idempotent) → billed versus due and the ledger → the
 * enterprise's objection → an upheld decision that corrects the list and records the refund.
 */
class SurchargeListIT extends IntegrationTest {

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

    private JsonNode item(JsonNode list, String account) {
        for (JsonNode i : list.get("items")) {
            if (i.get("gridAccount").asString().equals(account)) {
                return i;
            }
        }
        return null;
    }

    @Test
    void ladderTierListBillingObjectionAndDecision() throws Exception {
        PricingFixtures.Works smelter = fixtures.enterprise("500102", "ALUMINIUM", null, null);
        fixtures.verified(smelter, "al_liquid_comprehensive_ac", "13345", 2024);
        PricingFixtures.Works clean = fixtures.enterprise("500102", "ALUMINIUM", null, null);
        fixtures.verified(clean, "al_liquid_comprehensive_ac", "13290", 2024);
        String grid = token(Role.GRID_COMPANY);

        HttpResponse<String> r = http.get("/api/v1/pricing/surcharges?month=2025-06&region=500102", grid);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode list = json.readTree(r.body());
        assertThat(list.get("month").asString()).isEqualTo("2025-06");
        JsonNode item = item(list, smelter.account());
        assertThat(item).as(r.body()).isNotNull();
        assertThat(item.get("uscc").asString()).isEqualTo(smelter.uscc());
        assertThat(item.get("kind").asString()).isEqualTo("LADDER");
        assertThat(item.get("rate").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(item.get("unit").asString()).isEqualTo("元/kWh");
        assertThat(item.get("base").asString()).isEqualTo("AL_LIQUID_PRODUCTION");
        assertThat(item.get("basis").get("ruleId").asString()).isEqualTo("NAT2021-1239-AL-LADDER-2025");
        assertThat(item.get("basis").get("citation").get("document").asString()).isEqualTo("发改价格〔2021〕1239号");
        assertThat(item.get("basis").get("catalogueVersion").asString()).startsWith("price-scales");
        assertThat(item(list, clean.account())).as("13290 is below 13300").isNull();
        // the list of 2024 reads 2023's value, which there is none of
        assertThat(item(json.readTree(http.get("/api/v1/pricing/surcharges?month=2024-07&region=500102", grid).body()),
                smelter.account())).isNull();

        HttpResponse<String> csv = http.get("/api/v1/pricing/surcharges.csv?month=2025-06&region=500102", grid);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains(smelter.account()).contains("阶梯电价").contains("铝液生产用电量")
                .doesNotContain(",LADDER,");
        HttpResponse<String> xlsx = http.get("/api/v1/pricing/surcharges.xlsx?month=2025-06&region=500102", grid);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");

        HttpResponse<String> bad = http.get("/api/v1/pricing/surcharges?month=2025-13&region=500102", grid);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("field").asString()).isEqualTo("month");
        assertThat(http.get("/api/v1/pricing/surcharges?month=2025-06&region=999999", grid).statusCode()).isEqualTo(400);

        HttpResponse<String> ack = http.json("POST", "/api/v1/pricing/surcharges/acknowledgements?month=2025-06&region=500102",
                grid, "");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);

        String billing = "{\"month\":\"2025-06\",\"items\":[{\"gridAccount\":\"" + smelter.account()
                + "\",\"kind\":\"LADDER\",\"consumptionKwh\":1000000,\"amountYuan\":30000,\"collectedYuan\":20000}";
        HttpResponse<String> refused = http.json("POST", "/api/v1/pricing/billing", grid,
                billing + ",{\"gridAccount\":\"NO-SUCH-ACCOUNT\",\"kind\":\"LADDER\",\"consumptionKwh\":1,\"amountYuan\":-1}]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("第2行");
        assertThat(jdbc.sql("select count(*) from pricing_billing where account_no = :a").param("a", smelter.account())
                .query(Long.class).single()).isZero();
        HttpResponse<String> billed = http.json("POST", "/api/v1/pricing/billing", grid, billing + "]}");
        assertThat(billed.statusCode()).as(billed.body()).isEqualTo(200);
        assertThat(json.readTree(billed.body()).get("stored").asInt()).isEqualTo(1);
        HttpResponse<String> again = http.json("POST", "/api/v1/pricing/billing", grid, billing + "]}");
        assertThat(json.readTree(again.body()).get("unchanged").asInt()).isEqualTo(1);

        String coordinator = token(Role.COORDINATOR);
        JsonNode compare = json.readTree(http.get("/api/v1/pricing/billing?month=2025-06&region=500102", coordinator).body());
        boolean matched = false;
        for (JsonNode c : compare.get("items")) {
            if (c.get("item").get("gridAccount").asString().equals(smelter.account())) {
                assertThat(c.get("status").asString()).isEqualTo("MATCHES");
                assertThat(c.get("dueYuan").decimalValue()).isEqualByComparingTo("30000");
                matched = true;
            }
        }
        assertThat(matched).isTrue();
        JsonNode ledger = json.readTree(http.get("/api/v1/pricing/ledger?from=2025-06&to=2025-06&region=500102",
                coordinator).body());
        BigDecimalSum sums = new BigDecimalSum();
        ledger.get("items").forEach(l -> {
            if (l.get("kind").asString().equals("LADDER")) {
                sums.billed = sums.billed.add(l.get("billedYuan").decimalValue());
                sums.treasury = sums.treasury.add(l.get("treasuryYuan").decimalValue());
            }
        });
        java.math.BigDecimal fromRecords = jdbc.sql("select sum(amount_yuan) from pricing_billing where month = date '2025-06-01' "
                + "and kind = 'LADDER' and region_path like '/500000/500102/%'").query(java.math.BigDecimal.class).single();
        assertThat(sums.billed).isEqualByComparingTo(fromRecords);

        // the enterprise objects, with a document
        String username = "t.pricing." + smelter.uscc().substring(10).toLowerCase();
        testPeople.ensure(TestPeople.person(username, "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), smelter.uscc()));
        String enterprise = http.token(username, TestPeople.PASSWORD);
        HttpResponse<String> objection = multipart("/api/v1/pricing/objections", enterprise, smelter.account(),
                "已完成节能改造，2024 年核查值有误");
        assertThat(objection.statusCode()).as(objection.body()).isEqualTo(200);
        long id = json.readTree(objection.body()).get("id").asLong();
        assertThat(json.readTree(objection.body()).get("documentName").asString()).isEqualTo("hecha-baogao.pdf");
        HttpResponse<String> foreign = multipart("/api/v1/pricing/objections", enterprise, clean.account(), "不属于本企业");
        assertThat(foreign.statusCode()).isEqualTo(400);

        HttpResponse<String> noReason = http.json("POST", "/api/v1/pricing/objections/" + id + "/decision", coordinator,
                "{\"decision\":\"UPHELD\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        HttpResponse<String> decided = http.json("POST", "/api/v1/pricing/objections/" + id + "/decision", coordinator,
                "{\"decision\":\"UPHELD\",\"reason\":\"复核值 13290 千瓦时/吨，低于 13300\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(json.readTree(decided.body()).get("refundYuan").decimalValue()).isEqualByComparingTo("30000");
        assertThat(item(json.readTree(http.get("/api/v1/pricing/surcharges?month=2025-06&region=500102", grid).body()),
                smelter.account())).as("corrected list").isNull();
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'pricing_objection' and entity_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(2);
    }

    static final class BigDecimalSum {
        java.math.BigDecimal billed = java.math.BigDecimal.ZERO;
        java.math.BigDecimal treasury = java.math.BigDecimal.ZERO;
    }

    private HttpResponse<String> multipart(String path, String token, String account, String reason) throws Exception {
        String boundary = "----pricing" + System.nanoTime();
        StringBuilder b = new StringBuilder();
        for (String[] f : new String[][] {{"gridAccount", account}, {"kind", "LADDER"}, {"month", "2025-06"},
                {"reason", reason}}) {
            b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f[0])
                    .append("\"\r\n\r\n").append(f[1]).append("\r\n");
        }
        b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"document\"; filename=\"hecha-baogao.pdf\"\r\n")
                .append("Content-Type: application/pdf\r\n\r\n%PDF-1.4 test\r\n--").append(boundary).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(b.toString(), StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static LocalDate day(String s) {
        return LocalDate.parse(s);
    }
}
