package org.capgov.capacity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.capgov.identity.NewPerson;
import org.capgov.support.BrowserSession;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;

/**
 * Report → warning → bank's view → target board in a real browser (Debian's Chromium driven by Playwright): a cement
 * works of 城口县 reports its July clinker output on its own form, the coordinator evaluates July, the bank finds the
 * warning with its citation and the notice in its inbox, the coordinator reads the target board and a target's
 * history, and finds 城口县 red on the district map and clicks through to it. Screenshots go
 * to target/screenshots/capacity-*.png. Skipped, with the reason printed, where Chromium is missing.
 */
class CapacityBrowserIT extends CapacityFixtures {

    String base;
    Path shots;

    @Test
    void reportWarningBankTargetBoard() {
        BrowserSession.assumeChromium("CapacityBrowserIT");
        Enterprise works = cementWorks("500229", 365_000, LocalDate.of(2010, 1, 1));
        NewPerson account = TestPeople.person("t.cap-works", "FL-QZF", Role.ENTERPRISE, "500229", Set.of(), works.uscc());
        people.ensure(account);
        people.ensure(Role.COORDINATOR);
        people.ensure(Role.FINANCIAL_INSTITUTION);
        base = "http://localhost:" + port;
        shots = Path.of("target", "screenshots");
        shots.toFile().mkdirs();
        try (BrowserSession browser = BrowserSession.open(port)) {
            // the enterprise reports July on its own form: 21,000 t of 31,000 t of capacity
            Page enterprise = browser.login(account.username());
            enterprise.click("#nav-capacity-output");
            assertThat(enterprise.locator("#uscc")).hasValue(works.uscc());
            enterprise.selectOption("#product", "CLINKER");
            enterprise.fill("#month", "2025-07");
            enterprise.fill("#quantity", "21000");
            enterprise.click("#output-submit");
            assertThat(enterprise.locator("#output-success")).containsText("第 1 版");
            assertThat(enterprise.locator("#output-table")).containsText("企业自报");
            enterprise.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("capacity-1-report.png")));

            // the coordinator evaluates July
            Page coordinator = browser.login(TestPeople.username(Role.COORDINATOR));
            coordinator.click("#nav-capacity-warnings");
            coordinator.fill("#evaluate-period", "2025-07");
            coordinator.click("#evaluate-submit");
            assertThat(coordinator.locator("#warnings-success")).containsText("评估完成");

            // the bank sees the warning, its history and citation, and the notice
            Page bank = browser.login(TestPeople.username(Role.FINANCIAL_INSTITUTION));
            bank.click("#nav-capacity-warnings");
            bank.fill("#region", "500229");
            bank.click("#warnings-filter button[type=submit]");
            assertThat(bank.locator("#warnings-table")).containsText("城口县");
            assertThat(bank.locator("#warnings-table")).containsText("产能严重过剩");
            bank.click("#warnings-table tr:has-text(\"城口县\") a");
            assertThat(bank.locator("#warning-heading")).containsText("水泥熟料");
            assertThat(bank.locator("#warning-citation")).containsText("渝府发〔2014〕3号");
            assertThat(bank.locator("#warning-history")).containsText("67.7%");
            bank.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("capacity-2-bank-warning.png")));
            bank.navigate(base + "/inbox");
            assertThat(bank.locator("main")).containsText("产能利用率预警：城口县水泥熟料产能严重过剩");

            // the coordinator reads the target board as of the 2018 deadline
            coordinator.click("#nav-capacity-targets");
            coordinator.fill("#region", "500000");
            coordinator.fill("#asOf", "2018-12-31");
            coordinator.click("#targets-form button[type=submit]");
            assertThat(coordinator.locator("#targets-table tbody tr")).hasCount(19);
            assertThat(coordinator.locator("#targets-table")).containsText("渝府发〔2014〕3号");
            coordinator.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("capacity-3-targets.png"))
                    .setFullPage(true));
            coordinator.click("#targets-table a[href*='/capacity/targets/CQ2014-']");
            assertThat(coordinator.locator("#target-sparkline svg")).isVisible();

            // the district map: 城口县 red for July's clinker, one click to the district's figures
            coordinator.navigate(base + "/capacity?product=CLINKER&region=500000&period=2025-07");
            assertThat(coordinator.locator("#district-map path[data-region='500229']")).hasAttribute("fill", "#dc3545");
            assertThat(coordinator.locator("#district-map path[data-region='500155']")).hasCount(1);
            coordinator.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("capacity-4-map.png"))
                    .setFullPage(true));
            coordinator.click("#district-map a[data-region='500229']");
            coordinator.waitForURL(java.util.regex.Pattern.compile(".*/capacity\\?product=CLINKER&region=500229.*"));
            assertThat(coordinator.locator("#utilisation-value")).isVisible();
            coordinator.navigate(base + "/");
            assertThat(coordinator.locator("#district-map svg")).isVisible();
        }
    }
}
