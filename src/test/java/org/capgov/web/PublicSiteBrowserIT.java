package org.capgov.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.capgov.identity.SystemActor;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Uscc;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public site in a real browser: a list page names its publisher and draws its charts (when the list has rows)
 * under the content security policy; the enterprise page prints as a report without navigation or buttons; the
 * search finds a name typed in pinyin initials. Screenshots in target/screenshots.
 */
class PublicSiteBrowserIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;

    @Test
    void listsChartsSearchAndThePrintedReport() {
        assumeTrue(RoleWalk.available(), "no Chromium at " + RoleWalk.CHROMIUM);
        String uscc = Uscc.compose("91", "500102", "PB" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
        SystemActor.run(() -> {
            enterprises.create(new EnterpriseDraft(uscc, "重庆蟠龙翠屏钢铁有限公司" + uscc.substring(12, 16), "500102",
                    List.of("STEEL"), null, null, null, null, List.of(), null, LocalDate.of(2012, 1, 1), null));
            equipment.create(uscc, new EquipmentDraft("BF1", null, "BLAST_FURNACE", Map.of("volume_m3", 1200,
                    "purpose", "GENERAL"), "PIG_IRON", new BigDecimal("1000000"), LocalDate.of(2012, 5, 1), null,
                    null, null));
        });
        try (RoleWalk walk = new RoleWalk(port, 1280, 900)) {
            walk.visit("/public/lists/yellow?region=500102", "public-list-yellow");
            assertThat(walk.page.locator("#list-publisher")).containsText("涪陵区经济信息委");
            if (walk.page.locator("#list-table tbody tr").count() > 0) {
                assertThat(walk.page.locator("#chart-district canvas")).isVisible();
                assertThat(walk.page.locator("#chart-industry canvas")).isVisible();
            }
            walk.visit("/public/lists/exits", "public-list-exits");
            assertThat(walk.page.locator("#list-publisher")).containsText("经济信息委");

            walk.visit("/public/enterprises?q=plcp", "public-search-pinyin");
            assertThat(walk.page.locator("main")).containsText("重庆蟠龙翠屏钢铁有限公司");

            walk.visit("/public/enterprises/" + uscc, "public-enterprise");
            assertThat(walk.page.locator("#print-report")).isVisible();
            assertThat(walk.page.locator("#print-header")).isHidden();
            walk.page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(walk.page.locator("#print-header")).isVisible();
            assertThat(walk.page.locator("#print-report")).isHidden();
            assertThat(walk.page.locator("#report-link")).isHidden();
            assertThat(walk.page.locator("nav.capgov-navbar")).isHidden();
            assertThat(walk.page.locator("#compliance-history")).isVisible();
            walk.page.screenshot(new Page.ScreenshotOptions().setPath(RoleWalk.SHOTS.resolve("public-enterprise-print.png"))
                    .setFullPage(true));
            org.assertj.core.api.Assertions.assertThat(walk.codesByPage).as("codes shown").isEmpty();
        }
    }
}
