package org.capgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role × endpoint matrix: every endpoint of the platform is listed in endpoint-authorization.tsv with the roles
 * that may call it, carries an explicit rule, and is called by every role (and by nobody) to prove the table.
 */
class EndpointAuthorizationMatrixIT extends IntegrationTest {

    record Row(String method, String pattern, String roles, String samplePath, String sampleBody) {
        boolean allows(Role role) {
            return roles.equals("PUBLIC") || roles.equals("AUTHENTICATED") || Set.of(roles.split(",")).contains(role.name());
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyEndpointIsInTheMatrixAndHasAnExplicitRule() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (Row row : matrix()) {
            declared.add(row.method() + " " + row.pattern());
        }
        Set<String> actual = new TreeSet<>();
        List<String> withoutRule = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.capgov")) {
                continue;
            }
            for (String pattern : e.getKey().getPatternValues()) {
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    actual.add(method.name() + " " + pattern);
                }
            }
            boolean ruled = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PermitAll.class);
            if (!ruled) {
                withoutRule.add(handler.getShortLogMessage());
            }
        }
        assertThat(withoutRule).as("handler methods without @PreAuthorize or @PermitAll").isEmpty();
        assertThat(actual).as("endpoints missing from endpoint-authorization.tsv").isSubsetOf(declared);
        assertThat(declared).as("rows of endpoint-authorization.tsv with no endpoint").isSubsetOf(actual);
    }

    @Test
    void everyRoleGetsExactlyWhatTheMatrixSays() throws IOException {
        long target = testPeople.ensure(TestPeople.person("t.matrix-target", "CQ-JXW", Role.OBSERVER, "500000",
                Set.of(), null)).id();
        long dept = jdbc.sql("select id from department where code = 'CQ-TJJ'").query(Long.class).single();
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        Map<Role, Http> sessions = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            testPeople.ensure(role);
            tokens.put(role, Http.api(port).token(TestPeople.username(role), TestPeople.PASSWORD));
            Http browser = Http.browser(port);
            browser.login(TestPeople.username(role), TestPeople.PASSWORD);
            sessions.put(role, browser);
        }
        List<String> wrong = new ArrayList<>();
        for (Row row : matrix()) {
            String path = row.samplePath().replace("{person}", Long.toString(target)).replace("{dept}", Long.toString(dept));
            String body = row.sampleBody() == null ? null
                    : row.sampleBody().replace("{person}", Long.toString(target));
            int anonymous = call(row, row.api() ? Http.api(port) : Http.browser(port), null, path, body, true);
            boolean anonymousIn = anonymous != 401 && anonymous != 403 && anonymous != 302;
            if (anonymousIn != row.roles().equals("PUBLIC")) {
                wrong.add(row.method() + " " + path + " anonymous → " + anonymous);
            }
            for (Role role : Role.values()) {
                int status = call(row, row.api() ? Http.api(port) : sessions.get(role), tokens.get(role), path, body, false);
                boolean in = status != 401 && status != 403;
                if (in != row.allows(role) || status >= 500) {
                    wrong.add(row.method() + " " + path + " " + role + " → " + status);
                }
            }
        }
        assertThat(wrong).as("answers that contradict endpoint-authorization.tsv").isEmpty();
    }

    private static int call(Row row, Http http, String token, String path, String body, boolean anonymous) {
        HttpResponse<String> r;
        if (row.api()) {
            r = row.method().equals("GET") ? http.get(path, token) : http.json(row.method(), path, token, body);
        } else if (row.method().equals("GET")) {
            r = http.get(path);
        } else if (anonymous) {
            // no session, so no CSRF token either: the login redirect or 403 both keep an anonymous caller out
            r = http.json("POST", path, null, "");
        } else {
            r = http.post(path, form(body));
        }
        if (!row.api() && r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").contains("/login")) {
            return 401;
        }
        return r.statusCode();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body != null && !body.isBlank()) {
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                fields.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return fields;
    }

    /** Rows of endpoint-authorization.tsv and of every endpoint-authorization-<area>.tsv beside it. */
    static List<Row> matrix() throws IOException {
        List<Row> rows = new ArrayList<>();
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        for (var resource : resolver.getResources("classpath*:endpoint-authorization*.tsv")) {
            rows.addAll(rows(resource.getContentAsString(StandardCharsets.UTF_8)));
        }
        return rows;
    }

    private static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            rows.add(new Row(f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : null));
        }
        return rows;
    }
}
