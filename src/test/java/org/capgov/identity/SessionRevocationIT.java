package org.capgov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Disabling, locking, a membership change, a password change or reset and an administrator's "end sessions" take
 * effect on the very next request of every open session and login token of the person.
 */
class SessionRevocationIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    PeopleService people;
    @Autowired
    JdbcClient jdbc;

    private record Holder(Person person, Http browser, String token) {
    }

    /** A coordinator over 重庆 with an open browser session and a login token, both working. */
    private Holder holder(String username) {
        Person person = testPeople.ensure(TestPeople.person(username, "CQ-JXW", Role.COORDINATOR, "500000", Set.of(),
                null));
        Http browser = Http.browser(port);
        assertThat(browser.login(username, TestPeople.PASSWORD)).doesNotContain("error");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        String token = Http.api(port).token(username, TestPeople.PASSWORD);
        assertThat(Http.api(port).get("/api/v1/me", token).statusCode()).isEqualTo(200);
        return new Holder(person, browser, token);
    }

    private void assertEnded(Holder h) {
        HttpResponse<String> page = h.browser().get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
        HttpResponse<String> api = Http.api(port).get("/api/v1/me", h.token());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("令牌无效");
    }

    @Test
    void aDisabledPersonsOpenSessionCanChangeNothing() {
        Holder h = holder("t.rev-disabled");
        assertThat(h.browser().post("/admin/people/" + h.person().id() + "/email", Map.of("email", "before@example.cn"))
                .statusCode()).isEqualTo(302);
        SystemActor.run(() -> people.setEnabled(h.person().id(), false));

        HttpResponse<String> change = h.browser().post("/admin/people/" + h.person().id() + "/email",
                Map.of("email", "changed@example.cn"));
        assertThat(change.statusCode()).isEqualTo(302);
        assertThat(change.headers().firstValue("Location").orElse("")).contains("/login?ended");
        assertThat(jdbc.sql("select email from person where id = :id").param("id", h.person().id())
                .query(String.class).single()).isEqualTo("before@example.cn");
        assertEnded(h);
    }

    @Test
    void aRemovedMembershipEndsTheSessionThatHeldIt() {
        Holder h = holder("t.rev-membership");
        Membership only = h.person().memberships().get(0);
        SystemActor.run(() -> people.removeMembership(h.person().id(), only.id()));
        assertEnded(h);
    }

    @Test
    void anAddedMembershipAlsoEndsTheSession() {
        Holder h = holder("t.rev-added");
        SystemActor.run(() -> people.addMembership(h.person().id(), "CQ-LDXZB", Role.OBSERVER, "500000", Set.of(), null,
                false));
        assertEnded(h);
    }

    @Test
    void aPasswordResetEndsSessionsAndTokensIssuedBefore() {
        Holder h = holder("t.rev-reset");
        SystemActor.run(() -> people.resetPassword(h.person().id(), "Reset-By-Admin-77"));
        assertEnded(h);
        assertThat(jdbc.sql("select count(*) from api_token t join person p on p.id = t.person_id "
                + "where p.username = 't.rev-reset' and t.security_version = p.security_version")
                .query(Long.class).single()).isZero();
    }

    @Test
    void anOwnPasswordChangeKeepsThisSessionAndEndsTheOthers() {
        Holder h = holder("t.rev-own");
        Http other = Http.browser(port);
        other.login("t.rev-own", TestPeople.PASSWORD);
        assertThat(other.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> r = h.browser().post("/account/password", Map.of("currentPassword", TestPeople.PASSWORD,
                "password", "Changed-By-Holder-88", "confirmPassword", "Changed-By-Holder-88"));
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        assertThat(h.browser().get("/").statusCode()).isEqualTo(200);
        assertThat(other.get("/").statusCode()).isEqualTo(302);
        assertThat(Http.api(port).get("/api/v1/me", h.token()).statusCode()).isEqualTo(401);
    }

    @Test
    void lockingEndsTheOpenSession() {
        Holder h = holder("t.rev-locked");
        for (int i = 0; i < 5; i++) {
            Http.api(port).json("POST", "/api/v1/auth/token", null,
                    "{\"username\":\"t.rev-locked\",\"password\":\"Wrong-Password-" + i + "\"}");
        }
        assertEnded(h);
    }

    @Test
    void anAdministratorEndsAPersonsSessionsByPageAndByApi() {
        Holder h = holder("t.rev-ended");
        testPeople.ensure(Role.ADMIN);
        Http admin = Http.browser(port);
        admin.login(TestPeople.username(Role.ADMIN), TestPeople.PASSWORD);
        assertThat(admin.get("/admin/people/" + h.person().id()).body()).contains("强制下线");
        assertThat(admin.post("/admin/people/" + h.person().id() + "/sessions/end", Map.of()).statusCode())
                .isEqualTo(302);
        assertEnded(h);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'SESSIONS_ENDED' and entity_id = :id")
                .param("id", Long.toString(h.person().id())).query(Long.class).single()).isOne();

        Holder again = holder("t.rev-ended");
        String adminToken = Http.api(port).token(TestPeople.username(Role.ADMIN), TestPeople.PASSWORD);
        assertThat(Http.api(port).json("DELETE", "/api/v1/people/" + h.person().id() + "/sessions", adminToken, "")
                .statusCode()).isEqualTo(204);
        assertEnded(again);
    }

    @Test
    void aPersonListsAndRevokesTheirOwnTokensButNoOneElses() {
        Holder h = holder("t.rev-tokens");
        String second = Http.api(port).token("t.rev-tokens", TestPeople.PASSWORD);
        HttpResponse<String> list = Http.api(port).get("/api/v1/auth/tokens", second);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"state\":\"ACTIVE\"").doesNotContain(h.token()).doesNotContain("hash");
        long firstId = jdbc.sql("select t.id from api_token t join person p on p.id = t.person_id "
                + "where p.username = 't.rev-tokens' order by t.id limit 1").query(Long.class).single();

        Holder stranger = holder("t.rev-stranger");
        HttpResponse<String> foreign = Http.api(port).json("DELETE", "/api/v1/auth/tokens/" + firstId, stranger.token(), "");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(Http.api(port).get("/api/v1/me", h.token()).statusCode()).isEqualTo(200);

        assertThat(Http.api(port).json("DELETE", "/api/v1/auth/tokens/" + firstId, second, "").statusCode())
                .isEqualTo(204);
        assertThat(Http.api(port).get("/api/v1/me", h.token()).statusCode()).isEqualTo(401);
        assertThat(Http.api(port).get("/api/v1/me", second).statusCode()).isEqualTo(200);

        // the page lists them in Chinese and revokes the second
        String page = h.browser().get("/account/tokens").body();
        assertThat(page).contains("我的接口令牌").contains("已吊销").contains("有效");
        long secondId = jdbc.sql("select max(t.id) from api_token t join person p on p.id = t.person_id "
                + "where p.username = 't.rev-tokens'").query(Long.class).single();
        assertThat(h.browser().post("/account/tokens/" + secondId + "/revoke", Map.of()).statusCode()).isEqualTo(302);
        assertThat(Http.api(port).get("/api/v1/me", second).statusCode()).isEqualTo(401);
    }
}
