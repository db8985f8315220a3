package org.capgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.capgov.identity.Role;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 包含已撤销区划 checkbox of the regions page works in a real browser under the content security policy: ticking
 * it reloads the list with the abolished divisions, unticking hides them again, and no script is refused.
 */
class RegionCheckboxBrowserIT extends IntegrationTest {

    /** An abolished county of this test only (closed in 2001), so that the list has something to show or hide. */
    static final String CLOSED = "500198";

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCheckboxShowsAndHidesAbolishedDivisions() {
        assumeTrue(RoleWalk.available(), "no Chromium at " + RoleWalk.CHROMIUM);
        jdbc.sql("""
                insert into region (code, name, name_en, parent_code, path, level, kind, opened_on, closed_on)
                values (:code, '撤销检验县', 'Abolished Test County', '500000', :path, 2, 'COUNTY', date '1997-06-18',
                        date '2001-12-31') on conflict (code) do nothing""")
                .param("code", CLOSED).param("path", "/500000/" + CLOSED + "/").update();
        testPeople.ensure(Role.COORDINATOR);
        try (RoleWalk walk = new RoleWalk(port, 1280, 900)) {
            List<String> refused = new ArrayList<>();
            walk.page.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy")) {
                    refused.add(m.text());
                }
            });
            walk.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
            walk.page.navigate(walk.base + "/regions");
            assertThat(walk.page.locator("#includeClosed")).not().isChecked();
            assertThat(walk.page.locator("main")).not().containsText("撤销检验县");
            assertThat(walk.page.locator("main")).containsText("涪陵区");

            walk.page.locator("#includeClosed").check();
            walk.page.waitForURL(Pattern.compile(".*/regions\\?includeClosed=true$"));
            assertThat(walk.page.locator("#includeClosed")).isChecked();
            assertThat(walk.page.locator("main")).containsText("撤销检验县");
            walk.check("/regions?includeClosed=true");
            walk.page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                    .setPath(RoleWalk.SHOTS.resolve("regions-include-closed.png")).setFullPage(true));

            walk.page.locator("#includeClosed").uncheck();
            walk.page.waitForURL(Pattern.compile(".*/regions(\\?)?$"));
            assertThat(walk.page.locator("#includeClosed")).not().isChecked();
            assertThat(walk.page.locator("main")).not().containsText("撤销检验县");
            org.assertj.core.api.Assertions.assertThat(refused).as("scripts refused by the policy").isEmpty();
            org.assertj.core.api.Assertions.assertThat(walk.codesByPage).as("codes shown").isEmpty();
        }
    }
}
