package org.capgov.projects;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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
 * New capacity in a real browser (Debian's Chromium driven by Playwright): a steel works declares a converter project,
 * the gate says 须置换 with its citation; the works buys indicator units from another enterprise (the trade shows on
 * both accounts and on the public page) and proposes a plan with two converters to retire and the units; the
 * coordinator puts it under notice, records an objection, answers it (the answer is published with the plan) and
 * announces it; the exits are opened as cases; 投产 is refused until they are verified, then accepted. Screenshots go to target/screenshots/projects-*.png.
 */
class ProjectBrowserIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    String base;
    Path shots;

    @Test
    void projectGatePlanNoticeObjectionAnnouncementExitCommissioning() {
        BrowserSession.assumeChromium("ProjectBrowserIT");
        LedgerFixtures f = new LedgerFixtures(Http.api(port), json, people);
        LocalDate today = ChinaTime.today(clock);
        String works = f.enterprise("500102", LedgerFixtures.converter("PB1", 800_000),
                LedgerFixtures.converter("PB2", 800_000));
        String seller = f.enterprise("500101", LedgerFixtures.converter("PS1", 600_000));
        f.dismantle(seller, "PS1");
        long sellerAccount = f.issueVoluntary(seller, "PS1");
        long worksAccount = f.account(works);
        String contract = "HT-PB-" + sellerAccount;
        HttpResponse<String> trade = f.transfer(f.admin, sellerAccount, worksAccount, 400_000,
                "\"price\":66.00,\"contract\":\"" + contract + "\"");
        assertThat(trade.statusCode()).as(trade.body()).isEqualTo(201);
        String login = "t.projects-" + works.toLowerCase();
        people.ensure(TestPeople.person(login, "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), works));
        people.ensure(Role.COORDINATOR);
        base = "http://localhost:" + port;
        shots = Path.of("target", "screenshots");
        shots.toFile().mkdirs();
        try (BrowserSession browser = BrowserSession.open(port)) {
            // the works declares its project; the gate needs replacement, with the citation
            Page enterprise = browser.login(login);
            enterprise.click("#nav-projects");
            enterprise.fill("#uscc", works);
            enterprise.fill("#name", "转炉产能置换示范项目");
            enterprise.selectOption("#kind", "NEW");
            enterprise.selectOption("#industry", "STEEL");
            enterprise.fill("#declaredOn", "2021-07-01");
            enterprise.selectOption("#product", "CRUDE_STEEL");
            enterprise.fill("#quantity", "1500000");
            enterprise.fill("#equipmentRef", "N1");
            enterprise.selectOption("#equipmentType", "CONVERTER");
            enterprise.fill("#parameters", "nominal_t=120");
            enterprise.click("#project-submit");
            assertThat(enterprise.locator("#project-heading")).containsText("转炉产能置换示范项目");
            assertThat(enterprise.locator("#gate-decision")).containsText("须置换");
            assertThat(enterprise.locator("#gate-reasons")).containsText("46号");
            assertThat(enterprise.locator("#gate-required")).containsText("t");
            String projectUrl = enterprise.url();
            enterprise.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("projects-1-gate.png"))
                    .setFullPage(true));

            // its plan: two converters of its own and the units it bought
            enterprise.fill("#retired", works + "/PB1\n" + works + "/PB2");
            enterprise.fill("#ledgerAccount", Long.toString(worksAccount));
            enterprise.fill("#ledgerUnits", "400000");
            enterprise.fill("#confirmingAuthority", "重庆市经济和信息化委员会");
            enterprise.click("#plan-submit");
            assertThat(enterprise.locator("#plan-status")).containsText("待公示");
            assertThat(enterprise.locator("#plan-retired")).containsText("PB2");
            String planUrl = enterprise.url();

            // the coordinator: notice, an objection during it, announcement after it
            Page coordinator = browser.login(TestPeople.username(Role.COORDINATOR));
            coordinator.navigate(planUrl);
            // published before the 2024 steel suspension (reading P8): a steel plan's notice cannot start after it
            assertThat(coordinator.locator("#plan-suspended")).containsText("327号");
            LocalDate start = PlanSuspensionIT.BEFORE_SUSPENSION;
            coordinator.fill("#startOn", start.toString());
            coordinator.fill("#n-document", "渝经信公示〔2026〕21号");
            coordinator.click("#notice-submit");
            assertThat(coordinator.locator("#plan-status")).containsText("公示中");
            assertThat(coordinator.locator("#plan-notice")).containsText("10 个工作日");
            coordinator.fill("#receivedOn", start.plusDays(2).toString());
            coordinator.fill("#objector", "涪陵区某居民");
            coordinator.fill("#objection-text", "退出转炉是否真正拆除，请公开验收安排");
            coordinator.click("#objection-submit");
            assertThat(coordinator.locator("#plan-objections")).containsText("涪陵区某居民");
            // each objection is answered before the announcement
            coordinator.fill("#plan-objections textarea[name=answer]", "两台转炉拆除后由区经信局现场验收并公示结果");
            coordinator.click("#plan-objections .answer-form button");
            assertThat(coordinator.locator("#plan-objections .objection-answer")).containsText("现场验收");
            coordinator.fill("#a-document", "渝经信公告〔2026〕22号");
            coordinator.fill("#exitDeadline", today.plusDays(120).toString());
            coordinator.click("#announce-submit");
            assertThat(coordinator.locator("#plan-status")).containsText("已公告");
            assertThat(coordinator.locator("#plan-announcement")).containsText("渝经信公告〔2026〕22号");
            noCodes(coordinator);
            List<String> cases = coordinator.locator("#plan-retired a").allInnerTexts();
            assertThat(cases).hasSize(2);
            coordinator.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("projects-2-plan-announced.png"))
                    .setFullPage(true));

            // review, approval and construction; commissioning waits for the exits
            coordinator.navigate(projectUrl);
            assertThat(coordinator.locator("#gate-decision")).containsText("允许");
            transition(coordinator, "UNDER_REVIEW", null);
            transition(coordinator, "APPROVED", "渝经信审批〔2026〕8号");
            assertThat(coordinator.locator("#project-status")).containsText("批复");
            enterprise.navigate(projectUrl);
            transition(enterprise, "CONSTRUCTION_STARTED", null);
            transition(enterprise, "BUILT", null);
            transition(enterprise, "COMMISSIONED", null);
            assertThat(enterprise.locator("#project-failure")).containsText("不得投产");
            assertThat(enterprise.locator("#project-status")).containsText("建成");
            enterprise.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("projects-3-commissioning-refused.png"))
                    .setFullPage(true));

            for (String c : cases) {
                act(f, c, "RECORD_EXIT_MEASURE", ",\"measure\":\"DISMANTLED\"");
                act(f, c, "VERIFY_EXIT", "");
            }
            coordinator.navigate(base + "/enforcement/cases/" + cases.get(0));
            assertThat(coordinator.locator("main")).containsText("退出已核查");
            enterprise.navigate(projectUrl);
            transition(enterprise, "COMMISSIONED", null);
            assertThat(enterprise.locator("#project-status")).containsText("投产");
            noCodes(enterprise);
            enterprise.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("projects-4-commissioned.png"))
                    .setFullPage(true));

            // the trade on both accounts and on the public pages, with the announced plan
            enterprise.navigate(base + "/ledger/accounts/" + worksAccount);
            assertThat(enterprise.locator("main")).containsText(contract);
            assertThat(enterprise.locator("main")).containsText("注销");
            assertThat(enterprise.locator("main")).containsText("ZH-");
            coordinator.navigate(base + "/ledger/accounts/" + sellerAccount);
            assertThat(coordinator.locator("main")).containsText(contract);
            Page visitor = browser.page();
            visitor.navigate(base + "/public/ledger");
            assertThat(visitor.locator("#trades")).containsText(contract);
            visitor.navigate(base + "/public/replacement-plans");
            assertThat(visitor.locator("#public-plans")).containsText("转炉产能置换示范项目");
            assertThat(visitor.locator("#public-plans")).containsText("渝经信公告〔2026〕22号");
            assertThat(visitor.locator("#public-plans")).containsText("现场验收");
            assertThat(visitor.locator("#public-plans")).not().containsText("涪陵区某居民");
            visitor.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("projects-5-public.png"))
                    .setFullPage(true));
        }
    }

    /** People read names, not codes: no UPPER_SNAKE or lower_snake word in the page's main text. */
    private static void noCodes(Page page) {
        java.util.regex.Matcher m = CODE.matcher(page.locator("main").innerText());
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        assertThat(found).as("codes on " + page.url()).isEmpty();
    }

    static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile(
            "(?<![\\w/.-])(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?![\\w/.-])");

    private static void transition(Page page, String to, String document) {
        page.selectOption("#to", to);
        if (document != null) {
            page.fill("#t-document", document);
        }
        page.click("#transition-submit");
        page.waitForLoadState();
    }

    private static void act(LedgerFixtures f, String caseId, String action, String extra) {
        HttpResponse<String> r = f.http.json("POST", "/api/v1/cases/" + caseId + "/actions", f.caseOfficer,
                "{\"action\":\"" + action + "\"" + extra + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
