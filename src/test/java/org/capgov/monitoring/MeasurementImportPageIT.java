package org.capgov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The upload page: a logged-in official uploads a file and sees the outcome, or the error table, on the page. */
class MeasurementImportPageIT extends IntegrationTest {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    JdbcClient jdbc;

    HttpClient browser;

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
    }

    private static String csrf(String page) {
        Matcher m = CSRF_INPUT.matcher(page);
        assertThat(m.find()).as("CSRF field").isTrue();
        return m.group(1);
    }

    private void login() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        testPeople.ensure(Role.COORDINATOR);
        String form = "username=" + TestPeople.username(Role.COORDINATOR) + "&password="
                + URLEncoder.encode(TestPeople.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf(get("/login").body());
        send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> upload(String csrf, String csv) {
        String boundary = "----capgov-page-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"page.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/monitoring/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    @Test
    void uploadsFromThePageAndShowsTheOutcome() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000301");
        login();
        HttpResponse<String> page = get("/monitoring/import");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"measurement-import-form\"").contains("/monitoring/import/template.csv");
        assertThat(get("/monitoring/import/template.csv").body()).contains("统一社会信用代码");

        String header = "统一社会信用代码,指标,数值,单位,时间,来源\n";
        HttpResponse<String> refused = upload(csrf(page.body()), header + e.uscc() + ",so2_conc,12,kg/t,2016-06-30 10:00,INSPECTION\n");
        assertThat(refused.statusCode()).isEqualTo(302);
        String afterRefusal = get("/monitoring/import").body();
        assertThat(afterRefusal).contains("id=\"import-errors\"").contains("kg/t").contains("量纲");

        HttpResponse<String> accepted = upload(csrf(afterRefusal), header + e.uscc() + ",so2_conc,12,mg/m3,2016-06-30 10:00,INSPECTION\n");
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(get("/monitoring/import").body()).contains("id=\"import-result\"").doesNotContain("id=\"import-errors\"");
        assertThat(jdbc.sql("select count(*) from measurement where enterprise_id = :id").param("id", e.id())
                .query(Long.class).single()).isEqualTo(1);
    }
}
