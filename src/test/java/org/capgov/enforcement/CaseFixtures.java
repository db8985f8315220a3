package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.capgov.identity.Role;
import org.capgov.shared.Dimension;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.TestPeople;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Enterprises, people and cases for the enforcement tests, through the real API. */
public final class CaseFixtures {

    public static final String BF = """
            {"code":"BF1","type":"BLAST_FURNACE","parameters":{"volume_m3":350,"purpose":"GENERAL"},"product":"PIG_IRON",
             "annualCapacity":300000,"commissioned":"2005-05-01"}""";
    static final String CONVERTER = """
            {"code":"CV1","type":"CONVERTER","parameters":{"nominal_t":20},"product":"CRUDE_STEEL",
             "annualCapacity":200000,"commissioned":"2006-05-01"}""";
    public static final String SHAFT_KILN = """
            {"code":"K1","type":"CEMENT_KILN","parameters":{"process":"SHAFT","clinker_t_per_d":300},"product":"CLINKER",
             "annualCapacity":90000,"commissioned":"2005-01-01"}""";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** A body prefix per JVM run, so that a re-used database never sees the same code twice. */
    private static final String RUN = String.format("%03d", System.nanoTime() % 1000);

    final Http http;
    final JsonMapper json;
    public final String coordinator;

    public CaseFixtures(Http http, JsonMapper json, TestPeople people) {
        this.http = http;
        this.json = json;
        people.ensure(Role.COORDINATOR);
        this.coordinator = token(TestPeople.username(Role.COORDINATOR));
    }

    String token(String username) {
        return http.token(username, TestPeople.PASSWORD);
    }

    /** A new enterprise in {@code region} with the given equipment, registered by the coordinator. */
    public String enterprise(String region, String industry, String... equipment) {
        String body = "E" + RUN + String.format("%04d", SEQUENCE.incrementAndGet());
        String uscc = Uscc.compose("91", region, body);
        HttpResponse<String> r = http.json("POST", "/api/v1/enterprises", coordinator, "{\"uscc\":\"" + uscc
                + "\",\"name\":\"执法测试企业" + body + "\",\"region\":\"" + region + "\",\"industries\":[\"" + industry
                + "\"],\"statusSince\":\"2010-01-01\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        for (String e : equipment) {
            HttpResponse<String> q = http.json("POST", "/api/v1/enterprises/" + uscc + "/equipment", coordinator, e);
            assertThat(q.statusCode()).as(q.body()).isEqualTo(201);
        }
        return uscc;
    }

    public static org.capgov.identity.NewPerson enterpriseUser(String uscc) {
        return TestPeople.person("t.enf-" + uscc.toLowerCase(), "FL-QZF", Role.ENTERPRISE, uscc.substring(2, 8), Set.of(),
                uscc);
    }

    static org.capgov.identity.NewPerson officer(String username, String department, String region,
            Dimension... dimensions) {
        return TestPeople.person(username, department, Role.DEPARTMENT_OFFICER, region, Set.of(dimensions), null);
    }

    HttpResponse<String> open(String token, String body) {
        return http.json("POST", "/api/v1/cases", token, body);
    }

    public JsonNode opened(String token, String uscc, String dimension, String date, String extra) {
        HttpResponse<String> r = open(token, "{\"uscc\":\"" + uscc + "\",\"dimension\":\"" + dimension
                + "\",\"effectiveDate\":\"" + date + "\"" + (extra == null ? "" : "," + extra) + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body());
    }

    HttpResponse<String> act(String token, String caseId, String body) {
        return http.json("POST", "/api/v1/cases/" + caseId + "/actions", token, body);
    }

    /** Takes an action that must succeed; returns the case after it. */
    public JsonNode acted(String token, String caseId, String action, String date, String extra) {
        HttpResponse<String> r = act(token, caseId, "{\"action\":\"" + action + "\",\"effectiveDate\":\"" + date + "\""
                + (extra == null ? "" : "," + extra) + "}");
        assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    public JsonNode get(String token, String caseId) {
        HttpResponse<String> r = http.get("/api/v1/cases/" + caseId, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    String enterpriseStatus(String uscc) {
        return json.readTree(http.get("/api/v1/enterprises/" + uscc, coordinator).body()).get("status").asString();
    }

    String equipmentStatus(String uscc, String code) {
        return json.readTree(http.get("/api/v1/enterprises/" + uscc + "/equipment/" + code, coordinator).body())
                .get("status").asString();
    }
}
