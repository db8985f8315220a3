package org.capgov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuthenticationIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;

    @Test
    void apiWithoutCredentialsIs401ProblemJson() {
        HttpResponse<String> r = Http.api(port).get("/api/v1/me");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body()).contains("需要登录");
    }

    @Test
    void tokenWorksAsBearerAndBadTokenIsRefused() {
        testPeople.ensure(Role.COORDINATOR);
        Http http = Http.api(port);
        String token = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        HttpResponse<String> me = http.get("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"t.coordinator\"").contains("COORDINATOR");
        assertThat(http.get("/api/v1/me", token + "x").statusCode()).isEqualTo(401);
        String stored = jdbc.sql("select token_hash from api_token order by id desc limit 1").query(String.class).single();
        assertThat(stored).doesNotContain(token).hasSize(64);
    }

    @Test
    void wrongPasswordIs401WithChineseDetail() {
        testPeople.ensure(Role.OBSERVER);
        HttpResponse<String> r = Http.api(port).json("POST", "/api/v1/auth/token", null,
                "{\"username\":\"t.observer\",\"password\":\"wrong-password\"}");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("用户名或密码错误");
    }

    @Test
    void fiveFailuresLockTheAccountForApiAndForm() {
        testPeople.ensure(TestPeople.person("t.lockme", "CQ-JXW", Role.COORDINATOR, "500000", java.util.Set.of(), null));
        Http http = Http.api(port);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = http.json("POST", "/api/v1/auth/token", null,
                    "{\"username\":\"t.lockme\",\"password\":\"Wrong-Password-" + i + "\"}");
            assertThat(r.statusCode()).isEqualTo(401);
        }
        // the right password no longer helps
        HttpResponse<String> locked = http.json("POST", "/api/v1/auth/token", null,
                "{\"username\":\"t.lockme\",\"password\":\"" + TestPeople.PASSWORD + "\"}");
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).contains("已锁定");
        assertThat(Http.browser(port).login("t.lockme", TestPeople.PASSWORD)).endsWith("/login?locked");

        long lockedMinutes = jdbc.sql("select extract(epoch from locked_until - now()) / 60 from person where username = 't.lockme'")
                .query(Double.class).single().longValue();
        assertThat(lockedMinutes).isBetween(13L, 15L);
        long failures = jdbc.sql("select count(*) from audit_entry where action = 'LOGIN_FAILED' and actor = 't.lockme'")
                .query(Long.class).single();
        assertThat(failures).isGreaterThanOrEqualTo(6);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ACCOUNT_LOCKED'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void formLoginLogoutAndFailuresAreAudited() {
        testPeople.ensure(Role.DISTRICT_OFFICER);
        Http browser = Http.browser(port);
        assertThat(browser.login("t.district", "nope-nope-nope")).endsWith("/login?error");
        assertThat(browser.login("t.district", TestPeople.PASSWORD)).endsWith("/");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.post("/logout", java.util.Map.of()).headers().firstValue("Location"))
                .hasValueSatisfying(v -> assertThat(v).endsWith("/login?logout"));
        var actions = jdbc.sql("select action from audit_entry where entity_type = 'person' and (actor = 't.district') order by id")
                .query(String.class).list();
        assertThat(actions).contains("LOGIN_FAILED", "LOGIN", "LOGOUT");
        long ips = jdbc.sql("select count(*) from audit_entry where actor = 't.district' and action = 'LOGIN' and actor_ip is not null")
                .query(Long.class).single();
        assertThat(ips).isPositive();
    }

    @Test
    void bootstrapAdminExistsAndMustChangePasswordFirst() {
        Boolean mustChange = jdbc.sql("select must_change_password from person where username = 'root-admin'")
                .query(Boolean.class).single();
        assertThat(mustChange).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'person' and action = 'CREATE' "
                + "and after_state like '%root-admin%' and actor = 'system'").query(Long.class).single()).isEqualTo(1);
        Http browser = Http.browser(port);
        browser.login("root-admin", "Bootstrap-Admin-2026");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/account/password"));
        // the API refuses a token until the password is changed
        HttpResponse<String> token = Http.api(port).json("POST", "/api/v1/auth/token", null,
                "{\"username\":\"root-admin\",\"password\":\"Bootstrap-Admin-2026\"}");
        assertThat(token.statusCode()).isEqualTo(403);
    }

    @Test
    void weakPasswordsAreRefusedOnChange() {
        testPeople.ensure(TestPeople.person("t.changer", "CQ-JXW", Role.OBSERVER, "500000", java.util.Set.of(), null));
        Http browser = Http.browser(port);
        browser.login("t.changer", TestPeople.PASSWORD);
        var weak = browser.post("/account/password", java.util.Map.of("currentPassword", TestPeople.PASSWORD,
                "password", "alllowercase1", "confirmPassword", "alllowercase1"));
        assertThat(weak.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/account/password"));
        var ok = browser.post("/account/password", java.util.Map.of("currentPassword", TestPeople.PASSWORD,
                "password", "New-Strong-Pass-9", "confirmPassword", "New-Strong-Pass-9"));
        assertThat(ok.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/"));
        assertThat(Http.api(port).token("t.changer", "New-Strong-Pass-9")).startsWith("cg_");
    }

    @Autowired
    DemoAccountGuard demoAccountGuard;

    @Test
    void demoAccountsAreDisabledOutsideDemoMode() throws Exception {
        testPeople.ensure(TestPeople.person("t.demo-left-over", "CQ-JXW", Role.OBSERVER, "500000", java.util.Set.of(), null));
        jdbc.sql("update person set demo_account = true where username = 't.demo-left-over'").update();
        assertThat(Http.api(port).token("t.demo-left-over", TestPeople.PASSWORD)).startsWith("cg_");
        demoAccountGuard.run(null);
        assertThat(jdbc.sql("select enabled from person where username = 't.demo-left-over'").query(Boolean.class).single())
                .isFalse();
        var refused = Http.api(port).json("POST", "/api/v1/auth/token", null,
                "{\"username\":\"t.demo-left-over\",\"password\":\"" + TestPeople.PASSWORD + "\"}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("停用");
    }
}
