package org.capgov.enforcement;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.capgov.identity.NewPerson;
import org.capgov.identity.Role;
import org.capgov.shared.Dimension;
import org.capgov.support.Http;
import org.capgov.support.BrowserSession;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * A case from notice to announcement in a real browser (Debian's Chromium driven by Playwright), three people each in
 * their own session: the energy officer of 涪陵 opens the case by hand, the enterprise asks for an extension, the
 * officer grants 3 months, the enterprise reports, the officer finds the rectification failed and proposes closure,
 * the coordinator approves it with the government's document number, the officer records power cut and sealing for
 * each item, verifies the exit and announces it; the enterprise has then EXITED and the notice downloads.
 * Screenshots go to target/screenshots/case-*.png. Skipped, with the reason printed, where Chromium is missing.
 */
class CaseBrowserIT extends IntegrationTest {

    @Autowired
    Clock clock;


    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;

    String base;
    Path shots;

    @Test
    void aCaseFromNoticeToAnnouncement() {
        BrowserSession.assumeChromium("CaseBrowserIT");
        CaseFixtures f = new CaseFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF, CaseFixtures.CONVERTER);
        NewPerson officerAccount = CaseFixtures.officer("t.enf-fl-energy", "FL-JXW", "500102", Dimension.ENERGY);
        people.ensure(officerAccount);
        NewPerson enterpriseAccount = CaseFixtures.enterpriseUser(uscc);
        people.ensure(enterpriseAccount);
        LocalDate today = ChinaTime.today(clock);
        base = "http://localhost:" + port;
        shots = Path.of("target", "screenshots");
        shots.toFile().mkdirs();
        try (BrowserSession browser = BrowserSession.open(port)) {
            Page officer = browser.login(officerAccount.username());
            Page enterprise = browser.login(enterpriseAccount.username());
            Page coordinator = browser.login(TestPeople.username(Role.COORDINATOR));

            // the officer opens the case by hand, two months ago
            officer.click("#nav-cases");
            assertThat(officer.locator("h1")).hasText("执法案件");
            officer.click("#new-case");
            officer.fill("#uscc", uscc);
            officer.selectOption("#dimension", "ENERGY");
            officer.fill("#effectiveDate", today.minusDays(60).toString());
            officer.fill("#document", "涪经信监〔" + today.getYear() + "〕12号");
            officer.click("#case-submit");
            assertThat(officer.locator("#saved")).isVisible();
            assertThat(officer.locator("#case-state")).hasText("已下达限期整改通知书");
            assertThat(officer.locator("#case-deadline")).containsText(today.minusDays(60).plusMonths(6).toString());
            assertThat(officer.locator("#case-department")).containsText("经济");
            String caseUrl = officer.url();
            String id = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
            shot(officer, "case-opened");

            // the enterprise finds it among its cases and asks for an extension
            enterprise.click("#nav-cases");
            enterprise.click("text=" + id);
            assertThat(enterprise.locator("form.case-action")).hasCount(2);
            act(enterprise, "REQUEST_EXTENSION", today.minusDays(50), Map.of("note", "设备改造周期长"));
            assertThat(enterprise.locator("#case-state")).hasText("已申请延期");
            shot(enterprise, "case-extension-requested");

            // the officer grants three months (the form's default)
            officer.navigate(caseUrl);
            assertThat(officer.locator("#GRANT_EXTENSION-months")).hasValue("3");
            act(officer, "GRANT_EXTENSION", today.minusDays(45), Map.of("document", "涪经信函〔" + today.getYear() + "〕3号"));
            assertThat(officer.locator("#case-extension")).hasText("是");
            assertThat(officer.locator("#case-deadline")).containsText(today.minusDays(60).plusMonths(9).toString());

            enterprise.navigate(caseUrl);
            assertThat(enterprise.locator("#action-REQUEST_EXTENSION")).hasCount(0);
            act(enterprise, "SUBMIT_RECTIFICATION", today.minusDays(30), Map.of("document", "整改报告及附件"));
            assertThat(enterprise.locator("#case-state")).hasText("已提交整改报告");
            assertThat(enterprise.locator("#no-actions")).isVisible();

            officer.navigate(caseUrl);
            act(officer, "VERIFY_FAILED", today.minusDays(20), Map.of("note", "复查能耗仍超标"));
            assertThat(officer.locator("#case-state")).hasText("整改不合格");
            act(officer, "PROPOSE_CLOSURE", today.minusDays(15), Map.of("document", "涪经信文〔" + today.getYear() + "〕40号"));
            assertThat(officer.locator("#case-state")).hasText("已提请关停");
            // the decision is the coordinator's, not the officer's
            assertThat(officer.locator("#action-APPROVE_CLOSURE")).hasCount(0);
            // and the page says whose it is
            assertThat(officer.locator("#next-step")).containsText("领导小组办公室");
            assertThat(officer.locator("#next-step")).containsText("记录政府批准");
            shot(officer, "case-next-step");

            coordinator.navigate(caseUrl);
            act(coordinator, "APPROVE_CLOSURE", today.minusDays(10), Map.of("document", "涪陵府〔" + today.getYear() + "〕77号",
                    "deadline", today.plusMonths(3).toString()));
            assertThat(coordinator.locator("#case-state")).hasText("已批准关停");
            assertThat(coordinator.locator("#closure-docx")).isVisible();
            // the deadlines the case has had stay readable: the notice's, the extension's
            assertThat(coordinator.locator("#deadline-history li").first()).containsText(
                    today.minusDays(60).plusMonths(6).toString());
            assertThat(coordinator.locator("#deadline-history")).containsText("批准延期");
            shot(coordinator, "case-closure-approved");

            officer.navigate(caseUrl);
            // the converter is sealed with the full set of seed 001 二、(五) but for its power units: the check names it
            for (String measure : List.of("WATER_CUT", "POWER_CUT", "SEALED")) {
                officer.selectOption("#RECORD_EXIT_MEASURE-equipmentRef", "CV1");
                officer.selectOption("#RECORD_EXIT_MEASURE-measure", measure);
                if (measure.equals("SEALED")) {
                    officer.check("#RECORD_EXIT_MEASURE-commitment");
                    officer.fill("#RECORD_EXIT_MEASURE-dismantleDeadline", today.plusMonths(2).toString());
                }
                act(officer, "RECORD_EXIT_MEASURE", today.minusDays(5), Map.of());
                assertThat(officer.locator("#saved")).isVisible();
            }
            officer.selectOption("#RECORD_EXIT_MEASURE-equipmentRef", "BF1");
            officer.selectOption("#RECORD_EXIT_MEASURE-measure", "DISMANTLED");
            act(officer, "RECORD_EXIT_MEASURE", today.minusDays(5), Map.of());
            assertThat(officer.locator("#exit-measures tbody tr")).hasCount(4);
            assertThat(officer.locator("#exit-measures")).containsText("封存主体设备");
            officer.fill("#VERIFY_EXIT-effectiveDate", today.minusDays(3).toString());
            officer.click("#VERIFY_EXIT-submit");
            assertThat(officer.locator("#refusal")).containsText("CV1");
            assertThat(officer.locator("#refusal")).containsText("拆除动力装置");
            officer.selectOption("#RECORD_EXIT_MEASURE-equipmentRef", "CV1");
            officer.selectOption("#RECORD_EXIT_MEASURE-measure", "POWER_UNIT_REMOVED");
            act(officer, "RECORD_EXIT_MEASURE", today.minusDays(3), Map.of());
            act(officer, "VERIFY_EXIT", today.minusDays(2), Map.of());
            assertThat(officer.locator("#case-state")).hasText("退出已核查");
            // 拆除完毕后公告: the sealed converter is dismantled first
            officer.selectOption("#RECORD_EXIT_MEASURE-equipmentRef", "CV1");
            officer.selectOption("#RECORD_EXIT_MEASURE-measure", "DISMANTLED");
            act(officer, "RECORD_EXIT_MEASURE", today.minusDays(1), Map.of());
            assertThat(officer.locator("#case-state")).hasText("退出已核查");
            act(officer, "ANNOUNCE", today, Map.of("document", "涪陵区政府网站公告"));

            assertThat(officer.locator("#case-state")).hasText("已公告");
            assertThat(officer.locator("#no-actions")).isVisible();
            assertThat(officer.locator("#timeline tbody tr")).hasCount(15);
            for (String step : List.of("下达限期整改通知书", "申请延期", "批准延期", "提交整改报告", "验收不合格", "提请关停",
                    "批准关停", "登记退出措施", "现场核查退出", "公告")) {
                assertThat(officer.locator("#timeline")).containsText(step);
            }
            assertThat(officer.locator("#timeline")).containsText("涪陵府〔" + today.getYear() + "〕77号");
            assertThat(officer.locator("#timeline")).containsText(enterpriseAccount.username());
            shot(officer, "case-announced");

            // the registry follows: the enterprise has exited
            officer.click("#enterprise-link");
            assertThat(officer.locator("#enterprise-name")).isVisible();
            assertThat(officer.locator("#identity")).containsText("退出");
            assertThat(officer.locator("#enterprise-cases")).isVisible();
            shot(officer, "case-enterprise-exited");

            // the notice link, fetched with the officer's session (headless Chromium does not always report
            // attachment downloads to Playwright, so the bytes are taken through the context's own requests)
            officer.navigate(caseUrl);
            String href = officer.locator("#notice-docx").getAttribute("href");
            APIResponse response = officer.context().request().get(base + href);
            org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(response.headers().get("content-disposition"))
                    .contains("attachment").contains(".docx");
            byte[] docx = response.body();
            org.assertj.core.api.Assertions.assertThat(CasePageSession.text(docx))
                    .contains("限期整改通知书", uscc, "涪经信监〔" + today.getYear() + "〕12号");
            org.assertj.core.api.Assertions.assertThat(f.enterpriseStatus(uscc)).isEqualTo("EXITED");
            org.assertj.core.api.Assertions.assertThat(id).matches(Pattern.compile("ZG-\\d{4}-\\d{6}"));
        }
    }

    /** Fills one action form (effective date and the given fields) and submits it. */
    private static void act(Page page, String action, LocalDate date, Map<String, String> fields) {
        page.fill("#" + action + "-effectiveDate", date.toString());
        fields.forEach((k, v) -> page.fill("#" + action + "-" + k, v));
        page.click("#" + action + "-submit");
        assertThat(page.locator("#refusal")).hasCount(0);
    }

    private void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(name + ".png")).setFullPage(true));
    }
}
