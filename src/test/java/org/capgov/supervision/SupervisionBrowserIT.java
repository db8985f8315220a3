package org.capgov.supervision;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.capgov.identity.DepartmentService;
import org.capgov.identity.NewPerson;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.shared.ChinaTime;
import org.capgov.support.BrowserSession;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser (Debian's Chromium driven by Playwright), in 垫江县 (500231, used by no other test): the county's
 * economy bureau reports progress on a task with an attachment, the coordinator returns it with a reason, the bureau
 * reports again, the coordinator accepts; then two overdue tasks draw a 督办 each, the county is listed as slow and the
 * coordinator generates a 通报 whose .docx names it and records a 约谈 whose commitment becomes a task. Screenshots go to target/screenshots/supervision-*.png.
 */
class SupervisionBrowserIT extends IntegrationTest {

    static final String REGION = "500231";
    static final String DEPARTMENT = "DJ-JXW";

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    DepartmentService departments;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    String base;
    Path shots;

    @Test
    void reportReturnedResubmittedAcceptedThenOverdueDubanAndCircular() throws Exception {
        BrowserSession.assumeChromium("SupervisionBrowserIT");
        SystemActor.run(() -> {
            if (jdbc.sql("select count(*) from department where code = :c").param("c", DEPARTMENT)
                    .query(Integer.class).single() == 0) {
                departments.create(DEPARTMENT, "重庆市垫江县经济和信息化委员会", "县经济信息委",
                        "Dianjiang Economy and Information Technology Commission", REGION, "GOVERNMENT_DEPARTMENT",
                        Set.of(), "督办测试");
            }
        });
        NewPerson officer = TestPeople.person("t.sup-dianjiang", DEPARTMENT, Role.DISTRICT_OFFICER, REGION, Set.of(), null);
        people.ensure(officer);
        people.ensure(Role.COORDINATOR);
        LocalDate today = ChinaTime.today(clock);
        Task task = SystemActor.call(() -> tasks.publish(tasks.createDraft(new TaskInput("垫江县落后产能退出工作要点",
                "二、（一）", "全面排查落后生产工艺装备", "对全县工业企业落后生产工艺装备开展排查，建立问题清单。",
                List.of(DEPARTMENT), List.of(), REGION, today.plusDays(10).toString(), null, "排查清单")).id()));
        for (int late : new int[] {5, 3}) {
            SystemActor.call(() -> tasks.publish(tasks.createDraft(new TaskInput("垫江县落后产能退出工作要点",
                    "二、（" + (late == 5 ? "二" : "三") + "）", late == 5 ? "公告年度退出企业名单" : "报送年度工作总结",
                    "按期完成并报送。", List.of(DEPARTMENT), List.of(), REGION, today.minusDays(late).toString(), null,
                    null)).id()));
        }
        base = "http://localhost:" + port;
        shots = Path.of("target", "screenshots");
        shots.toFile().mkdirs();
        Path attachment = Files.createTempFile("paicha", ".txt");
        Files.writeString(attachment, "垫江县落后生产工艺装备排查清单\n", StandardCharsets.UTF_8);
        try (BrowserSession browser = BrowserSession.open(port)) {
            // the county bureau finds its task on the board and reports, with an attachment
            Page county = browser.login(officer.username());
            county.click("#nav-supervision");
            assertThat(county.locator("#tally-region")).containsText("垫江县");
            county.click("#tasks-table a:has-text(\"全面排查落后生产工艺装备\")");
            assertThat(county.locator("#task-standing")).containsText("即将到期");
            county.fill("#report-text-input", "已完成12家企业排查。");
            county.fill("#report-figures-input", "排查企业12家");
            county.setInputFiles("#report-file", attachment);
            county.click("#report-submit");
            assertThat(county.locator("#task-success")).containsText("等待协调员审核");
            assertThat(county.locator("#report-status")).containsText("待审核");
            assertThat(county.locator("#report-attachments")).containsText("SHA-256");
            assertThat(county.locator("#platform-figures")).containsText("立案数");
            county.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("supervision-1-report.png"))
                    .setFullPage(true));

            // the coordinator returns it: a reason is required
            Page coordinator = browser.login(TestPeople.username(Role.COORDINATOR));
            coordinator.navigate(base + "/supervision/tasks/" + task.id());
            coordinator.click("#report-return");
            assertThat(coordinator.locator("#task-failure")).containsText("退回时请填写理由");
            coordinator.fill("#reason", "未列明排查企业名单和处置方案，请补充。");
            coordinator.click("#report-return");
            assertThat(coordinator.locator("#report-status")).containsText("已退回");
            coordinator.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("supervision-2-returned.png"))
                    .setFullPage(true));

            // the bureau sees the reason and reports again
            county.navigate(base + "/supervision/tasks/" + task.id());
            assertThat(county.locator("#report-reason")).containsText("未列明排查企业名单");
            county.fill("#report-text-input", "已完成12家企业排查，名单和处置方案见附件。");
            county.click("#report-submit");
            assertThat(county.locator("#report-status")).containsText("待审核");

            // the coordinator accepts the second round
            coordinator.navigate(base + "/supervision/tasks/" + task.id());
            assertThat(coordinator.locator("#report-current")).containsText("第 2 次报送");
            coordinator.click("#report-accept");
            assertThat(coordinator.locator("#report-status")).containsText("已通过");
            assertThat(coordinator.locator("#task-standing")).containsText("已完成");
            coordinator.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("supervision-3-accepted.png"))
                    .setFullPage(true));

            // the county's annual report up the chain: drafted, edited, 经区政府同意, submitted; returned by the city,
            // corrected, approved and submitted again; accepted
            county.navigate(base + "/supervision/annual");
            county.fill("#a-region", REGION);
            county.click("#annual-draft");
            assertThat(county.locator("#annual-heading")).containsText("垫江县");
            assertThat(county.locator("#annual-figures")).containsText("cases_opened");
            String annualUrl = county.url();
            county.fill("#annual-text", county.inputValue("#annual-text").replace("（请填写）", "继续开展落后产能排查。"));
            county.click("#annual-save");
            assertThat(county.locator("#annual-success")).containsText("修改已保存");
            county.click("#annual-approve-submit");
            assertThat(county.locator("#annual-approval")).containsText("经区政府同意");
            county.click("#annual-submit-submit");
            assertThat(county.locator("#annual-status")).containsText("已报送");
            coordinator.navigate(annualUrl);
            coordinator.fill("#annual-return-reason", "缺少退出企业名单，请补充后重新报送。");
            coordinator.click("#annual-return");
            assertThat(coordinator.locator("#annual-status")).containsText("已退回");
            county.navigate(annualUrl);
            assertThat(county.locator("#annual-reason")).containsText("缺少退出企业名单");
            county.fill("#annual-text", county.inputValue("#annual-text") + "\n附：年度退出企业名单（无）。");
            county.click("#annual-save");
            county.click("#annual-approve-submit");
            county.click("#annual-submit-submit");
            assertThat(county.locator("#annual-status")).containsText("已报送");
            coordinator.navigate(annualUrl);
            coordinator.click("#annual-accept");
            assertThat(coordinator.locator("#annual-status")).containsText("已审核通过");
            coordinator.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("supervision-7-annual.png"))
                    .setFullPage(true));
            Download annual = coordinator.waitForDownload(() -> coordinator.click("#annual-docx"));
            try (InputStream in = annual.createReadStream(); XWPFDocument doc = new XWPFDocument(in);
                    XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
                assertThat(text.getText()).contains("垫江县").contains("附：年度退出企业名单（无）。")
                        .contains("经区政府同意").contains("附录").contains("exits_announced");
            }

            // two overdue tasks: the deadline check issues a 督办 for each, the county is slow, a 通报 follows
            coordinator.click("#nav-supervision");
            coordinator.click("#supervision-notices");
            coordinator.fill("#sweep-region", REGION);
            coordinator.click("#sweep-submit");
            assertThat(coordinator.locator("#notices-success")).containsText("督办 2 件");
            assertThat(coordinator.locator("#slow-districts")).containsText("垫江县");
            coordinator.click("#circular-submit");
            assertThat(coordinator.locator("#notices-success")).containsText("通报");
            assertThat(coordinator.locator("#notices-table")).containsText("督办：垫江县“公告年度退出企业名单”逾期未完成");
            coordinator.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("supervision-4-notices.png"))
                    .setFullPage(true));
            Download download = coordinator.waitForDownload(() ->
                    coordinator.click("#notices-table tr:has-text(\"进展较慢地区的通报\") a:has-text(\"下载\")"));
            try (InputStream in = download.createReadStream(); XWPFDocument doc = new XWPFDocument(in);
                    XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
                assertThat(text.getText()).contains("进展较慢地区的通报").contains("垫江县：逾期任务 2 项，已督办 2 次")
                        .contains("公告年度退出企业名单").contains("重庆市制造强市建设领导小组办公室");
            }

            // the coordinator records the 约谈; its commitment becomes a task of the county bureau
            coordinator.fill("#i-region", REGION);
            coordinator.fill("#i-heldOn", today.toString());
            coordinator.fill("#i-attendees", "县政府分管副县长、县经济信息委主任");
            coordinator.fill("#i-summary", "通报逾期任务，要求限期整改。");
            coordinator.fill("#i-c1", "30日内公告年度退出企业名单");
            coordinator.selectOption("#i-d1", DEPARTMENT);
            coordinator.fill("#i-t1", today.plusDays(30).toString());
            coordinator.click("#interview-submit");
            assertThat(coordinator.locator("#notices-success")).containsText("1 项整改承诺已列为任务");
            coordinator.click("#interviews a:has-text(\"整改承诺 1\")");
            assertThat(coordinator.locator("#task-citation")).containsText("约谈纪要（垫江县");
            assertThat(coordinator.locator("#task-lead")).containsText("县经济信息委");
            coordinator.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("supervision-6-interview-task.png"))
                    .setFullPage(true));

            // the county reads the 督办 in its inbox
            county.navigate(base + "/inbox");
            assertThat(county.locator("main")).containsText("督办：垫江县");
            county.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("supervision-5-inbox.png")));
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'supervision_report'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }
}
