package org.capgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

class ApiAndPagesIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;

    private String token(Role role) {
        testPeople.ensure(role);
        return Http.api(port).token(TestPeople.username(role), TestPeople.PASSWORD);
    }

    @Test
    void badInputIs400ProblemJsonNamingTheFieldAndSavesNothing() {
        Http http = Http.api(port);
        String admin = token(Role.ADMIN); // first: it may create the test administrator
        long before = jdbc.sql("select count(*) from person").query(Long.class).single();
        var r = http.json("POST", "/api/v1/people", admin, """
                {"username":"x y","displayName":"坏","password":"Valid-Pass-2026","departmentCode":"CQ-JXW",
                 "role":"OBSERVER","regionCode":"500000"}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"username\"").contains("用户名须为");
        var badRegion = http.json("POST", "/api/v1/people", admin, """
                {"username":"p.badregion","displayName":"坏","password":"Valid-Pass-2026","departmentCode":"CQ-JXW",
                 "role":"OBSERVER","regionCode":"999999"}""");
        assertThat(badRegion.statusCode()).isEqualTo(400);
        assertThat(badRegion.body()).contains("\"field\":\"regionCode\"").contains("999999");
        var badJson = http.json("POST", "/api/v1/people", admin, "{\"role\":\"KING\"}");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.body()).contains("\"field\":\"role\"").contains("字段 角色 的值无效");
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void duplicateIs409() {
        var r = Http.api(port).json("POST", "/api/v1/people", token(Role.ADMIN), """
                {"username":"t.admin","displayName":"重复","password":"Valid-Pass-2026","departmentCode":"CQ-JXW",
                 "role":"OBSERVER","regionCode":"500000"}""");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("已存在");
    }

    @Test
    void createdPersonIsAuditedWithBeforeAndAfter() {
        var r = Http.api(port).json("POST", "/api/v1/people", token(Role.ADMIN), """
                {"username":"p.created","displayName":"新建","password":"Valid-Pass-2026","departmentCode":"FL-JXW",
                 "role":"DISTRICT_OFFICER","regionCode":"500102"}""");
        assertThat(r.statusCode()).isEqualTo(201);
        var entry = jdbc.sql("select actor, actor_ip, after_state, region_path from audit_entry where entity_type = 'membership' "
                + "and after_state like '%p.created%'").query().singleRow();
        assertThat(entry.get("actor")).isEqualTo("t.admin");
        assertThat(entry.get("actor_ip")).isNotNull();
        assertThat(entry.get("region_path")).isEqualTo("/500000/500102/");
        assertThat((String) entry.get("after_state")).contains("DISTRICT_OFFICER");
        Boolean mustChange = jdbc.sql("select must_change_password from person where username = 'p.created'")
                .query(Boolean.class).single();
        assertThat(mustChange).as("outside demo mode a new account must change its password").isTrue();
    }

    @Test
    void unknownApiPathIs404ProblemAndUnknownPageIsChinese404Page() {
        var api = Http.api(port).get("/api/v1/nothing-here", token(Role.OBSERVER));
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("接口不存在");
        Http browser = Http.browser(port);
        browser.login(TestPeople.username(Role.OBSERVER), TestPeople.PASSWORD);
        var page = browser.get("/nothing-here");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("页面不存在");
    }

    @Test
    void forbiddenPageIsChinese403Page() {
        Http browser = Http.browser(port);
        testPeople.ensure(Role.ENTERPRISE);
        browser.login(TestPeople.username(Role.ENTERPRISE), TestPeople.PASSWORD);
        var page = browser.get("/admin/people");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("您无权访问");
    }

    @Test
    void healthIsPublicAndMetricsNeedAdmin() {
        Http http = Http.api(port);
        var health = http.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(http.get("/actuator/prometheus").statusCode()).isIn(302, 401);
        assertThat(http.get("/actuator/prometheus", token(Role.COORDINATOR)).statusCode()).isEqualTo(403);
        var prometheus = http.get("/actuator/prometheus", token(Role.ADMIN));
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void openApiDescribesTheApi() {
        var docs = Http.api(port).get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/auth/token").contains("/api/v1/audit/verify");
    }

    @Test
    void securityHeadersAreSet() {
        var login = Http.api(port).get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).isPresent();
    }

    @Test
    void pagesAreChineseByDefaultAndEnglishOnRequest() {
        Http browser = Http.browser(port);
        browser.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        assertThat(browser.get("/regions").body()).contains("行政区划").contains("涪陵区").contains("默认值，尚未由协调员设定");
        assertThat(browser.get("/regions?lang=en").body()).contains("Regions").contains("Fuling District");
        // the choice is remembered
        assertThat(browser.get("/").body()).contains("Welcome");
    }

    @Test
    void regionsAreSeededWithPathsKindsAndAirZones() {
        assertThat(jdbc.sql("select count(*) from region where parent_code = '500000' and kind <> 'MANAGEMENT_AREA'")
                .query(Long.class).single()).isEqualTo(38);
        assertThat(jdbc.sql("select count(*) from region where kind = 'MANAGEMENT_AREA'").query(Long.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from region where parent_code = '510000'").query(Long.class).single())
                .isEqualTo(21);
        assertThat(jdbc.sql("select count(*) from region where parent_code = '120000'").query(Long.class).single())
                .isEqualTo(16);
        assertThat(jdbc.sql("select string_agg(name, ',' order by code) from region where air_zone = 'MAIN_CITY' "
                + "and air_zone_set_by = 'seed'").query(String.class).single())
                .isEqualTo("渝中区,大渡口区,江北区,沙坪坝区,九龙坡区,南岸区,北碚区,渝北区,巴南区,两江新区");
        assertThat(jdbc.sql("select bool_and(key_air_region) from region where path like '/120000/%'")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select path from region where code = '500102'").query(String.class).single())
                .isEqualTo("/500000/500102/");
    }
}
