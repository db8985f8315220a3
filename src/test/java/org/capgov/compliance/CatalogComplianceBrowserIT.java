package org.capgov.compliance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.BrowserSession;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue and compliance pages in a real browser (Debian's Chromium driven by Playwright): a coordinator reads
 * the coverage page and a rule with its citation, drafts a stricter blast-furnace limit, sees in the what-if which
 * furnace would fail, publishes; then runs an evaluation, waits for its progress to finish, filters the findings and
 * drills down to the rule text. The data files' limit is published again afterwards. Screenshots go to
 * target/screenshots/catalogue-*.png and compliance-*.png. Skipped where Chromium is not installed.
 */
class CatalogComplianceBrowserIT extends IntegrationTest {

    static final String RULE = ComplianceRunWhatIfIT.RULE;

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;

    @Test
    void coordinatorDraftsComparesPublishesAndFollowsARunToTheRuleText() {
        BrowserSession.assumeChromium("CatalogueComplianceBrowserIT");
        testPeople.ensure(Role.COORDINATOR);
        Http api = Http.api(port);
        String token = api.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        discardOpenDrafts(api, token);
        String steel = ComplianceRunIT.uscc("500102", "R9000051");
        ComplianceRunIT.enterprise(api, token, steel, "500102", "STEEL", ComplianceRunWhatIfIT.BF_450);
        String base = "http://localhost:" + port;
        Path shots = Path.of("target", "screenshots");
        shots.toFile().mkdirs();
        LocatorAssertions.ContainsTextOptions slow = new LocatorAssertions.ContainsTextOptions().setTimeout(120_000);
        try (BrowserSession browser = BrowserSession.open(port)) {
            Page page = browser.login(TestPeople.username(Role.COORDINATOR));
            page.setDefaultTimeout(60_000);
            assertThat(page.locator("#welcome")).containsText("欢迎");

            // the coverage page, then a rule with its citation
            page.navigate(base + "/catalog");
            assertThat(page.locator("#coverage-table")).containsText("渝府发〔2014〕3号");
            assertThat(page.locator("#coverage-totals")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("catalogue-coverage.png")).setFullPage(true));
            page.navigate(base + "/catalog/rules/" + RULE);
            assertThat(page.locator("#rule-citation")).containsText("高炉有效容积达到400m3以上");
            assertThat(page.locator("#rule-citation")).containsText("渝府发〔2014〕3号");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("catalogue-rule.png")).setFullPage(true));

            // a draft with a stricter limit
            page.navigate(base + "/catalog");
            page.click("#create-draft");
            assertThat(page.locator("h1")).containsText("草稿");
            String label = page.url().replaceAll(".*/catalog/drafts/", "").replaceAll("[?#].*", "");
            page.navigate(base + "/catalog/rules/" + RULE + "?version=" + label);
            page.fill("#limit", "500");
            page.click("#edit-form button[type=submit]");
            assertThat(page.locator("#rule-limit")).containsText("500");
            page.navigate(base + "/catalog/drafts/" + label);
            assertThat(page.locator("#diff-" + RULE)).containsText("500");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("catalogue-draft.png")).setFullPage(true));

            // the what-if shows the edited rule and the furnace that would fail
            page.navigate(base + "/compliance/what-if");
            page.selectOption("#draft", label);
            page.fill("#asOf", "2023-06-30");
            page.click("#what-if-submit");
            assertThat(page.locator("#what-if-catalogue-changes")).containsText(RULE, slow);
            assertThat(page.locator("#what-if-catalogue-changes")).containsText("400 → 500");
            assertThat(page.locator("#what-if-changes")).containsText(steel);
            assertThat(page.locator("#what-if-pager")).containsText("第 1 /");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("catalogue-what-if.png")).setFullPage(true));

            // publish
            page.navigate(base + "/catalog/drafts/" + label);
            page.check("#publish-confirm");
            page.click("#publish-form button[type=submit]");
            assertThat(page.locator("#published-version")).containsText(label);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("catalogue-published.png")).setFullPage(true));

            // an evaluation run, followed until it is done
            page.navigate(base + "/compliance/runs");
            page.fill("#asOf", "2023-06-30");
            page.uncheck("#incremental");
            page.click("#run-submit");
            assertThat(page.locator("#run-status")).containsText("完成", slow);
            assertThat(page.locator("#run-findings")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("compliance-run.png")).setFullPage(true));

            // findings filtered down to the furnace, then the rule text behind them
            page.click("#findings-link");
            page.fill("#uscc", steel);
            page.selectOption("#status", "NONCOMPLIANT");
            page.click("#filter-submit");
            assertThat(page.locator("#finding-table")).containsText(RULE);
            assertThat(page.locator("#result-count")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("compliance-findings.png")).setFullPage(true));
            page.click("#finding-table >> text=" + RULE);
            assertThat(page.locator("#rule-citation")).containsText("高炉有效容积达到400m3以上");
            assertThat(page.locator("#rule-limit")).containsText("500");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("compliance-rule.png")).setFullPage(true));
        } finally {
            restoreLimit(api, token);
        }
    }

    private void discardOpenDrafts(Http api, String token) {
        for (JsonNode v : json.readTree(api.get("/api/v1/catalog/versions", token).body())) {
            if (v.get("state").asString().equals("DRAFT")) {
                api.json("POST", "/api/v1/catalog/drafts/" + v.get("label").asString() + "/discard", token, "");
            }
        }
    }

    /** The other tests expect the data files' 400 m3. */
    private void restoreLimit(Http api, String token) {
        discardOpenDrafts(api, token);
        JsonNode rule = json.readTree(api.get("/api/v1/catalog/rules/" + RULE, token).body()).get("rule");
        if (rule.get("limit").asInt() != 400) {
            String label = json.readTree(api.json("POST", "/api/v1/catalog/drafts", token, "").body()).get("label").asString();
            api.json("PUT", "/api/v1/catalog/drafts/" + label + "/rules/" + RULE, token, "{\"limit\":400}");
            api.json("POST", "/api/v1/catalog/drafts/" + label + "/publish", token, "");
        }
    }
}
