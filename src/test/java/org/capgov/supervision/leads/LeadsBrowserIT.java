package org.capgov.supervision.leads;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.capgov.identity.DepartmentService;
import org.capgov.identity.NewPerson;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.shared.Dimension;
import org.capgov.shared.Uscc;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser, in 大足区 (500111, used by no other test): an anonymous visitor reports a “地条钢” workshop the
 * registry does not know, with a map point, a photo and a contact; the lead goes to the district's economy bureau
 * (the TECHNOLOGY department of the region), whose officer alone reads the contact, verifies and registers it: the
 * workshop becomes a registry entry, a case and a problem of the register, which the bureau rectifies and the
 * coordinator closes (销号); the reporter reads the outcome under the tracking number. Screenshots go to
 * target/screenshots/leads-*.png.
 */
class LeadsBrowserIT extends IntegrationTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CAPGOV_CHROMIUM", "/usr/bin/chromium"));
    static final String REGION = "500111";
    static final String DEPARTMENT = "DZ-JXW";
    static final String USCC = Uscc.compose("92", REGION, "8D7A2B01");
    static final String CONTACT = "联系电话 13800001111";

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    DepartmentService departments;
    @Autowired
    JdbcClient jdbc;

    String base;

    @Test
    void anonymousLeadAboutAnUnregisteredSiteBecomesALeadARegistryEntryACaseAndAProblem() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
        SystemActor.run(() -> {
            if (jdbc.sql("select count(*) from department where code = :c").param("c", DEPARTMENT)
                    .query(Integer.class).single() == 0) {
                departments.create(DEPARTMENT, "重庆市大足区经济和信息化委员会", "大足区经济信息委",
                        "Dazu Economy and Information Technology Commission", REGION, "GOVERNMENT_DEPARTMENT",
                        Set.of(Dimension.TECHNOLOGY), "举报线索测试");
            }
        });
        NewPerson officer = TestPeople.person("t.lead-dazu", DEPARTMENT, Role.DISTRICT_OFFICER, REGION, Set.of(), null);
        people.ensure(officer);
        people.ensure(Role.COORDINATOR);
        assertThat(jdbc.sql("select count(*) from enterprise where uscc = :u").param("u", USCC).query(Long.class)
                .single()).isZero();
        base = "http://localhost:" + port;
        Path shots = Path.of("target", "screenshots");
        shots.toFile().mkdirs();
        Path photo = Files.createTempFile("workshop", ".png");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync", "--no-first-run")))) {
            // an anonymous visitor finds the form from the public directory; an empty form is explained, nothing stored
            Page visitor = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900)).newPage();
            visitor.navigate(base + "/public/enterprises");
            visitor.click("#public-lead-link");
            long before = jdbc.sql("select count(*) from supervision_lead").query(Long.class).single();
            visitor.click("#lead-submit");
            assertThat(visitor.locator("#lead-form")).containsText("请选择举报事项");
            assertThat(visitor.locator("#lead-form")).containsText("请填写地址或位置描述");
            assertThat(jdbc.sql("select count(*) from supervision_lead").query(Long.class).single()).isEqualTo(before);

            visitor.selectOption("#matter", "SUBSTANDARD_STEEL");
            visitor.selectOption("#region", REGION);
            visitor.fill("#address", "大足区某镇某村三组公路旁铁皮厂房");
            visitor.fill("#latitude", "29.707");
            visitor.fill("#longitude", "105.721");
            visitor.fill("#text", "夜间有中频炉熔炼废钢，冒黑烟，厂房无招牌。");
            visitor.setInputFiles("#photos", photo);
            visitor.fill("#contact", CONTACT);
            visitor.click("#lead-submit");
            assertThat(visitor.locator("#lead-submitted")).containsText("请保存办理编号");
            assertThat(visitor.locator("#state")).containsText("已受理");
            assertThat(visitor.locator("#department")).containsText("大足区经济信息委");
            String trackingNo = visitor.locator("#tracking-no").innerText().trim();
            String statusUrl = visitor.url();
            visitor.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("leads-1-submitted.png")));

            // the coordinator sees the lead but not the reporter's contact
            Page coordinator = login(browser, TestPeople.username(Role.COORDINATOR));
            coordinator.navigate(base + "/supervision/leads/" + trackingNo);
            assertThat(coordinator.locator("#lead-contact")).containsText("仅办理部门可见");
            assertThat(coordinator.locator("main")).not().containsText("13800001111");

            // the district bureau reads it with the contact and the photo, verifies and registers it
            Page bureau = login(browser, officer.username());
            bureau.navigate(base + "/supervision/leads");
            bureau.click("#leads-table a:has-text(\"" + trackingNo + "\")");
            assertThat(bureau.locator("#lead-contact")).containsText("13800001111");
            assertThat(bureau.locator("#lead-point")).containsText("29.707");
            assertThat(bureau.locator("#lead-photos img")).hasCount(1);
            bureau.click("#lead-verify");
            assertThat(bureau.locator("#lead-state")).containsText("核实中");
            bureau.fill("#r-uscc", USCC);
            bureau.fill("#r-name", "大足区某村无名铁皮厂房");
            bureau.selectOption("#r-industry", "STEEL");
            bureau.fill("#r-document", "大足经信〔2026〕1号");
            bureau.click("#lead-register");
            assertThat(bureau.locator("#lead-success")).containsText("已登记经营主体、立案");
            assertThat(bureau.locator("#lead-state")).containsText("已登记立案");
            assertThat(bureau.locator("#lead-enterprise")).containsText(USCC);
            String caseId = bureau.locator("#lead-case").innerText().trim();
            bureau.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("leads-2-registered.png"))
                    .setFullPage(true));

            // the problem is on the “地条钢” list, assigned to the bureau; it rectifies, the coordinator closes it
            bureau.click("#lead-problem");
            assertThat(bureau.locator("#problem-list")).containsText("地条钢");
            assertThat(bureau.locator("#problem-state")).containsText("已交办");
            assertThat(bureau.locator("#problem-case")).containsText(caseId);
            String problemUrl = bureau.url();
            bureau.click("#problem-rectify");
            assertThat(bureau.locator("#problem-state")).containsText("整改中");
            coordinator.navigate(problemUrl);
            coordinator.click("#problem-close");
            assertThat(coordinator.locator("#problem-failure")).containsText("销号时请填写整改情况");
            coordinator.fill("#a-note", "中频炉已拆除，现场核查无生产。");
            coordinator.click("#problem-close");
            assertThat(coordinator.locator("#problem-state")).containsText("已销号");
            coordinator.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("leads-3-closed.png"))
                    .setFullPage(true));

            // the reporter reads the outcome under the tracking number
            visitor.navigate(statusUrl);
            assertThat(visitor.locator("#state")).containsText("已登记立案");
            assertThat(visitor.locator("#reply")).containsText("经核实");

            assertThat(jdbc.sql("select region_code from enterprise where uscc = :u").param("u", USCC)
                    .query(String.class).single()).isEqualTo(REGION);
            assertThat(jdbc.sql("select origin from enforcement_case where id = :id and uscc = :u")
                    .param("id", caseId).param("u", USCC).query(String.class).single()).isEqualTo("INSPECTION");
            assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'supervision_lead'"
                    + " and entity_id = :t").param("t", trackingNo).query(Long.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("select count(*) from audit_entry where entity_type like 'supervision_%'"
                    + " and (cast(after_state as text) like '%13800001111%' or cast(before_state as text) like '%13800001111%')")
                    .query(Long.class).single()).isZero();
        }
    }

    private Page login(Browser browser, String username) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        Page page = context.newPage();
        page.navigate(base + "/login");
        page.fill("#username", username);
        page.fill("#password", TestPeople.PASSWORD);
        page.click("#login-submit");
        assertThat(page.locator("#current-user")).isVisible();
        return page;
    }
}
