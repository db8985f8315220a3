package org.capgov.projects.illegal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.capgov.identity.Role;
import org.capgov.shared.ChinaTime;
import org.capgov.support.Http;
import org.capgov.support.BrowserSession;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * In a real browser (Debian's Chromium driven by Playwright): the district officer of 涪陵 enters a concealed project
 * under construction, first without the demolition deadline (refused in Chinese, the form kept), then with it; the
 * project page shows its class and measures in Chinese with the credit record; the public page shows the result to
 * anyone. Screenshots go to target/screenshots/illegal-*.png. Skipped, with the reason printed, without Chromium.
 */
class IllegalProjectBrowserIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    @Test
    void anOfficerRegistersAConcealedProjectAndThePublicSeesTheResult() {
        BrowserSession.assumeChromium("IllegalProjectBrowserIT");
        IllegalProjectFixtures f = new IllegalProjectFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102");
        String base = "http://localhost:" + port;
        Path shots = Path.of("target", "screenshots");
        shots.toFile().mkdirs();
        LocalDate today = ChinaTime.today(clock);
        try (BrowserSession browser = BrowserSession.open(port)) {
            Page page = browser.login(TestPeople.username(Role.DISTRICT_OFFICER));

            page.navigate(base + "/illegal-projects");
            assertThat(page.locator("h1")).hasText("违规项目清理台账");
            page.fill("#uscc", uscc);
            page.fill("#name", "浏览器违规电炉项目");
            page.selectOption("#industry", "STEEL");
            page.selectOption("#stage", "UNDER_CONSTRUCTION");
            page.selectOption("#procedures", "INCOMPLETE");
            page.check("#concealed");
            page.selectOption("#refKind", "ENVIRONMENT");
            page.fill("#refNumber", "涪环罚〔2026〕12号");
            page.fill("#refIssuer", "涪陵区生态环境局");
            page.fill("#refIssuedOn", today.minusDays(3).toString());
            page.click("#register-submit");
            // no demolition deadline: refused in Chinese, the entries kept
            assertThat(page.locator("#illegal-refusal")).containsText("拆除期限");
            assertThat(page.locator("#name")).hasValue("浏览器违规电炉项目");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("illegal-refused.png")).setFullPage(true));

            page.check("#concealed");
            page.fill("#demolitionDeadline", today.plusMonths(2).toString());
            page.click("#register-submit");
            assertThat(page.locator("#illegal-saved")).isVisible();
            assertThat(page.locator("#project-title")).containsText(Pattern.compile("WG\\d{10}"));
            assertThat(page.locator("#class")).containsText("在建");
            assertThat(page.locator("#class")).containsText("隐瞒不报");
            assertThat(page.locator("#measures")).containsText("限期拆除");
            assertThat(page.locator("#measures")).containsText("金融机构停止发放贷款");
            assertThat(page.locator("#credit a")).containsText("停止发放贷款");
            assertThat(page.locator("#references")).containsText("环保");
            assertThat(page.locator("#references")).containsText("涪环罚〔2026〕12号");
            String number = page.locator("#project-title").textContent().replaceAll(".*(WG\\d{10}).*", "$1");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("illegal-project.png")).setFullPage(true));

            // a step that is not open is refused in Chinese, the step named, not coded
            page.selectOption("#step", "DISTRICT_APPLY");
            page.click("#step-submit");
            assertThat(page.locator("#illegal-refusal")).containsText("当前不能办理");
            assertThat(page.locator("#illegal-refusal")).containsText("提出申请报告");
            assertThat(page.locator("#illegal-refusal")).not().containsText("DISTRICT_APPLY");
            // the city's step is not the district's
            page.selectOption("#step", "CITY_SUBMIT");
            page.click("#step-submit");
            assertThat(page.locator("#illegal-refusal")).containsText("您的角色不能办理");

            Page anonymous = browser.page();
            anonymous.navigate(base + "/public/illegal-projects");
            assertThat(anonymous.locator("h1")).hasText("违规项目处理结果公开");
            assertThat(anonymous.locator("#published")).containsText(number);
            assertThat(anonymous.locator("#published tr", new Page.LocatorOptions().setHasText(number)))
                    .containsText("限期拆除");
            assertThat(anonymous.locator("#published")).not().containsText("UNDER_CONSTRUCTION");
            anonymous.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("illegal-public.png")).setFullPage(true));
        }
    }
}
