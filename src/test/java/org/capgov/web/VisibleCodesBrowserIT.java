package org.capgov.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every role walks its pages in a real browser; no page may show an unlabelled code (bf_energy, DOUBLE_DUO_WIRE,
 * VIOLATION…) in its visible text. A steel works with a double-duo wire mill (淘汰类) and a 350 m³ blast furnace
 * gives the findings pages elimination items; at 1280 and 2560 px the findings stay beside the sidebar with the
 * 结论 column on screen. Skipped where Chromium is not installed.
 */
class VisibleCodesBrowserIT extends IntegrationTest {

    static final String STEEL = Uscc.compose("91", "500102", "R9000161");
    static final String MILL = """
            {"code":"RM1","type":"ROLLING_MILL","parameters":{"mill_type":"DOUBLE_DUO_WIRE","special_steel":false},
             "product":"STEEL_PRODUCTS","annualCapacity":120000,"commissioned":"2004-03-01"}""";
    static final String FURNACE = """
            {"code":"BF1","type":"BLAST_FURNACE","parameters":{"volume_m3":350,"purpose":"GENERAL"},"product":"PIG_IRON",
             "annualCapacity":300000,"commissioned":"2005-05-01"}""";

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    org.capgov.telemetry.gateway.TelemetryGateway gateway;
    @Autowired
    org.capgov.telemetry.validity.AggregationService aggregation;
    @Autowired
    org.capgov.telemetry.quality.QualityService quality;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    org.capgov.support.MovableClock clock;

