package org.capgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator logs in with a real browser (Debian's Chromium driven by Playwright), sees the Chinese dashboard and
 * switches to English. Skipped, with the reason printed, where Chromium is not installed.
 */
class BrowserIT extends IntegrationTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CAPGOV_CHROMIUM", "/usr/bin/chromium"));

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;

    @Test
    void coordinatorSeesChineseDashboardThenSwitchesToEnglish() {
        if (!Files.isExecutable(CHROMIUM)) {
            System.out.println("BrowserIT skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
        testPeople.ensure(Role.COORDINATOR);
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync", "--no-first-run")))) {
            Page page = browser.newPage();
            page.navigate("http://localhost:" + port + "/");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
            page.fill("#username", TestPeople.username(Role.COORDINATOR));
            page.fill("#password", TestPeople.PASSWORD);
            page.click("#login-submit");
            assertThat(page.locator("#welcome")).containsText("欢迎");
            assertThat(page.locator("body")).containsText("行政区划（现行）");
            assertThat(page.locator("#figure-regions")).hasText(java.util.regex.Pattern.compile("\\d+"));
            // the chart is drawn by ECharts from the WebJar
            assertThat(page.locator("#regions-by-kind canvas")).hasCount(1);
            Path shots = Path.of("target", "screenshots");
            shots.toFile().mkdirs();
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("dashboard-zh.png")).setFullPage(true));

            // the other pages of the shell render for a coordinator
            page.navigate("http://localhost:" + port + "/regions/500102");
            assertThat(page.locator("h1")).containsText("涪陵区");
            assertThat(page.locator("#air-zone")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("region-zh.png")).setFullPage(true));
            page.navigate("http://localhost:" + port + "/admin/people");
            assertThat(page.locator("#people-table")).containsText(TestPeople.username(Role.COORDINATOR));
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("people-zh.png")).setFullPage(true));
            page.navigate("http://localhost:" + port + "/audit");
            assertThat(page.locator("#audit-table")).containsText("登录");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("audit-zh.png")).setFullPage(true));
            page.navigate("http://localhost:" + port + "/");

            page.click("#lang-switch");
            assertThat(page.locator("#welcome")).containsText("Welcome");
            assertThat(page.locator("body")).containsText("Regions (current)");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("dashboard-en.png")).setFullPage(true));
        }
    }
}
