package org.capgov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.capgov.shared.Dimension;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Data scope per role, through the real API: who sees which people, audit entries and regions to edit. */
class DataScopeIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;

    @BeforeEach
    void people() {
        testPeople.ensure(TestPeople.person("s.fl.coord", "FL-JXW", Role.COORDINATOR, "500102", Set.of(), null));
        testPeople.ensure(TestPeople.person("s.fl.staff", "FL-STHJJ", Role.DEPARTMENT_OFFICER, "500102",
                Set.of(Dimension.ENVIRONMENT), null));
        testPeople.ensure(TestPeople.person("s.wz.staff", "CQ-JXW", Role.DISTRICT_OFFICER, "500101", Set.of(), null));
        testPeople.ensure(TestPeople.person("s.tj.coord", "TJ-FGW", Role.COORDINATOR, "120000", Set.of(), null));
        testPeople.ensure(TestPeople.person("s.fl.district", "FL-QZF", Role.DISTRICT_OFFICER, "500102", Set.of(), null));
        testPeople.ensure(Role.ADMIN);
        testPeople.ensure(Role.OBSERVER);
    }

    private String people(String username) {
        Http http = Http.api(port);
        return http.get("/api/v1/people", http.token(username, TestPeople.PASSWORD)).body();
    }

    @Test
    void districtOfficerSeesOnlyTheirSubtree() {
        String body = people("s.fl.district");
        assertThat(body).contains("s.fl.coord").contains("s.fl.staff").doesNotContain("s.wz.staff")
                .doesNotContain("s.tj.coord");
    }

    @Test
    void municipalObserverSeesChongqingButNotTianjin() {
        String body = people(TestPeople.username(Role.OBSERVER));
        assertThat(body).contains("s.fl.staff").contains("s.wz.staff").doesNotContain("s.tj.coord");
    }

    @Test
    void adminSeesEveryone() {
        String body = people(TestPeople.username(Role.ADMIN));
        assertThat(body).contains("s.fl.staff").contains("s.tj.coord");
    }

    @Test
    void tianjinCoordinatorSeesOnlyTianjin() {
        String body = people("s.tj.coord");
        assertThat(body).contains("s.tj.coord").doesNotContain("s.fl.staff");
    }

    @Test
    void personOutsideScopeIsNotFound() {
        Http http = Http.api(port);
        String token = http.token("s.fl.district", TestPeople.PASSWORD);
        String tj = http.get("/api/v1/people?q=s.tj.coord", http.token(TestPeople.username(Role.ADMIN), TestPeople.PASSWORD))
                .body();
        String id = tj.replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        assertThat(http.get("/api/v1/people/" + id, token).statusCode()).isEqualTo(404);
    }

    @Test
    void coordinatorCannotEditRegionsOrGrantScopesOutsideTheirOwn() {
        Http http = Http.api(port);
        String token = http.token("s.fl.coord", TestPeople.PASSWORD);
        var outside = http.json("PUT", "/api/v1/regions/500101/attributes", token,
                "{\"airZone\":\"INFLUENCE\",\"basis\":\"test\"}");
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.body()).contains("不在您的数据范围内");
        var inside = http.json("PUT", "/api/v1/regions/500102/attributes", token,
                "{\"airZone\":\"INFLUENCE\",\"basis\":\"涪陵区大气分区测试\"}");
        assertThat(inside.statusCode()).isEqualTo(200);
        assertThat(inside.body()).contains("\"airZone\":\"INFLUENCE\"").contains("\"airZoneSet\":true");
        var grant = http.json("POST", "/api/v1/people", token, """
                {"username":"s.sneaky","displayName":"越权","password":"Sneaky-Pass-2026","departmentCode":"CQ-JXW",
                 "role":"COORDINATOR","regionCode":"500000"}""");
        assertThat(grant.statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/people?q=s.sneaky", http.token(TestPeople.username(Role.ADMIN), TestPeople.PASSWORD))
                .body()).doesNotContain("s.sneaky");
    }

    @Test
    void auditEntriesFollowTheScope() {
        Http http = Http.api(port);
        // a change in 涪陵 and one in 天津
        http.json("PUT", "/api/v1/regions/500102/attributes", http.token("s.fl.coord", TestPeople.PASSWORD),
                "{\"keyAirRegion\":false}");
        http.json("PUT", "/api/v1/regions/120101/attributes", http.token("s.tj.coord", TestPeople.PASSWORD),
                "{\"keyAirRegion\":true}");
        String fl = http.get("/api/v1/audit?entityType=region&size=500", http.token("s.fl.coord", TestPeople.PASSWORD)).body();
        assertThat(fl).contains("\"entityId\":\"500102\"").doesNotContain("\"entityId\":\"120101\"");
        String tj = http.get("/api/v1/audit?entityType=region&size=500", http.token("s.tj.coord", TestPeople.PASSWORD)).body();
        assertThat(tj).contains("\"entityId\":\"120101\"").doesNotContain("\"entityId\":\"500102\"");
    }
}
