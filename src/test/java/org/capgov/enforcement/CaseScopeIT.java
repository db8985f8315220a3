package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.capgov.identity.Role;
import org.capgov.shared.Dimension;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Every read and action within the caller's scope: the enterprise, the district, the department's dimensions. */
class CaseScopeIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;

    CaseFixtures f;

    @BeforeEach
    void setUp() {
        f = new CaseFixtures(Http.api(port), json, people);
    }

    @Test
    void eachRoleSeesAndActsOnlyWithinItsScope() {
        String fuling = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String other = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String qijiang = f.enterprise("500110", "STEEL", CaseFixtures.BF);
        String energy = f.opened(f.coordinator, fuling, "ENERGY", "2024-08-31", null).get("id").asString();
        String env = f.opened(f.coordinator, fuling, "ENVIRONMENT", "2024-08-31", "\"deadline\":\"2024-12-31\"")
                .get("id").asString();
        String neighbour = f.opened(f.coordinator, other, "ENERGY", "2024-08-31", null).get("id").asString();
        String city = f.opened(f.coordinator, qijiang, "ENERGY", "2024-08-31", null).get("id").asString();
        assertThat(f.get(f.coordinator, city).get("department").asString()).isEqualTo("CQ-JXW");

        // the enterprise: its own cases only; it may request an extension, not grant one
        people.ensure(CaseFixtures.enterpriseUser(fuling));
        String enterprise = f.token(CaseFixtures.enterpriseUser(fuling).username());
        assertThat(listed(enterprise, "")).contains(energy, env).doesNotContain(neighbour, city);
        assertThat(f.http.get("/api/v1/cases/" + neighbour, enterprise).statusCode()).isEqualTo(404);
        assertThat(f.act(enterprise, neighbour, "{\"action\":\"REQUEST_EXTENSION\"}").statusCode()).isEqualTo(404);
        // (as of today the deadline has passed, so an extension is no longer offered)
        assertThat(f.get(enterprise, energy).get("allowedActions").toString())
                .contains("SUBMIT_RECTIFICATION").doesNotContain("GRANT_EXTENSION", "VERIFY_FAILED");
        f.acted(enterprise, energy, "REQUEST_EXTENSION", "2024-12-01", "\"note\":\"申请延期\"");
        HttpResponse<String> grant = f.act(enterprise, energy, "{\"action\":\"GRANT_EXTENSION\",\"effectiveDate\":\"2024-12-05\",\"months\":3}");
        assertThat(grant.statusCode()).isEqualTo(403);
        assertThat(grant.body()).contains("只有负责该维度和区域的执法人员可以办理“批准延期”");
        assertThat(f.http.json("POST", "/api/v1/cases", enterprise, "{}").statusCode()).isEqualTo(403);

        // the district officer of 涪陵: the 涪陵 subtree, every dimension
        people.ensure(Role.DISTRICT_OFFICER);
        String district = f.token(TestPeople.username(Role.DISTRICT_OFFICER));
        assertThat(listed(district, "")).contains(energy, env, neighbour).doesNotContain(city);
        assertThat(f.http.get("/api/v1/cases/" + city, district).statusCode()).isEqualTo(404);
        assertThat(f.open(district, "{\"uscc\":\"" + qijiang + "\",\"dimension\":\"QUALITY\"}").statusCode())
                .isIn(400, 403);
        f.acted(district, energy, "GRANT_EXTENSION", "2024-12-05", "\"months\":2");

        // a department officer: its dimension in its region only
        people.ensure(CaseFixtures.officer("t.enf-fl-env", "FL-STHJJ", "500102", Dimension.ENVIRONMENT));
        String envOfficer = f.token("t.enf-fl-env");
        assertThat(listed(envOfficer, "")).contains(env).doesNotContain(energy, neighbour, city);
        assertThat(listed(envOfficer, "&dimension=ENERGY")).doesNotContain(energy);
        assertThat(f.http.get("/api/v1/cases/" + energy, envOfficer).statusCode()).isEqualTo(404);
        HttpResponse<String> outside = f.open(envOfficer, "{\"uscc\":\"" + fuling + "\",\"dimension\":\"QUALITY\"}");
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.body()).contains("不能立案");
        f.acted(envOfficer, env, "SUBMIT_RECTIFICATION", "2024-11-01", null);

        // a closure decision is the coordinator's: the district officer is refused
        f.acted(district, neighbour, "VERIFY_FAILED", "2025-03-01", null);
        f.acted(district, neighbour, "PROPOSE_CLOSURE", "2025-03-02", null);
        HttpResponse<String> approve = f.act(district, neighbour,
                "{\"action\":\"APPROVE_CLOSURE\",\"effectiveDate\":\"2025-03-03\",\"document\":\"涪陵府〔2025〕1号\"}");
        assertThat(approve.statusCode()).isEqualTo(403);
        f.acted(f.coordinator, neighbour, "APPROVE_CLOSURE", "2025-03-03", "\"document\":\"涪陵府〔2025〕1号\","
                + "\"deadline\":\"2999-12-31\"");

        // observers read everything, act on nothing
        people.ensure(Role.OBSERVER);
        String observer = f.token(TestPeople.username(Role.OBSERVER));
        assertThat(listed(observer, "")).contains(energy, env, neighbour, city);
        assertThat(f.act(observer, energy, "{\"action\":\"SUBMIT_RECTIFICATION\"}").statusCode()).isEqualTo(403);
        // filters: region subtree, state, overdue
        assertThat(listed(f.coordinator, "&region=500110")).contains(city).doesNotContain(energy);
        assertThat(listed(f.coordinator, "&state=CLOSURE_APPROVED")).contains(neighbour).doesNotContain(energy);
        assertThat(listed(f.coordinator, "&overdue=true")).contains(city).doesNotContain(neighbour);
        assertThat(f.http.get("/api/v1/cases?state=SLEEPING", f.coordinator).statusCode()).isEqualTo(400);
    }

    private String listed(String token, String query) {
        HttpResponse<String> r = f.http.get("/api/v1/cases?size=200" + query, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
