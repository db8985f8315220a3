package org.capgov.disclosure;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** An anonymous browser: a session cookie, and the CSRF token of the last form it read. */
final class PublicVisitor {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    PublicVisitor(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
        Matcher m = CSRF_INPUT.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    /** Posts the form fields with the CSRF token of the last page read (none when {@code withCsrf} is false). */
    HttpResponse<String> post(String path, Map<String, String> fields, boolean withCsrf) {
        Map<String, String> all = new HashMap<>(fields);
        if (withCsrf) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html").build());
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
}
