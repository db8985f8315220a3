package org.capgov.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.capgov.identity.Role;
import org.capgov.shared.Uscc;
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
 * Runs over the registry through real HTTP: findings of enterprises made here, progress, the one-run-at-a-time rule,
 * and an incremental run that evaluates only the enterprise that changed. Other tests share the database, so every
 * assertion on findings names this class's own enterprises (USCC bodies R9…).
 */
class ComplianceRunIT extends IntegrationTest {

    static final String BF_350 = """
            {"code":"BF1","type":"BLAST_FURNACE","parameters":{"volume_m3":350,"purpose":"GENERAL"},"product":"PIG_IRON",
             "annualCapacity":300000,"commissioned":"2005-05-01"}""";
    static final String SHAFT_KILN = """
            {"code":"K1","type":"CEMENT_KILN","parameters":{"process":"SHAFT","clinker_t_per_d":300},"product":"CLINKER",
             "annualCapacity":90000,"commissioned":"2005-01-01"}""";

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String coordinator;

    @BeforeEach
    void tokens() {
        http = Http.api(port);
        testPeople.ensure(Role.COORDINATOR);
        coordinator = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
    }

    static String uscc(String region, String body) {
        return Uscc.compose("91", region, body);
    }

    /** Registers an enterprise with its equipment (idempotent: the database outlives one test). */
    static void enterprise(Http http, String token, String uscc, String region, String industry, String... equipment) {
        HttpResponse<String> r = http.json("POST", "/api/v1/enterprises", token, "{\"uscc\":\"" + uscc
                + "\",\"name\":\"评价测试企业" + uscc.substring(10, 16) + "\",\"region\":\"" + region
                + "\",\"industries\":[\"" + industry + "\"]}");
        assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
        for (String e : equipment) {
            HttpResponse<String> q = http.json("POST", "/api/v1/enterprises/" + uscc + "/equipment", token, e);
            assertThat(q.statusCode()).as(q.body()).isIn(201, 409);
        }
    }