    @Test
    void noRoleReadsACodeAndTheFindingsStayBesideTheSidebar() {
        assumeTrue(RoleWalk.available(), "no Chromium at " + RoleWalk.CHROMIUM);
        for (Role role : Role.values()) {
            testPeople.ensure(role);
        }
        Http api = Http.api(port);
        String token = api.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        steelWorks(api, token);
        long run = evaluate(api, token);
        String furnace = run + ":" + STEEL + ":CQ2014-STEEL-TECH-BF-VOLUME:BF1";
        // a refusal names the field in Chinese; the problem's field stays the stable code
        HttpResponse<String> refused = api.json("POST", "/api/v1/cases", token, "{\"findingId\":\"" + furnace + "\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"deadline\"").contains("期限");
        HttpResponse<String> opened = api.json("POST", "/api/v1/cases", token, "{\"findingId\":\"" + furnace
                + "\",\"effectiveDate\":\"2016-07-04\",\"deadline\":\"2017-06-30\"}");
        assertThat(opened.statusCode()).as(opened.body()).isIn(201, 409);
        String caseId = api.get("/api/v1/cases?uscc=" + STEEL, token).body()
                .replaceAll("(?s).*?\"id\"\s*:\s*\"([^\"]+)\".*", "$1");
        Map<String, List<String>> codes = new LinkedHashMap<>();
        String findings = "/compliance/findings?run=latest&uscc=" + STEEL;
        try (RoleWalk walk = new RoleWalk(port, 1280, 900)) {
            walk.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
            for (String path : List.of("/", "/regions", "/regions/500102", "/registry/enterprises",
                    "/registry/enterprises/" + STEEL, "/registry/equipment-types", "/catalog", "/catalog/targets",
                    "/catalog/rules/CQ2014-ELIM-ROLLING-MILL", "/compliance/runs", findings,
                    "/compliance/enterprises/" + STEEL, "/enforcement/cases", "/credit", "/credit/check", "/audit",
                    "/reports", "/inbox", "/admin/people", "/admin/departments", "/registry/imports",
                    "/monitoring/import", "/enforcement/cases/" + caseId, "/supervision", "/supervision/notices",
                    "/supervision/annual", "/supervision/tasks/new", "/supervision/problems", "/supervision/leads",
                    "/supervision/problem-lists", "/supervision/awards", "/pricing/surcharges", "/pricing/leads",
                    "/pricing/objections", "/pricing/ledger", "/pricing/scales", "/capacity", "/capacity/warnings")) {
                walk.visit(path, "walk-coordinator" + path.replaceAll("[^a-z0-9]+", "-"));
            }
            // the home page: the work first, each figure a link to its list
            walk.page.navigate(walk.base + "/");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(walk.page.locator("#findings-by-dimension"))
                    .isVisible();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(walk.page.locator("#cases-by-state"))
                    .containsText("已下达限期整改通知书");
            walk.page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                    .setPath(RoleWalk.SHOTS.resolve("home-coordinator.png")).setFullPage(true));
            walk.page.click("#figure-open-cases");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(walk.page)
                    .hasURL(java.util.regex.Pattern.compile(".*/enforcement/cases\\?open=true$"));
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(walk.page.locator("main"))
                    .containsText("涪陵钢铁测试厂");
            // regions are picked by name: 涪陵 finds 涪陵区, offered by the browser's list of region names
            walk.page.navigate(walk.base + "/compliance/findings");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                    walk.page.locator("#region-options option[value='涪陵区']")).hasCount(1);
            walk.page.fill("#region", "涪陵");
            walk.page.fill("#uscc", STEEL);
            walk.page.click("#filter-submit");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(walk.page.locator("#finding-table"))
                    .containsText("涪陵钢铁测试厂");
            walk.page.navigate(walk.base + "/enforcement/cases?region=" + java.net.URLEncoder.encode("涪陵区",
                    java.nio.charset.StandardCharsets.UTF_8));
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(walk.page.locator("main"))
                    .containsText("涪陵钢铁测试厂");
            // the elimination finding reads in words, and the layout holds at the widths officers use
            walk.page.navigate(walk.base + findings);
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(walk.page.locator("#finding-table"))
                    .containsText("复二重线材");
            for (int width : new int[] {1280, 1600, 2560}) {
                walk.page.setViewportSize(width, 900);
                besideSidebar(walk, width);
                walk.page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                        .setPath(RoleWalk.SHOTS.resolve("findings-" + width + ".png")));
            }
            // the notice states the limit as people write it
            byte[] docx = walk.page.request().get(walk.base + "/enforcement/cases/" + caseId + "/documents/notice.docx")
                    .body();
            try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
                    var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
                assertThat(text.getText()).contains("有效容积为 350 m³", "有效容积 ≥ 400 m³").doesNotContain(">=")
                        .doesNotContain("volume_m3");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            codes.putAll(walk.codesByPage);
        }
        // online monitoring in both languages: a logger of the steel works, four frozen hours above the SO2 limit
        List<String> telemetry = telemetryPages(api, token);
        for (String lang : List.of("zh", "en")) {
            try (RoleWalk walk = new RoleWalk(port, 1280, 900)) {
                walk.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
                walk.page.navigate(walk.base + "/?lang=" + lang);
                for (String path : telemetry) {
                    walk.visit(path, "walk-telemetry-" + lang + path.replaceAll("[^a-z0-9]+", "-"));
                }
                walk.codesByPage.forEach((p, c) -> codes.put(lang + " " + p, c));
            }
        }
        for (Role role : List.of(Role.DISTRICT_OFFICER, Role.DEPARTMENT_OFFICER, Role.ENTERPRISE,
                Role.FINANCIAL_INSTITUTION, Role.GRID_COMPANY, Role.OBSERVER)) {
            try (RoleWalk walk = new RoleWalk(port, 1280, 900)) {
                walk.login(TestPeople.username(role), TestPeople.PASSWORD);
                String name = role.name().toLowerCase().replace('_', '-');
                List<String> paths = new java.util.ArrayList<>(List.of("/", "/compliance/findings",
                        "/enforcement/cases", "/credit/check", "/registry/enterprises", "/inbox", "/pricing/scales"));
                paths.addAll(switch (role) {
                    case ENTERPRISE -> List.of("/pricing/own");
                    case GRID_COMPANY -> List.of("/pricing/surcharges", "/pricing/consumption");
                    case DISTRICT_OFFICER, DEPARTMENT_OFFICER, OBSERVER -> List.of("/supervision", "/pricing/leads",
                            "/pricing/surcharges");
                    default -> List.of();
                });
                for (String path : paths) {
                    walk.visit(path, "walk-" + name + path.replaceAll("[^a-z0-9]+", "-"));
                }
                walk.page.navigate(walk.base + "/");
                String home = role == Role.FINANCIAL_INSTITUTION || role == Role.GRID_COMPANY ? "#checks"
                        : role == Role.OBSERVER ? "#figure-all-cases" : "#my-queue";
                com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(walk.page.locator(home)).isVisible();
                walk.page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                        .setPath(RoleWalk.SHOTS.resolve("home-" + name + ".png")).setFullPage(true));
                walk.codesByPage.forEach((p, c) -> codes.put(role + " " + p, c));
            }
        }
        try (RoleWalk walk = new RoleWalk(port, 1280, 900)) {
            for (String path : List.of("/public", "/public/leads/new", "/public/enterprises", "/public/enterprises?q=" + STEEL,
                    "/login")) {
                walk.visit(path, "walk-public" + path.replaceAll("[^a-z0-9]+", "-"));
            }
            walk.codesByPage.forEach((p, c) -> codes.put("public " + p, c));
        }
        // a logger's MN is the device number people type to find it (like a USCC), not a code of the vocabulary;
        // other tests register the standard's verified packets, whose MN has underscores
        java.util.Set<String> mns = new java.util.HashSet<>(jdbc.sql("select mn from telemetry_logger")
                .query(String.class).list());
        codes.replaceAll((page, found) -> found.stream().filter(c -> !mns.contains(c)).toList());
        codes.values().removeIf(List::isEmpty);
        assertThat(codes).as("codes shown instead of names, by page").isEmpty();
    }

    /** A stack logger of the steel works plays four frozen hours over TCP; the telemetry pages that show them. */
    private List<String> telemetryPages(Http api, String token) {
        String mn = "VISIBLE0CODES00000000001";
        HttpResponse<String> r = api.json("POST", "/api/v1/telemetry/loggers", token, "{\"mn\":\"" + mn
                + "\",\"password\":\"123456\",\"st\":\"31\",\"uscc\":\"" + STEEL + "\",\"equipmentRef\":\"BF1\","
                + "\"factors\":{\"a21026\":\"so2_conc\",\"a21002\":\"nox_conc\",\"a34013\":\"pm_conc\"},"
                + "\"monitoringPoint\":\"STACK\"}");
        assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
        java.time.LocalDateTime start = java.time.LocalDateTime.now(clock.withZone(org.capgov.shared.ChinaTime.ZONE))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS).minusHours(5);
        try {
            new org.capgov.telemetry.simulator.LoggerSimulator("localhost", gateway.port()).play(
                    org.capgov.telemetry.simulator.LoggerSimulator.stackGas(mn, "123456", 900, true,
                            org.capgov.telemetry.simulator.LoggerSimulator.Fault.NONE), start, 240);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        aggregation.run();
        quality.run();
        long alert = jdbc.sql("""
                select a.id from telemetry_quality_alert a join telemetry_logger l on l.id = a.logger_id
                where l.mn = :mn order by a.id limit 1""").param("mn", mn).query(Long.class).single();
        return List.of("/telemetry/loggers", "/telemetry/loggers?uscc=" + STEEL, "/telemetry/overview",
                "/telemetry/alerts", "/telemetry/alerts/" + alert, "/telemetry/loggers/" + mn,
                "/telemetry/loggers/" + mn + "/packets?from=" + start + "&to=" + start.plusHours(1),
                "/registry/enterprises/" + STEEL);
    }

    private static void besideSidebar(RoleWalk walk, int width) {
        BoundingBox sidebar = walk.page.locator("aside.capgov-sidebar").boundingBox();
        BoundingBox main = walk.page.locator("main").boundingBox();
        assertThat(main.x).as("main beside the sidebar at " + width).isGreaterThanOrEqualTo(sidebar.x + sidebar.width - 1);
        assertThat(main.y).as("main level with the sidebar at " + width).isLessThan(sidebar.y + 5);
        Locator status = walk.page.locator("#finding-table thead th", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("结论"));
        BoundingBox column = status.first().boundingBox();
        assertThat(column.x + column.width).as("结论 column on screen at " + width).isLessThanOrEqualTo(width);
    }

    private static void steelWorks(Http api, String token) {
        HttpResponse<String> r = api.json("POST", "/api/v1/enterprises", token, "{\"uscc\":\"" + STEEL
                + "\",\"name\":\"涪陵钢铁测试厂\",\"region\":\"500102\",\"industries\":[\"STEEL\"]}");
        assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
        for (String e : List.of(MILL, FURNACE)) {
            HttpResponse<String> q = api.json("POST", "/api/v1/enterprises/" + STEEL + "/equipment", token, e);
            assertThat(q.statusCode()).as(q.body()).isIn(201, 409);
        }
    }

    private static long evaluate(Http api, String token) {
        long until = System.currentTimeMillis() + 120_000;
        HttpResponse<String> started;
        do {
            started = api.json("POST", "/api/v1/compliance/runs", token, "{\"asOf\":\"2016-06-30\",\"incremental\":false}");
            pause(started.statusCode() == 409);
        } while (started.statusCode() == 409 && System.currentTimeMillis() < until);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = started.body().replaceAll("(?s).*\"id\"\\s*:\\s*(\\d+).*", "$1");
        while (System.currentTimeMillis() < until) {
            String body = api.get("/api/v1/compliance/runs/" + id, token).body();
            if (body.contains("\"DONE\"") || body.contains("\"FAILED\"")) {
                assertThat(body).contains("\"DONE\"");
                return Long.parseLong(id);
            }
            pause(true);
        }
        throw new AssertionError("run " + id + " did not end");
    }

    private static void pause(boolean really) {
        if (really) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
