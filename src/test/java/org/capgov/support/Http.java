package org.capgov.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Real HTTP against the running server: token calls for the API, a cookie session for pages. */
public final class Http {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private final boolean browser;
    private String csrf;

    private Http(String base, HttpClient client, boolean browser) {
        this.base = base;
        this.client = client;
        this.browser = browser;
    }

    /** A client without cookies, for the API. */
    public static Http api(int port) {
        return new Http("http://localhost:" + port, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).build(), false);
    }

    /** A browser-like client that keeps its session cookie. */
    public static Http browser(int port) {
        return new Http("http://localhost:" + port, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build(), true);
    }

    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (browser) {
            b.header("Accept", "text/html,application/xhtml+xml");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    public HttpResponse<String> get(String path) {
        return get(path, null);
    }

    public HttpResponse<String> json(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    /** Logs in through the form; returns the redirect target. */
    public String login(String username, String password) {
        String page = get("/login").body();
        Matcher m = CSRF_INPUT.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field on the login page");
        }
        HttpResponse<String> r = form("/login", Map.of("username", username, "password", password, "_csrf", m.group(1)));
        return r.headers().firstValue("Location").orElse("");
    }

    /**
     * Posts a form with the session's CSRF token (read from the home page once). The public pages keep their token in
     * a cookie instead of the session: for them it is read from the page of the form itself.
     */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        if (path.startsWith("/public/")) {
            String page = get(path).body();
            Matcher m = CSRF_INPUT.matcher(page);
            Matcher meta = CSRF_META.matcher(page);
            Map<String, String> all = new java.util.HashMap<>(fields);
            all.put("_csrf", m.find() ? m.group(1) : meta.find() ? meta.group(1) : "");
            return form(path, all);
        }
        if (csrf == null) {
            Matcher m = CSRF_META.matcher(get("/account/password").body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token in page");
            }
            csrf = m.group(1);
        }
        Map<String, String> all = new java.util.HashMap<>(fields);
        all.put("_csrf", csrf);
        return form(path, all);
    }

    private HttpResponse<String> form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Exchanges a password for an API token. */
    public String token(String username, String password) {
        HttpResponse<String> r = json("POST", "/api/v1/auth/token", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token for " + username + ": " + r.statusCode() + " " + r.body());
        }
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException(r.body());
        }
        return m.group(1);
    }
}
