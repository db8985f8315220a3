package org.capgov.pricing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.capgov.identity.NewPerson;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.monitoring.MeasurementService;
import org.capgov.pricing.watch.ConsumptionService;
import org.capgov.registry.EnterpriseService;
import org.capgov.support.BrowserSession;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser (Debian's Chromium driven by Playwright): a smelter's verified 2024 value → the July 2025 list
 * in the grid company's view → acknowledgement and billing → the enterprise's objection with a document → the
 * coordinator's decision; and a closed enterprise drawing power → the lead in the district officer's inbox → a case
 * opened from it. Screenshots go to target/screenshots/pricing-*.png. Skipped where Chromium is missing.
 */
class PricingBrowserIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    MeasurementService measurements;
    @Autowired
    ConsumptionService consumption;
    @Autowired
    JdbcClient jdbc;

    String base;
    Path shots;

    @Test
    void ladderListBillingObjectionDecisionAndWatchLeadToCase() throws Exception {
        BrowserSession.assumeChromium("PricingBrowserIT");
        PricingFixtures fixtures = new PricingFixtures(enterprises, measurements, jdbc);
        PricingFixtures.Works smelter = fixtures.enterprise("500102", "ALUMINIUM", null, null);
        fixtures.verified(smelter, "al_liquid_comprehensive_ac", "13345", 2024);
        PricingFixtures.Works closed = fixtures.enterprise("500102", "STEEL", "CLOSED", LocalDate.of(2024, 1, 1));
        NewPerson account = TestPeople.person("t.pr-" + smelter.uscc().substring(10).toLowerCase(), "FL-QZF",
                Role.ENTERPRISE, "500102", Set.of(), smelter.uscc());
        people.ensure(account);
        people.ensure(Role.GRID_COMPANY);
        people.ensure(Role.COORDINATOR);
        people.ensure(Role.DISTRICT_OFFICER);
        base = "http://localhost:" + port;
        shots = Path.of("target", "screenshots");
        shots.toFile().mkdirs();
        Path document = Files.createTempFile("hecha", ".pdf");
        Files.writeString(document, "%PDF-1.4 test");
        try (BrowserSession browser = BrowserSession.open(port)) {
            // the grid company fetches July's list of 涪陵区, acknowledges it and posts back the billing
            Page grid = browser.login(TestPeople.username(Role.GRID_COMPANY));
            grid.click("#nav-pricing-surcharges");
            grid.fill("#month", "2025-07");
            grid.fill("#region", "500102");
            grid.click("#surcharges-show");
            String row = "#surcharges-table tr[data-account=\"" + smelter.account() + "\"]";
            assertThat(grid.locator(row)).containsText("阶梯电价");
            assertThat(grid.locator(row)).containsText("0.03 元/kWh");
            assertThat(grid.locator(row)).containsText("发改价格〔2021〕1239号");
            assertThat(grid.locator(row)).containsText("未结算");
            grid.click("#acknowledge-submit");
            assertThat(grid.locator("#pricing-success")).containsText("已签收 2025-07 清单");
            grid.locator(row + " input[name=consumptionKwh]").fill("1000000");
            grid.locator(row + " input[name=amountYuan]").fill("30000");
            grid.locator(row + " input[name=collectedYuan]").fill("30000");
            grid.locator(row + " button[type=submit]").click();
            assertThat(grid.locator("#pricing-success")).containsText("已保存户号");
            assertThat(grid.locator(row)).containsText("相符");
            grid.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("pricing-1-grid-list.png")).setFullPage(true));

            // the enterprise objects with a document
            Page enterprise = browser.login(account.username());
            enterprise.click("#nav-pricing-own");
            enterprise.fill("#month", "2025-07");
            enterprise.click("#own-show");
            String card = ".own-item[data-account=\"" + smelter.account() + "\"]";
            assertThat(enterprise.locator(card)).containsText("阶梯电价");
            enterprise.locator(card + " textarea[name=reason]").fill("2024 年已完成节能改造，核查值有误");
            enterprise.locator(card + " input[type=file]").setInputFiles(document);
            enterprise.locator(card + " button[type=submit]").click();
            assertThat(enterprise.locator("#own-success")).containsText("异议已提交");
            enterprise.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("pricing-2-objection.png")).setFullPage(true));

            // the coordinator upholds it: refund recorded, the list corrected
            Page coordinator = browser.login(TestPeople.username(Role.COORDINATOR));
            coordinator.click("#nav-pricing-objections");
            var objection = coordinator.locator(".objection:has-text(\"" + smelter.account() + "\")");
            objection.locator("select[name=decision]").selectOption("UPHELD");
            objection.locator("input[name=reason]").fill("复核值 13290 千瓦时/吨，低于阈值");
            objection.locator("button[type=submit]").click();
            assertThat(coordinator.locator("#objections-success")).containsText("已作出决定");
            assertThat(coordinator.locator(".objection:has-text(\"" + smelter.account() + "\")")).containsText("应退金额：30000.00 元");
            coordinator.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("pricing-3-decision.png")).setFullPage(true));
            grid.reload();
            assertThat(grid.locator(row)).hasCount(0);

            // the grid company's upload: a closed enterprise drew power in June → a lead for the district
            SystemActor.call(() -> consumption.submit(List.of(new ConsumptionService.ConsumptionRow(closed.account(),
                    "2025-06", new BigDecimal("90000"), null))));
            Page district = browser.login(TestPeople.username(Role.DISTRICT_OFFICER));
            district.navigate(base + "/inbox");
            var notice = district.locator("#inbox-list .list-group-item:has-text(\"" + closed.enterprise().name() + "\")")
                    .first();
            assertThat(notice).containsText("用电异常线索");
            notice.locator(".notice-open").click();
            assertThat(district.locator("#lead-facts")).containsText("已关闭或查封仍在用电");
            assertThat(district.locator("#lead-chart")).isVisible();
            district.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("pricing-4-lead.png")).setFullPage(true));
            String leadUrl = district.url();

            coordinator.navigate(leadUrl);
            coordinator.selectOption("#dimension", "TECHNOLOGY");
            coordinator.fill("#deadline", LocalDate.now().plusMonths(1).toString());
            coordinator.fill("#document", "涪经信线索〔2025〕7号");
            coordinator.click("#case-submit");
            assertThat(coordinator.locator("#lead-success")).containsText("已立案");
            assertThat(coordinator.locator("#lead-status")).containsText("已立案");
            coordinator.click("#lead-case");
            assertThat(coordinator.locator("main")).containsText(closed.enterprise().name());
            coordinator.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("pricing-5-case.png")).setFullPage(true));
        }
    }

    /**
     * The registration pages: an officer registers a crypto-mining activity → the mining surcharge shows in April's
     * list; an enterprise registers a reason for June's rise → the watch raises no jump lead for it; an officer
     * registers a reason for another account's rise and dismisses that account's jump lead citing it.
     */
    @Test
    void miningRegistrationReachesTheListAndARegisteredReasonExcusesAJump() throws Exception {
        BrowserSession.assumeChromium("PricingBrowserIT");
        PricingFixtures fixtures = new PricingFixtures(enterprises, measurements, jdbc);
        PricingFixtures.Works miner = fixtures.enterprise("500102", "OTHER", null, null);
        PricingFixtures.Works excused = fixtures.enterprise("500102", "CEMENT", null, null);
        PricingFixtures.Works jumping = fixtures.enterprise("500102", "CEMENT", null, null);
        NewPerson account = TestPeople.person("t.prr-" + excused.uscc().substring(10).toLowerCase(), "FL-QZF",
                Role.ENTERPRISE, "500102", Set.of(), excused.uscc());
        people.ensure(account);
        people.ensure(Role.GRID_COMPANY);
        people.ensure(Role.COORDINATOR);
        base = "http://localhost:" + port;
        shots = Path.of("target", "screenshots");
        shots.toFile().mkdirs();
        Path document = Files.createTempFile("shuoming", ".pdf");
        Files.writeString(document, "%PDF-1.4 reason");
        try (BrowserSession browser = BrowserSession.open(port)) {
            // the coordinator registers the mining found by an inspection
            Page coordinator = browser.login(TestPeople.username(Role.COORDINATOR));
            coordinator.click("#nav-pricing-registrations");
            coordinator.fill("#activity-uscc", miner.uscc());
            coordinator.selectOption("#activity-kind", "CRYPTO_MINING");
            coordinator.fill("#activity-from", "2025-03-01");
            coordinator.fill("#activity-document", "涪经信查〔2025〕3号");
            coordinator.click("#activity-submit");
            assertThat(coordinator.locator("#registrations-success")).isVisible();
            assertThat(coordinator.locator("#activities-table tr[data-uscc=\"" + miner.uscc() + "\"]"))
                    .containsText("涪经信查〔2025〕3号");
            coordinator.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("pricing-6-mining-registered.png"))
                    .setFullPage(true));

            // April's list of 涪陵区 carries the mining surcharge for the miner's account
            Page grid = browser.login(TestPeople.username(Role.GRID_COMPANY));
            grid.click("#nav-pricing-surcharges");
            grid.fill("#month", "2025-04");
            grid.fill("#region", "500102");
            grid.click("#surcharges-show");
            String row = "#surcharges-table tr[data-account=\"" + miner.account() + "\"]";
            assertThat(grid.locator(row)).containsText("差别电价（淘汰类）");
            assertThat(grid.locator(row)).containsText("0.3");
            grid.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("pricing-7-mining-in-list.png"))
                    .setFullPage(true));

            // the enterprise registers the reason for June's rise, with a document
            Page enterprise = browser.login(account.username());
            enterprise.click("#nav-pricing-reasons");
            enterprise.fill("#reason-account", excused.account());
            enterprise.fill("#reason-from", "2025-06");
            enterprise.fill("#reason-to", "2025-06");
            enterprise.fill("#reason-text", "新建窑线 6 月试生产");
            enterprise.locator("#reason-document").setInputFiles(document);
            enterprise.click("#reason-submit");
            assertThat(enterprise.locator("#reasons-success")).containsText(excused.account());
            assertThat(enterprise.locator("#reasons-table")).containsText("新建窑线 6 月试生产");
            enterprise.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("pricing-8-reason.png"))
                    .setFullPage(true));

            // both accounts rise fourfold in June: only the one without a reason becomes a jump lead
            List<ConsumptionService.ConsumptionRow> rows = new java.util.ArrayList<>();
            java.time.YearMonth m = java.time.YearMonth.of(2024, 6);
            for (int i = 0; i < 12; i++, m = m.plusMonths(1)) {
                for (PricingFixtures.Works w : List.of(excused, jumping)) {
                    rows.add(new ConsumptionService.ConsumptionRow(w.account(), m.toString(),
                            BigDecimal.valueOf(100_000 + (i % 3) * 2_000), null));
                }
            }
            rows.add(new ConsumptionService.ConsumptionRow(excused.account(), "2025-06", new BigDecimal("400000"), null));
            rows.add(new ConsumptionService.ConsumptionRow(jumping.account(), "2025-06", new BigDecimal("400000"), null));
            SystemActor.call(() -> consumption.submit(rows));
            org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from power_lead where account_no = :a")
                    .param("a", excused.account()).query(Long.class).single()).isZero();
            long lead = jdbc.sql("select id from power_lead where account_no = :a and rule = 'JUMP'")
                    .param("a", jumping.account()).query(Long.class).single();

            // the coordinator registers what the grid company found for the other account and cites it
            coordinator.click("#nav-pricing-reasons");
            coordinator.fill("#reason-account", jumping.account());
            coordinator.fill("#reason-from", "2025-06");
            coordinator.fill("#reason-text", "检修后恢复满负荷生产，供电公司已核实");
            coordinator.click("#reason-submit");
            assertThat(coordinator.locator("#reasons-success")).containsText(jumping.account());
            coordinator.navigate(base + "/pricing/leads/" + lead);
            assertThat(coordinator.locator("#lead-status")).containsText("待处理");
            coordinator.locator("#reasonId").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel(coordinator.locator("#reasonId option:has-text(\"检修后恢复满负荷生产\")").textContent()));
            coordinator.click("#dismiss-submit");
            assertThat(coordinator.locator("#lead-status")).containsText("已驳回");
            assertThat(coordinator.locator("main")).containsText("已登记原因 #");
            coordinator.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("pricing-9-dismissed-citing.png"))
                    .setFullPage(true));
        }
    }
}
