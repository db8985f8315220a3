package org.capgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every endpoint of endpoint-authorization*.tsv, called by an administrator (and anonymously where public) with
 * malformed input: a body of the wrong type, a NUL or another control character in a query parameter, a JSON
 * string or a form field (the characters taken in turn, endpoint by endpoint), a method
 * the path does not take, a path or parameter the firewall refuses. None may answer 500; on the API every refusal
 * is problem+json with a Chinese detail.
 */
class EndpointSweepIT extends IntegrationTest {

    private static final Pattern CHINESE_DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"[^\"]*[\\u4e00-\\u9fff]");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    /** NUL, other C0 controls and DEL: each endpoint gets the next one, so that every kind reaches many endpoints. */
    private static final List<Character> CONTROLS = List.of('\u0000', '\u0001', '\u0007', '\u001b', '\u001f', '\u007f');

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String token;
    private Http session;
    private String person;
    private final List<String> wrong = new ArrayList<>();

    @BeforeEach
    void administrator() {
        testPeople.ensure(Role.ADMIN);
        token = Http.api(port).token(TestPeople.username(Role.ADMIN), TestPeople.PASSWORD);
        session = Http.browser(port);
        session.login(TestPeople.username(Role.ADMIN), TestPeople.PASSWORD);
        person = Long.toString(testPeople.ensure(TestPeople.person("t.sweep-target", "CQ-JXW", Role.OBSERVER, "500000",
                Set.of(), null)).id());
    }

    private String path(EndpointAuthorizationMatrixIT.Row row) {
        long dept = jdbc.sql("select id from department where code = 'CQ-TJJ'").query(Long.class).single();
        return row.samplePath().replace("{person}", person).replace("{dept}", Long.toString(dept));
    }

    @Test
    void aBodyOfTheWrongTypeIs415OrAnotherRefusalNever500() throws IOException {
        for (var row : EndpointAuthorizationMatrixIT.matrix()) {
            if (!row.api() || !BODY_METHODS.contains(row.method())) {
                continue;
            }
            for (var bad : Map.of("text/plain", "x", "application/xml", "<a/>",
                    "application/x-www-form-urlencoded", "a=b").entrySet()) {
                HttpResponse<String> r = send(row.method(), path(row), bad.getKey(), bad.getValue(), token);
                check(row.method() + " " + path(row) + " as " + bad.getKey(), r, true);
            }
        }
        assertThat(wrong).as("answers to a body of the wrong type").isEmpty();
    }

    @Test
    void aJsonEndpointAnswersTextPlainWith415() {
        HttpResponse<String> r = send("POST", "/api/v1/people", "text/plain", "x", token);
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("text/plain").contains("application/json").contains("不受支持");
    }

    private static char control(int i) {
        return CONTROLS.get(i % CONTROLS.size());
    }

    @Test
    void aControlCharacterInAQueryParameterIs400Everywhere() throws IOException {
        int i = 0;
        for (var row : EndpointAuthorizationMatrixIT.matrix()) {
            if (!row.method().equals("GET")) {
                continue;
            }
            String path = path(row) + (path(row).contains("?") ? "&" : "?") + "q=a%" + String.format("%02X",
                    (int) control(i++)) + "b";
            HttpResponse<String> r = row.api() ? send("GET", path, null, null, token)
                    : sendPage(path, row.roles().equals("PUBLIC"));
            check("GET " + path, r, row.api());
            if (r.statusCode() != 400) {
                wrong.add("GET " + path + " → " + r.statusCode() + " (expected 400)");
            }
        }
        assertThat(wrong).as("answers to a control character in a query parameter").isEmpty();
        HttpResponse<String> search = send("GET", "/api/v1/public/enterprises?q=%00", null, null, null);
        assertThat(search.statusCode()).isEqualTo(400);
        assertThat(search.body()).contains("\"field\":\"q\"").contains("空字符");
        HttpResponse<String> bell = send("GET", "/api/v1/public/enterprises?q=%E9%87%8D%07", null, null, null);
        assertThat(bell.statusCode()).isEqualTo(400);
        assertThat(bell.body()).contains("\"field\":\"q\"").contains("控制字符").contains("U+0007");
        HttpResponse<String> del = send("GET", "/api/v1/public/enterprises?q=a%7F", null, null, null);
        assertThat(del.body()).contains("\"field\":\"q\"").contains("U+007F");
    }

    @Test
    void tabsAndLineBreaksAreText() {
        HttpResponse<String> r = send("GET", "/api/v1/public/enterprises?q=%E9%87%8D%09%0D%0A", null, null, null);
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void aControlCharacterInAJsonStringNamesTheMember() {
        HttpResponse<String> r = send("POST", "/api/v1/people", "application/json",
                "{\"username\":\"x\",\"displayName\":\"甲\\u001b乙\"}", token);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"displayName\"").contains("控制字符").contains("U+001B");
    }

    @Test
    void onAPageAControlCharacterIsNamedOnTheErrorPage() {
        HttpResponse<String> r = sendPage("/public/enterprises?q=a%01b", true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("搜索词").contains("控制字符").contains("U+0001");
    }

    @Test
    void onAPageAValueOfTheWrongTypeNamesTheFieldAndWhatWasExpected() {
        HttpResponse<String> r = sendPage("/audit?from=2026-13-45", false);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("起始日期").contains("2026-13-45").contains("年-月-日");
        HttpResponse<String> person = sendPage("/admin/people/abc", false);
        assertThat(person.statusCode()).isEqualTo(400);
        assertThat(person.body()).contains("“abc”").contains("整数");
        // a malformed page number is no error on a list: the first page, as on every list (ListFilters)
        assertThat(sendPage("/audit?page=abc", false).statusCode()).isEqualTo(200);
    }

    @Test
    void aTextValueOverTheGeneralLimitIs400NamingTheField() {
        String note = "长".repeat(1_000_000);
        HttpResponse<String> r = send("POST", "/api/v1/people", "application/json", "{\"username\":\"x\",\"displayName\":\""
                + note + "\"}", token);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"displayName\"").contains("过长").contains("1,000,000");
    }

    @Test
    void aControlCharacterInAJsonStringOrAFormFieldIs400() throws IOException {
        int i = 0;
        for (var row : EndpointAuthorizationMatrixIT.matrix()) {
            if (!BODY_METHODS.contains(row.method())) {
                continue;
            }
            char control = control(i++);
            HttpResponse<String> r;
            if (row.api()) {
                String body = row.sampleBody() == null || row.sampleBody().isBlank() ? "{}" : row.sampleBody();
                String escaped = String.format("\\u%04x", (int) control);
                body = body.startsWith("{") ? "{\"name\":\"a" + escaped + "b\"" + (body.trim().equals("{}") ? "}" : "," + body.substring(1))
                        : body;
                r = send(row.method(), path(row), "application/json", body, token);
            } else {
                r = session.post(path(row), Map.of("name", "a" + control + "b"));
            }
            String what = row.method() + " " + path(row) + " with U+" + String.format("%04X", (int) control);
            check(what, r, row.api());
            if (row.api() && row.sampleBody() != null && row.sampleBody().startsWith("{") && r.statusCode() != 400) {
                wrong.add(what + " → " + r.statusCode() + " (expected 400)");
            }
        }
        assertThat(wrong).as("answers to a control character in a body").isEmpty();
    }

    @Test
    void aMethodThePathDoesNotTakeIs405ProblemJson() throws IOException {
        for (var row : EndpointAuthorizationMatrixIT.matrix()) {
            if (!row.api()) {
                continue;
            }
            HttpResponse<String> r = send("PATCH", path(row), "application/json", "{}", token);
            check("PATCH " + path(row), r, true);
        }
        assertThat(wrong).as("answers to an unsupported method").isEmpty();
        HttpResponse<String> r = send("PATCH", "/api/v1/me", "application/json", "{}", token);
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.body()).contains("不支持 PATCH 方法");
    }

    @Test
    void firewallRefusalsAre400ProblemJsonOnTheApi() {
        for (String path : List.of("/api/v1/me;x=1", "/api/v1//me", "/api/v1/people%25", "/api/v1/public/enterprises;x")) {
            HttpResponse<String> r = send("GET", path, null, null, token);
            check("GET " + path, r, true);
            if (r.statusCode() != 400) {
                wrong.add("GET " + path + " → " + r.statusCode() + " (expected 400)");
            }
        }
        HttpResponse<String> page = sendPage("/public/enterprises;x", true);
        if (page.statusCode() != 400) {
            wrong.add("GET /public/enterprises;x → " + page.statusCode());
        }
        assertThat(wrong).as("answers to requests the firewall refuses").isEmpty();
    }

    private void check(String what, HttpResponse<String> r, boolean api) {
        if (r.statusCode() >= 500) {
            wrong.add(what + " → " + r.statusCode());
            return;
        }
        if (api && r.statusCode() >= 400) {
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json") || !CHINESE_DETAIL.matcher(r.body()).find()) {
                wrong.add(what + " → " + r.statusCode() + " " + type + " " + r.body());
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> sendPage(String path, boolean anonymous) {
        return anonymous ? Http.browser(port).get(path) : session.get(path);
    }
}
