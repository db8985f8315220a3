package org.capgov.projects.illegal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.capgov.identity.Role;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.TestPeople;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Enterprises and register entries for the illegal-project tests, through the real API. */
final class IllegalProjectFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** A body prefix per JVM run, so that a re-used database never sees the same code twice. */
    private static final String RUN = String.format("%03d", System.nanoTime() % 1000);

    final Http http;
    final JsonMapper json;
    final String admin;
    final String coordinator;
    final String district;

    IllegalProjectFixtures(Http http, JsonMapper json, TestPeople people) {
        this.http = http;
        this.json = json;
        people.ensure(Role.ADMIN);
        people.ensure(Role.COORDINATOR);
        people.ensure(Role.DISTRICT_OFFICER);
        this.admin = http.token(TestPeople.username(Role.ADMIN), TestPeople.PASSWORD);
        this.coordinator = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        this.district = http.token(TestPeople.username(Role.DISTRICT_OFFICER), TestPeople.PASSWORD);
    }

    /** A new steel enterprise in {@code region}, registered by an administrator. */
    String enterprise(String region) {
        String body = "W" + RUN + String.format("%04d", SEQUENCE.incrementAndGet());
        String uscc = Uscc.compose("91", region, body);
        HttpResponse<String> r = http.json("POST", "/api/v1/enterprises", admin, "{\"uscc\":\"" + uscc
                + "\",\"name\":\"违规项目测试企业" + body + "\",\"region\":\"" + region
                + "\",\"industries\":[\"STEEL\"],\"statusSince\":\"2010-01-01\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return uscc;
    }

    HttpResponse<String> register(String token, String body) {
        return http.json("POST", "/api/v1/illegal-projects", token, body);
    }

    JsonNode registered(String token, String body) {
        HttpResponse<String> r = register(token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body());
    }

    HttpResponse<String> step(String token, String number, String body) {
        return http.json("POST", "/api/v1/illegal-projects/" + number + "/steps", token, body);
    }

    JsonNode read(HttpResponse<String> r) {
        return json.readTree(r.body());
    }
}
