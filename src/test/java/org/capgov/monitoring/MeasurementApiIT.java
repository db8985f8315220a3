package org.capgov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
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

/** The measurement API of the issue (§3), through real HTTP on the real database. */
class MeasurementApiIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    Http http;
    String coordinator;

    @BeforeEach
    void tokens() {
        http = Http.api(port);
        testPeople.ensure(Role.COORDINATOR);
        coordinator = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
    }

    private String token(Role role) {
        testPeople.ensure(role);
        return http.token(TestPeople.username(role), TestPeople.PASSWORD);
    }

    private HttpResponse<String> post(String token, String body) {
        return http.json("POST", "/api/v1/measurements", token, body);
    }

    private static String so2(String uscc, String value, String unit, String at) {
        return "{\"uscc\":\"" + uscc + "\",\"equipmentCode\":\"BF1\",\"metric\":\"so2_conc\",\"value\":" + value
                + (unit == null ? "" : ",\"unit\":\"" + unit + "\"") + ",\"measuredAt\":\"" + at
                + "\",\"source\":\"INSPECTION\",\"documentRef\":\"渝环监〔2016〕12号\"}";
    }

    private long count(Enterprise e) {
        return jdbc.sql("select count(*) from measurement where enterprise_id = :id").param("id", e.id())
                .query(Long.class).single();
    }

    private static void assertField(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
    }

    @Test
    void recordsAMomentAndAPeriodAndListsThemNewestFirst() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000001");
        HttpResponse<String> moment = post(coordinator, so2(e.uscc(), "160", "mg/m3", "2016-06-30T10:00:00+08:00"));
        assertThat(moment.statusCode()).as(moment.body()).isEqualTo(201);
        JsonNode m = json.readTree(moment.body());
        assertThat(m.get("value").decimalValue()).isEqualByComparingTo("160");
        assertThat(m.get("unit").asString()).isEqualTo("mg/m3");
        assertThat(m.get("equipmentCode").asString()).isEqualTo("BF1");
        assertThat(m.get("effectiveDate").asString()).isEqualTo("2016-06-30");
        assertThat(m.get("validity").asString()).isEqualTo("VALID");
        assertThat(m.get("recordedBy").asString()).isEqualTo(TestPeople.username(Role.COORDINATOR));

        HttpResponse<String> period = post(coordinator, "{\"uscc\":\"" + e.uscc() + "\",\"metric\":\"bf_energy\",\"value\":\"395.5\","
                + "\"periodStart\":\"2015-01-01\",\"periodEnd\":\"2015-12-31\",\"source\":\"ENERGY_AUDIT\"}");
        assertThat(period.statusCode()).as(period.body()).isEqualTo(201);
        assertThat(json.readTree(period.body()).get("effectiveDate").asString()).isEqualTo("2015-12-31");
        assertThat(json.readTree(period.body()).get("unit").asString()).isEqualTo("kgce/t");

        // a local time is China time; 2016-06-30 23:30 in Beijing is still the 30th there
        HttpResponse<String> late = post(coordinator, so2(e.uscc(), "150", null, "2016-06-30 23:30"));
        assertThat(json.readTree(late.body()).get("effectiveDate").asString()).isEqualTo("2016-06-30");
        assertThat(json.readTree(late.body()).get("measuredAt").asString()).isEqualTo("2016-06-30T23:30:00+08:00");

        JsonNode all = json.readTree(http.get("/api/v1/enterprises/" + e.uscc() + "/measurements", coordinator).body());
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("items").get(0).get("effectiveDate").asString()).isEqualTo("2016-06-30");
        assertThat(all.get("items").get(2).get("metric").asString()).isEqualTo("bf_energy");
        assertThat(json.readTree(http.get("/api/v1/enterprises/" + e.uscc() + "/measurements?metric=so2_conc&from=2016-01-01"
                + "&to=2016-12-31&source=INSPECTION&validity=VALID&page=0&size=1", coordinator).body()).get("total").asLong())
                .isEqualTo(2);
        assertThat(json.readTree(http.get("/api/v1/enterprises/" + e.uscc() + "/measurements?source=ENERGY_AUDIT", coordinator)
                .body()).get("total").asLong()).isEqualTo(1);
        assertField(http.get("/api/v1/enterprises/" + e.uscc() + "/measurements?source=RUMOUR", coordinator), "source");
        assertThat(http.get("/api/v1/measurements/" + m.get("id").asLong(), token(Role.OBSERVER)).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'measurement' and entity_id = :u "
                + "and after_state like '%so2_conc%'").param("u", e.uscc()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void convertsConvertibleUnitsAndRefusesTheWrongDimension() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000002");
        HttpResponse<String> grams = post(coordinator, so2(e.uscc(), "0.14", "g/m3", "2016-06-30T10:00:00+08:00"));
        assertThat(grams.statusCode()).as(grams.body()).isEqualTo(201);
        JsonNode m = json.readTree(grams.body());
        assertThat(m.get("value").decimalValue()).isEqualByComparingTo("140");
        assertThat(m.get("unit").asString()).isEqualTo("mg/m3");
        assertThat(m.get("originalValue").asString()).isEqualTo("0.14");
        assertThat(m.get("originalUnit").asString()).isEqualTo("g/m3");

        HttpResponse<String> wrong = post(coordinator, so2(e.uscc(), "1.2", "kg/t", "2016-06-30T10:00:00+08:00"));
        assertField(wrong, "unit");
        assertThat(wrong.body()).contains("量纲");
        assertField(post(coordinator, "{\"items\":[" + so2(e.uscc(), "1.2", "kg/t", "2016-06-30T10:00:00+08:00") + "]}"),
                "items[0].unit");
        assertField(post(coordinator, so2(e.uscc(), "1.2", "furlongs", "2016-06-30T10:00:00+08:00")), "unit");
        assertField(post(coordinator, so2(e.uscc(), "1.2", null, "2016-06-30T10:00:00+08:00")
                .replace("so2_conc", "so2_vibes")), "metric");
        assertField(post(coordinator, so2(e.uscc(), "1.2", null, "2099-01-01T10:00:00+08:00")), "measuredAt");
        assertField(post(coordinator, so2(e.uscc(), "1.2", null, "2016-06-30T10:00:00+08:00")
                .replace("\"source\":\"INSPECTION\"", "\"source\":\"GOSSIP\"")), "source");
        assertField(post(coordinator, "{\"uscc\":\"" + e.uscc() + "\",\"metric\":\"fugitive_dust_conc\",\"value\":3,"
                + "\"measuredAt\":\"2016-06-30\",\"source\":\"INSPECTION\",\"attributes\":{\"workshop\":\"HALF\"}}"),
                "attributes.workshop");
        HttpResponse<String> requirement = post(coordinator, "{\"uscc\":\"" + e.uscc() + "\",\"metric\":\"req_environmental_equipment\","
                + "\"value\":true,\"periodEnd\":\"2016-06-30\",\"source\":\"INSPECTION\"}");
        assertThat(requirement.statusCode()).as(requirement.body()).isEqualTo(201);
        assertThat(json.readTree(requirement.body()).get("flag").asBoolean()).isTrue();
        assertThat(json.readTree(requirement.body()).get("value").isNull()).isTrue();
        assertThat(count(e)).isEqualTo(2);
    }

    @Test
    void aBatchIsAllOrNothingAndReportsEveryProblem() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000003");
        String good = so2(e.uscc(), "100", null, "2016-01-10T09:00:00+08:00");
        HttpResponse<String> refused = post(coordinator, "{\"items\":[" + good + "," + so2(e.uscc(), "\"abc\"", null,
                "2016-01-11T09:00:00+08:00") + "," + good.replace("so2_conc", "no_such_metric") + ","
                + good.replace("BF1", "BF9") + "]}");
        assertField(refused, "items[1].value");
        JsonNode errors = json.readTree(refused.body()).get("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(x -> fields.add(x.get("field").asString()));
        assertThat(fields).containsExactly("items[1].value", "items[2].metric", "items[3].equipmentCode");
        assertThat(count(e)).isZero();

        HttpResponse<String> stored = post(coordinator, "{\"items\":[" + good + "," + good.replace("BF1", "BF2") + "]}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(json.readTree(stored.body()).get("count").asInt()).isEqualTo(2);
        assertThat(json.readTree(stored.body()).get("items").get(1).get("equipmentCode").asString()).isEqualTo("BF2");
        assertThat(count(e)).isEqualTo(2);
        // one audit entry for the batch, naming how many and which metrics
        assertThat(jdbc.sql("select after_state from audit_entry where entity_type = 'measurement' and entity_id = :u")
                .param("u", e.uscc()).query(String.class).list()).singleElement().asString()
                .contains("\"count\":2").contains("so2_conc");
    }

    @Test
    void aDistrictOfficerRecordsOnlyInsideTheDistrict() {
        Enterprise fuling = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000004");
        Enterprise wanzhou = MeasurementFixtures.steelWorks(enterprises, equipment, "500101", "M9000005");
        String district = token(Role.DISTRICT_OFFICER);
        HttpResponse<String> outside = post(district, so2(wanzhou.uscc(), "100", null, "2016-01-10T09:00:00+08:00"));
        assertThat(outside.statusCode()).as(outside.body()).isEqualTo(404);
        assertThat(http.get("/api/v1/enterprises/" + wanzhou.uscc() + "/measurements", district).statusCode()).isEqualTo(404);
        assertThat(post(district, so2(fuling.uscc(), "100", null, "2016-01-10T09:00:00+08:00")).statusCode()).isEqualTo(201);
        assertThat(count(wanzhou)).isZero();
    }

    @Test
    void theGridCompanyReportsElectricityUseOnly() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000006");
        String grid = token(Role.GRID_COMPANY);
        HttpResponse<String> power = post(grid, "{\"uscc\":\"" + e.uscc() + "\",\"metric\":\"electricity_use\",\"value\":12.5,"
                + "\"unit\":\"万kWh\",\"periodStart\":\"2016-06-01\",\"periodEnd\":\"2016-06-30\",\"source\":\"SELF_REPORT\"}");
        assertThat(power.statusCode()).as(power.body()).isEqualTo(201);
        assertThat(json.readTree(power.body()).get("value").decimalValue()).isEqualByComparingTo("125000");
        HttpResponse<String> so2 = post(grid, so2(e.uscc(), "100", null, "2016-01-10T09:00:00+08:00"));
        assertThat(so2.statusCode()).as(so2.body()).isEqualTo(403);
        assertThat(so2.body()).contains("\"code\":\"error.measurement.notAllowed\"");
        long so2Id = json.readTree(post(coordinator, so2(e.uscc(), "100", null, "2016-01-10T09:00:00+08:00")).body())
                .get("id").asLong();
        assertThat(http.json("POST", "/api/v1/measurements/" + so2Id + "/validity", grid, "{\"validity\":\"INVALID\"}")
                .statusCode()).isEqualTo(403);
        assertThat(http.json("POST", "/api/v1/measurements", token(Role.OBSERVER), "{}").statusCode()).isEqualTo(403);
        assertThat(count(e)).isEqualTo(2);
    }

    @Test
    void anEnterpriseReportsItsOwnFiguresButNotInspections() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000007");
        Enterprise other = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000008");
        testPeople.ensure(TestPeople.person("t.m9.enterprise", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), e.uscc()));
        String own = http.token("t.m9.enterprise", TestPeople.PASSWORD);
        String selfReport = so2(e.uscc(), "90", null, "2016-01-10T09:00:00+08:00").replace("INSPECTION", "SELF_REPORT");
        assertThat(post(own, selfReport).statusCode()).isEqualTo(201);
        assertThat(post(own, so2(e.uscc(), "90", null, "2016-01-10T09:00:00+08:00")).statusCode()).isEqualTo(403);
        assertThat(post(own, selfReport.replace(e.uscc(), other.uscc())).statusCode()).isEqualTo(404);
        long inspection = json.readTree(post(coordinator, so2(e.uscc(), "300", null, "2016-01-12T09:00:00+08:00")).body())
                .get("id").asLong();
        assertThat(http.json("POST", "/api/v1/measurements/" + inspection + "/validity", own, "{\"validity\":\"INVALID\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aValueMarkedInvalidStaysOnRecordWithAnAuditedReason() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000009");
        long id = json.readTree(post(coordinator, so2(e.uscc(), "999", null, "2016-01-10T09:00:00+08:00")).body())
                .get("id").asLong();
        HttpResponse<String> marked = http.json("POST", "/api/v1/measurements/" + id + "/validity", coordinator,
                "{\"validity\":\"INVALID\",\"note\":\"仪器故障，数据无效\"}");
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
        assertThat(json.readTree(marked.body()).get("validity").asString()).isEqualTo("INVALID");
        assertField(http.json("POST", "/api/v1/measurements/" + id + "/validity", coordinator, "{\"validity\":\"MAYBE\"}"),
                "validity");
        assertThat(http.json("POST", "/api/v1/measurements/999999999/validity", coordinator, "{\"validity\":\"INVALID\"}")
                .statusCode()).isEqualTo(404);
        assertThat(count(e)).isEqualTo(1);
        String audit = jdbc.sql("select before_state || ' → ' || after_state from audit_entry where entity_type = 'measurement' "
                + "and entity_id = :u and action = 'UPDATE'").param("u", e.uscc()).query(String.class).single();
        assertThat(audit).contains("\"validity\":\"VALID\"").contains("\"validity\":\"INVALID\"").contains("仪器故障");
    }
}
