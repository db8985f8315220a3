package org.capgov.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.capgov.identity.Role;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core (vendored under src/test/resources/axe) runs inside the browser on the main pages of the officers' and the
 * public site; no page may have a serious or critical violation (WCAG 2.1 A and AA rules). Keyboard use: the login
 * form is completed with the keyboard alone.
 */
class AccessibilityBrowserIT extends IntegrationTest {

    static final List<String> OFFICER_PAGES = List.of("/", "/compliance/findings", "/compliance/runs",
            "/enforcement/cases", "/registry/enterprises", "/catalog", "/credit", "/inbox", "/regions", "/audit");
    static final List<String> PUBLIC_PAGES = List.of("/login", "/public", "/public/enterprises");

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;

    @Test
    void mainPagesHaveNoSeriousOrCriticalViolationsAndTheLoginWorksByKeyboard() {
        assumeTrue(RoleWalk.available(), "no Chromium at " + RoleWalk.CHROMIUM);
        testPeople.ensure(Role.COORDINATOR);
        String axe = axe();
        List<String> violations = new ArrayList<>();
        try (RoleWalk walk = new RoleWalk(port, 1280, 900, true)) {
            for (String path : PUBLIC_PAGES) {
                walk.page.navigate(walk.base + path);
                violations.addAll(check(walk.page, axe, path));
            }
            // the keyboard alone signs in: tab to the fields, type, press Enter
            walk.page.navigate(walk.base + "/login");
            walk.page.focus("#username");
            walk.page.keyboard().type(TestPeople.username(Role.COORDINATOR));
            walk.page.keyboard().press("Tab");
            walk.page.keyboard().type(TestPeople.PASSWORD);
            walk.page.keyboard().press("Enter");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(walk.page.locator("#welcome")).isVisible();
            for (String path : OFFICER_PAGES) {
                walk.page.navigate(walk.base + path);
                violations.addAll(check(walk.page, axe, path));
            }
        }
        assertThat(violations).as("serious or critical accessibility violations").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> check(Page page, String axe, String path) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
        Object result = page.evaluate("""
                async () => {
                  const r = await axe.run(document, {runOnly: {type: 'tag',
                      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']});
                  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
                }""");
        List<String> out = new ArrayList<>();
        for (Object v : (List<Object>) result) {
            out.add(path + " → " + v);
        }
        return out;
    }

    private static String axe() {
        try (InputStream in = AccessibilityBrowserIT.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
