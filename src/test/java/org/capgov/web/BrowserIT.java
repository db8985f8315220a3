package org.capgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import org.capgov.identity.Role;
import org.capgov.support.BrowserSession;
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

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;

    @Test
    void coordinatorSeesChineseDashboardThenSwitchesToEnglish() {
        BrowserSession.assumeChromium("BrowserIT");
        testPeople.ensure(Role.COORDINATOR);
        try (BrowserSession browser = BrowserSession.open(port)) {
            Page page = browser.page();
            page.navigate("http://localhost:" + port + "/");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
            browser.logIn(page, TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
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