    /** Starts a run (waiting while another one is in progress) and waits until it has ended. */
    static JsonNode run(Http http, String token, JsonMapper json, String asOf, boolean incremental) {
        long until = System.currentTimeMillis() + 120_000;
        HttpResponse<String> started;
        do {
            started = http.json("POST", "/api/v1/compliance/runs", token,
                    "{\"asOf\":\"" + asOf + "\",\"incremental\":" + incremental + "}");
            if (started.statusCode() == 409) {
                assertThat(started.body()).contains("同一时间只能进行一次评价");
                sleep(200);
            }
        } while (started.statusCode() == 409 && System.currentTimeMillis() < until);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode run = json.readTree(started.body());
        assertThat(run.get("status").asString()).isIn("QUEUED", "RUNNING", "DONE");
        long id = run.get("id").asLong();
        while (System.currentTimeMillis() < until) {
            run = json.readTree(http.get("/api/v1/compliance/runs/" + id, token).body());
            String status = run.get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                assertThat(status).as(run.toString()).isEqualTo("DONE");
                return run;
            }
            sleep(100);
        }
        throw new AssertionError("run " + id + " did not end: " + run);
    }

    static List<JsonNode> findings(Http http, String token, JsonMapper json, String query) {
        HttpResponse<String> r = http.get("/api/v1/compliance/findings?" + query, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        json.readTree(r.body()).get("items").forEach(out::add);
        return out;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aRunFindsTheFailingFurnaceAndTheEliminatedKilnAndCountsItsProgress() {
        String steel = uscc("500102", "R9000001");
        String cement = uscc("500110", "R9000002");
        enterprise(http, coordinator, steel, "500102", "STEEL", BF_350);
        enterprise(http, coordinator, cement, "500110", "CEMENT", SHAFT_KILN);

        JsonNode run = run(http, coordinator, json, "2016-06-30", false);
        assertThat(run.get("enterprisesDone").asInt()).isEqualTo(run.get("enterprisesTotal").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(run.get("enterprisesEvaluated").asInt()).isEqualTo(run.get("enterprisesTotal").asInt());
        assertThat(run.get("basedOn").isNull()).isTrue();
        assertThat(run.get("catalogueVersion").asString()).isNotBlank();
        assertThat(run.get("findings").asLong()).isEqualTo(sum(run.get("counts")));
        long id = run.get("id").asLong();

        List<JsonNode> bf = findings(http, coordinator, json, "run=" + id + "&uscc=" + steel + "&rule=CQ2014-STEEL-TECH-BF-VOLUME");
        assertThat(bf).singleElement().satisfies(f -> {
            assertThat(f.get("status").asString()).isEqualTo("NONCOMPLIANT");
            assertThat(f.get("subject").asString()).isEqualTo("BF1");
            assertThat(f.get("dimension").asString()).isEqualTo("TECHNOLOGY");
            assertThat(f.get("metric").asString()).isEqualTo("volume_m3");
            assertThat(f.get("value").asString()).isEqualTo("350");
            assertThat(f.get("comparator").asString()).isEqualTo(">=");
            assertThat(f.get("limit").asString()).isEqualTo("400");
            assertThat(f.get("unit").asString()).isEqualTo("m3");
            assertThat(f.get("severity").asString()).isEqualTo("VIOLATION");
            assertThat(f.get("documentId").asString()).isEqualTo("cq-2014-3");
            assertThat(f.get("regionPath").asString()).isEqualTo("/500000/500102/");
        });
        List<JsonNode> kiln = findings(http, coordinator, json, "run=" + id + "&uscc=" + cement + "&status=ELIMINATED");
        assertThat(kiln).anySatisfy(f -> {
            assertThat(f.get("ruleId").asString()).isEqualTo("CQ2014-ELIM-CEMENT-SHAFT-KILN");
            assertThat(f.get("deadline").asString()).isEqualTo("2015-12-31");
            assertThat(f.get("subject").asString()).isEqualTo("K1");
        });
        // 綦江 is not in the main city: the main-city closure does not apply there
        assertThat(kiln).noneMatch(f -> f.get("ruleId").asString().equals("CQ2014-ELIM-CEMENT-MAIN-CITY"));
        // no measurements: the enterprise-level steel limits have no data
        assertThat(findings(http, coordinator, json, "run=" + id + "&uscc=" + steel + "&status=NO_DATA")).isNotEmpty();
        assertThat(http.get("/api/v1/compliance/runs", coordinator).body()).contains("\"id\":" + id);
        // one audit entry per run, in the name of the person who started it
        assertThat(jdbc.sql("select actor from audit_entry where entity_type = 'evaluation_run' and entity_id = :id")
                .param("id", Long.toString(id)).query(String.class).list()).containsExactly("t.coordinator");
    }

    @Test
    void anIncrementalRunEvaluatesOnlyTheEnterpriseThatChanged() {
        String steel = uscc("500102", "R9000011");
        String cement = uscc("500110", "R9000012");
        enterprise(http, coordinator, steel, "500102", "STEEL", BF_350);
        enterprise(http, coordinator, cement, "500110", "CEMENT", SHAFT_KILN);
        JsonNode full = run(http, coordinator, json, "2017-03-31", false);

        HttpResponse<String> bigger = http.json("PUT", "/api/v1/enterprises/" + steel + "/equipment/BF1", coordinator,
                BF_350.replace("\"volume_m3\":350", "\"volume_m3\":450"));
        assertThat(bigger.statusCode()).as(bigger.body()).isEqualTo(200);

        JsonNode next = run(http, coordinator, json, "2017-03-31", true);
        assertThat(next.get("basedOn").asLong()).isEqualTo(full.get("id").asLong());
        assertThat(next.get("enterprisesEvaluated").asInt()).isEqualTo(1);
        assertThat(next.get("enterprisesDone").asInt()).isEqualTo(next.get("enterprisesTotal").asInt());
        assertThat(next.get("enterprisesTotal").asInt()).isEqualTo(full.get("enterprisesTotal").asInt());
        // the changed furnace's size rule moved from NONCOMPLIANT to COMPLIANT; everything else was copied as it was
        assertThat(next.get("counts").get("NONCOMPLIANT").asLong())
                .isEqualTo(full.get("counts").get("NONCOMPLIANT").asLong() - 1);
        assertThat(next.get("counts").get("COMPLIANT").asLong()).isEqualTo(full.get("counts").get("COMPLIANT").asLong() + 1);
        long id = next.get("id").asLong();
        assertThat(findings(http, coordinator, json, "run=" + id + "&uscc=" + steel + "&rule=CQ2014-STEEL-TECH-BF-VOLUME"))
                .singleElement().satisfies(f -> assertThat(f.get("status").asString()).isEqualTo("COMPLIANT"));
        assertThat(findings(http, coordinator, json, "run=" + id + "&uscc=" + cement + "&status=ELIMINATED")).isNotEmpty();

        // a different date has no run to build on: evaluated in full although incremental was asked
        JsonNode other = run(http, coordinator, json, "2017-04-01", true);
        assertThat(other.get("basedOn").isNull()).isTrue();
        assertThat(other.get("enterprisesEvaluated").asInt()).isEqualTo(other.get("enterprisesTotal").asInt());
    }

    @Test
    void measurementsAreEvaluatedAndANewValueMakesItsEnterpriseChanged() {
        String steel = uscc("500102", "R9000041");
        enterprise(http, coordinator, steel, "500102", "STEEL",
                BF_350.replace("\"volume_m3\":350", "\"volume_m3\":450"));
        measure(steel, "\"equipmentCode\":\"BF1\",\"metric\":\"bf_energy\",\"value\":500", "2017-12-31");
        measure(steel, "\"metric\":\"dust_per_t_steel\",\"value\":1.0", "2017-12-31");

        long full = run(http, coordinator, json, "2018-06-30", false).get("id").asLong();
        assertThat(findings(http, coordinator, json, "run=" + full + "&uscc=" + steel + "&rule=CQ2014-STEEL-ENERGY-BF"))
                .singleElement().satisfies(f -> {
                    assertThat(f.get("status").asString()).isEqualTo("NONCOMPLIANT");
                    assertThat(f.get("subject").asString()).isEqualTo("BF1");
                    assertThat(f.get("value").asString()).isEqualTo("500");
                    assertThat(f.get("limit").asString()).isEqualTo("446");
                    assertThat(f.get("unit").asString()).isEqualTo("kgce/t");
                });
        assertThat(findings(http, coordinator, json, "run=" + full + "&uscc=" + steel + "&rule=CQ2014-STEEL-ENV-DUST"))
                .singleElement().satisfies(f -> {
                    assertThat(f.get("status").asString()).isEqualTo("COMPLIANT");
                    assertThat(f.get("subject").asString()).isEqualTo("enterprise");
                    assertThat(f.get("value").asString()).isEqualTo("1");
                });

        // a later value: only this enterprise is evaluated again, and the latest value counts
        long later = measure(steel, "\"equipmentCode\":\"BF1\",\"metric\":\"bf_energy\",\"value\":400", "2018-03-31");
        JsonNode next = run(http, coordinator, json, "2018-06-30", true);
        assertThat(next.get("basedOn").asLong()).isEqualTo(full);
        assertThat(next.get("enterprisesEvaluated").asInt()).isEqualTo(1);
        assertThat(findings(http, coordinator, json, "run=" + next.get("id").asLong() + "&uscc=" + steel
                + "&rule=CQ2014-STEEL-ENERGY-BF")).singleElement().satisfies(f -> {
                    assertThat(f.get("status").asString()).isEqualTo("COMPLIANT");
                    assertThat(f.get("value").asString()).isEqualTo("400");
                });

        // the later value marked INVALID: its enterprise counts as changed, and the earlier value counts again
        HttpResponse<String> invalid = http.json("POST", "/api/v1/measurements/" + later + "/validity", coordinator,
                "{\"validity\":\"INVALID\",\"note\":\"仪表未校准\"}");
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(200);
        JsonNode third = run(http, coordinator, json, "2018-06-30", true);
        assertThat(third.get("basedOn").asLong()).isEqualTo(next.get("id").asLong());
        assertThat(third.get("enterprisesEvaluated").asInt()).isEqualTo(1);
        assertThat(findings(http, coordinator, json, "run=" + third.get("id").asLong() + "&uscc=" + steel
                + "&rule=CQ2014-STEEL-ENERGY-BF")).singleElement()
                .satisfies(f -> assertThat(f.get("value").asString()).isEqualTo("500"));
    }

    private long measure(String uscc, String fields, String periodEnd) {
        HttpResponse<String> r = http.json("POST", "/api/v1/measurements", coordinator, "{\"uscc\":\"" + uscc + "\","
                + fields + ",\"periodEnd\":\"" + periodEnd + "\",\"source\":\"INSPECTION\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asLong();
    }

    @Test
    void aSecondStartWhileOneRunsIsRefusedAndBadInputIsNamed() {
        HttpResponse<String> bad = http.json("POST", "/api/v1/compliance/runs", coordinator, "{\"asOf\":\"not-a-date\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"asOf\"").contains("日期");
        testPeople.ensure(Role.DISTRICT_OFFICER);
        String district = http.token(TestPeople.username(Role.DISTRICT_OFFICER), TestPeople.PASSWORD);
        assertThat(http.json("POST", "/api/v1/compliance/runs", district, "{}").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/compliance/runs/999999999", coordinator).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/compliance/findings?run=999999999", coordinator).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/compliance/findings?status=FINE", coordinator).statusCode()).isEqualTo(400);

        // two starts back to back: the second finds the first queued or running (unless it was already done)
        HttpResponse<String> first = http.json("POST", "/api/v1/compliance/runs", coordinator, "{\"asOf\":\"2015-01-01\"}");
        HttpResponse<String> second = http.json("POST", "/api/v1/compliance/runs", coordinator, "{\"asOf\":\"2015-01-01\"}");
        assertThat(first.statusCode()).as(first.body()).isIn(202, 409);
        if (second.statusCode() == 409) {
            assertThat(second.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(second.body()).contains("同一时间只能进行一次评价");
        } else {
            assertThat(second.statusCode()).isEqualTo(202);
        }
        // let them end before the next test starts its own
        run(http, coordinator, json, "2015-01-02", false);
    }

    private static long sum(JsonNode counts) {
        long total = 0;
        for (JsonNode n : counts) {
            total += n.asLong();
        }
        return total;
    }
}
