package org.capgov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.capgov.identity.Person;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The inbox page and API for every role: each person sees, reads and opens only their own notices. */
class InboxIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    NoticeFixtures fixtures;
    @Autowired
    InboxRepository inbox;

    private long deliver(Person to, String title, String link) {
        Notice notice = Notice.of("TEST", title, "正文：" + title).linkingTo(link).once(NoticeFixtures.key());
        return inbox.insert(notice, List.of(to.id())).get(0).notificationId();
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static List<String> titles(JsonNode view) {
        List<String> titles = new ArrayList<>();
        view.get("notifications").forEach(n -> titles.add(n.get("title").asString()));
        return titles;
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void apiShowsAndReadsOnlyTheCallersNotices(Role role) {
        Person me = people.ensure(role);
        Person other = fixtures.person("ni.other", "CQ-JXW", Role.OBSERVER, "500000");
        String mine = "我的通知 " + role.ordinal() + " " + NoticeFixtures.key();
        String theirs = "他人的通知 " + NoticeFixtures.key();
        long mineId = deliver(me, mine, "/inbox");
        long theirsId = deliver(other, theirs, "/inbox");

        Http http = Http.api(port);
        String token = http.token(me.username(), TestPeople.PASSWORD);
        JsonNode view = json(http.get("/api/v1/notifications?unread=true", token));
        assertThat(titles(view)).contains(mine).doesNotContain(theirs);
        assertThat(view.get("unread").asLong()).isGreaterThanOrEqualTo(1);

        HttpResponse<String> foreign = http.json("POST", "/api/v1/notifications/" + theirsId + "/read", token, "");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json(foreign).get("detail").asString()).contains("不存在");
        assertThat(inbox.find(other.id(), theirsId).orElseThrow().read()).isFalse();

        HttpResponse<String> read = http.json("POST", "/api/v1/notifications/" + mineId + "/read", token, "");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("readAt").isNull()).isFalse();
        assertThat(titles(json(http.get("/api/v1/notifications?unread=true", token)))).doesNotContain(mine);
        assertThat(titles(json(http.get("/api/v1/notifications?limit=200", token)))).contains(mine);
    }

    @Test
    void theApiListIsPagedAndItsLimitCapped() {
        Person me = fixtures.person("ni.pager", "CQ-JXW", Role.OBSERVER, "500000");
        Http http = Http.api(port);
        String token = http.token(me.username(), TestPeople.PASSWORD);
        assertThat(http.json("POST", "/api/v1/notifications/read-all", token, "").statusCode()).isEqualTo(200);
        String key = NoticeFixtures.key();
        deliver(me, "分页一 " + key, "/inbox");
        deliver(me, "分页二 " + key, "/inbox");
        deliver(me, "分页三 " + key, "/inbox");

        JsonNode first = json(http.get("/api/v1/notifications?unread=true&limit=2", token));
        assertThat(titles(first)).containsExactly("分页三 " + key, "分页二 " + key);
        assertThat(first.get("more").asBoolean()).isTrue();
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("unread").asLong()).isEqualTo(3);
        JsonNode second = json(http.get("/api/v1/notifications?unread=true&limit=2&page=1", token));
        assertThat(titles(second)).containsExactly("分页一 " + key);
        assertThat(second.get("more").asBoolean()).isFalse();

        for (String bad : List.of("limit=201", "limit=1000000", "limit=0", "page=-1")) {
            HttpResponse<String> r = http.get("/api/v1/notifications?" + bad, token);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(json(r).get("field").asString()).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
        assertThat(json(http.get("/api/v1/notifications?limit=1000000", token)).get("detail").asString())
                .contains("200");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void pageShowsTheCallersNoticesWithTheBadgeAndOpensTheirLinks(Role role) {
        Person me = people.ensure(role);
        Person other = fixtures.person("ni.other", "CQ-JXW", Role.OBSERVER, "500000");
        String mine = "页面通知 " + role.ordinal() + " " + NoticeFixtures.key();
        String theirs = "他人的页面通知 " + NoticeFixtures.key();
        long mineId = deliver(me, mine, "/account/password");
        long theirsId = deliver(other, theirs, "/inbox");

        Http browser = Http.browser(port);
        browser.login(me.username(), TestPeople.PASSWORD);
        HttpResponse<String> page = browser.get("/inbox");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(mine).doesNotContain(theirs).contains("id=\"inbox-badge\"")
                .contains("id=\"notice-" + mineId + "\"");
        assertThat(browser.get("/").body()).contains("id=\"inbox-badge\"");

        assertThat(browser.post("/inbox/" + theirsId + "/read", Map.of()).statusCode()).isEqualTo(404);
        assertThat(browser.post("/inbox/" + theirsId + "/open", Map.of()).statusCode()).isEqualTo(404);
        assertThat(inbox.find(other.id(), theirsId).orElseThrow().read()).isFalse();

        HttpResponse<String> open = browser.post("/inbox/" + mineId + "/open", Map.of());
        assertThat(open.statusCode()).isEqualTo(302);
        assertThat(open.headers().firstValue("Location").orElse("")).endsWith("/account/password");
        assertThat(inbox.find(me.id(), mineId).orElseThrow().read()).isTrue();

        assertThat(browser.post("/inbox/read-all", Map.of()).statusCode()).isEqualTo(302);
        assertThat(inbox.unread(me.id())).isZero();
        assertThat(browser.get("/inbox").body()).doesNotContain("id=\"inbox-badge\"");
        assertThat(inbox.find(other.id(), theirsId).orElseThrow().read()).isFalse();
    }

    @Test
    void unreadNoticesComeFirstThenTheNewest() {
        Person me = fixtures.person("ni.order", "CQ-JXW", Role.OBSERVER, "500000");
        String older = "较早 " + NoticeFixtures.key();
        String newer = "较新 " + NoticeFixtures.key();
        String newest = "最新 " + NoticeFixtures.key();
        deliver(me, older, null);
        long newerId = deliver(me, newer, null);
        deliver(me, newest, null);
        inbox.markRead(me.id(), newerId);

        Http http = Http.api(port);
        List<String> titles = titles(json(http.get("/api/v1/notifications", http.token(me.username(), TestPeople.PASSWORD))));
        assertThat(titles.indexOf(newest)).isLessThan(titles.indexOf(older));
        assertThat(titles.indexOf(older)).isLessThan(titles.indexOf(newer));
    }

    @Test
    void anonymousCallersAreKeptOut() {
        assertThat(Http.api(port).get("/api/v1/notifications").statusCode()).isEqualTo(401);
        HttpResponse<String> page = Http.browser(port).get("/inbox");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).contains("/login");
    }
}
