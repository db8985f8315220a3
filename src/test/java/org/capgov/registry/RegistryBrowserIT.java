package org.capgov.registry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.capgov.identity.Role;
import org.capgov.support.BrowserSession;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coordinator searches the registry in a real browser (Debian's Chromium driven by Playwright), opens an
 * enterprise and an item, looks at a region's capacity chart, picks an equipment type and sees its parameter
 * inputs appear (htmx), and reads the equipment-type reference. Screenshots go to target/screenshots/registry-*.png.
 * Skipped, with the reason printed, where Chromium is not installed.
 */
class RegistryBrowserIT extends IntegrationTest {

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

    @Test
    void coordinatorSearchesOpensAnEnterpriseAndSeesTheRegionChart() {
        BrowserSession.assumeChromium("RegistryBrowserIT");
        testPeople.ensure(Role.COORDINATOR);
        RegistryPagesIT.fixture(enterprises, equipment, jdbc);
        String base = "http://localhost:" + port;
        Path shots = Path.of("target", "screenshots");
        shots.toFile().mkdirs();
        try (BrowserSession browser = BrowserSession.open(port)) {
            Page page = browser.login(TestPeople.username(Role.COORDINATOR));
            assertThat(page.locator("#welcome")).containsText("欢迎");

            // search by name, then by industry and status
            page.navigate(base + "/registry/enterprises");
            assertThat(page.locator("h1")).hasText("企业名录");
            page.fill("#q", "页面测试");
            page.selectOption("#sort", "region");
            page.click("#search-submit");
            assertThat(page.locator("#enterprise-table tbody tr")).hasCount(4);
            assertThat(page.locator("#enterprise-table")).containsText("涪陵页面测试钢铁有限公司");
            assertThat(page.locator("#enterprise-table")).containsText("整改中");
            assertThat(page.locator("#result-count")).containsText("共 4 家企业");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("registry-search.png")).setFullPage(true));
            page.selectOption("#industry", "COKING");
            page.click("#search-submit");
            assertThat(page.locator("#enterprise-table tbody tr")).hasCount(2);

            // the enterprise page: identity, equipment with parameters, history, audit
            page.click("text=涪陵页面测试钢铁有限公司");
            assertThat(page.locator("#enterprise-name")).hasText("涪陵页面测试钢铁有限公司");
            assertThat(page.locator("#equipment-table")).containsText("有效容积");
            assertThat(page.locator("#equipment-table")).containsText("铸造生铁");
            assertThat(page.locator("#status-history")).containsText("涪经信发〔2024〕9号");
            assertThat(page.locator("#audit-history")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("registry-enterprise.png")).setFullPage(true));

            page.click("#equipment-table >> text=BF1");
            assertThat(page.locator("#parameter-table")).containsText("1,200");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("registry-equipment.png")).setFullPage(true));

            // new equipment: choosing the type brings its parameters in without a page load
            page.navigate(base + "/registry/enterprises/" + RegistryPagesIT.FL_STEEL + "/equipment/new");
            assertThat(page.locator("#choose-type-first")).isVisible();
            page.selectOption("#type-select", "ELECTROLYTIC_CELL_LINE");
            assertThat(page.locator("#param-current_ka")).isVisible();
            assertThat(page.locator("#param-cell_kind")).hasValue("PREBAKED");
            assertThat(page).hasURL(Pattern.compile(".*type=ELECTROLYTIC_CELL_LINE$"));
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("registry-equipment-new.png")).setFullPage(true));

            // the region page draws its charts with ECharts
            page.navigate(base + "/registry/regions/500238");
            assertThat(page.locator("#capacity-by-product")).containsText("775,000");
            assertThat(page.locator("#capacity-chart canvas")).hasCount(1);
            assertThat(page.locator("#count-chart canvas")).hasCount(1);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("registry-region.png")).setFullPage(true));

            // a refused registration: the reasons are listed next to the form and the input is kept
            page.navigate(base + "/registry/enterprises/new");
            assertThat(page.locator("#enterprise-form")).isVisible();
            String code = RegistryPagesIT.uscc("500238", "P0000041");
            page.fill("#uscc", code.substring(0, 17) + (code.charAt(17) == '1' ? '2' : '1'));
            page.fill("#name", "浏览器拒绝测试企业");
            page.selectOption("#region", "500238");
            page.click("#enterprise-submit");
            assertThat(page.locator("#refusal")).containsText("统一社会信用代码校验未通过");
            assertThat(page.locator("#refusal")).containsText("至少填写一个行业代码");
            assertThat(page.locator("#name")).hasValue("浏览器拒绝测试企业");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("registry-enterprise-refused.png")).setFullPage(true));

            page.navigate(base + "/registry/equipment-types");
            assertThat(page.locator("#type-BLAST_FURNACE")).containsText("有效容积");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("registry-types.png")).setFullPage(false));

            page.navigate(base + "/registry/enterprises/" + RegistryPagesIT.FL_STEEL + "?lang=en");
            assertThat(page.locator("#equipment-table")).containsText("Effective volume");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("registry-enterprise-en.png")).setFullPage(true));
        }
    }
}
