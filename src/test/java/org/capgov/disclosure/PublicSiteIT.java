package org.capgov.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public site as a visitor meets it: every link of the public navigation and of the public home answers 200
 * with a Chinese title; every list names its publishing authority (发布机关); quarters print as 2024年第1季度 (no
 * thousands separator); the enterprise page is a printable report.
 */
class PublicSiteIT extends IntegrationTest {

    static final Pattern HREF = Pattern.compile("<a[^>]+id=\"(?:nav|index)-[^\"]+\"[^>]*href=\"([^\"]+)\"|"
            + "<a[^>]+href=\"([^\"]+)\"[^>]*id=\"(?:nav|index)-[^\"]+\"");
    static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;

    @Test
    void everyPublicNavigationLinkAnswersWithAChineseTitle() {
        Http http = Http.browser(port);
        HttpResponse<String> home = http.get("/public");
        assertThat(home.statusCode()).isEqualTo(200);
        Set<String> links = new LinkedHashSet<>();
        Matcher m = HREF.matcher(home.body());
        while (m.find()) {
            links.add((m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&"));
        }
        assertThat(links).contains("/public/lists/yellow", "/public/lists/red", "/public/lists/exits",
                "/public/lists/over-limit", "/public/lists/serious-over-limit", "/public/enterprises");
        for (String link : links) {
            HttpResponse<String> page = http.get(link);
            assertThat(page.statusCode()).as(link).isEqualTo(200);
            Matcher title = TITLE.matcher(page.body());
            assertThat(title.find()).as(link + " has a title").isTrue();
            assertThat(title.group(1)).as(link).matches(".*\\p{IsHan}{2,}.*");
            // each page links back to the public home and to the search
            assertThat(page.body()).as(link).contains("id=\"public-home\"").contains("id=\"nav-search\"");
        }
    }

    @Test
    void everyListNamesItsPublishingAuthority() {
        Http http = Http.browser(port);
        assertThat(publisher(http, "/public/lists/exits")).contains("各区县经济信息委");
        assertThat(publisher(http, "/public/lists/exits?region=500102")).contains("涪陵区经济信息委");
        assertThat(publisher(http, "/public/lists/yellow?region=500102")).contains("涪陵区经济信息委").contains("信用重庆");
        assertThat(publisher(http, "/public/lists/red")).contains("发展改革委");
        assertThat(publisher(http, "/public/lists/over-limit?region=500102")).contains("涪陵区生态环境局");
        assertThat(publisher(http, "/public/lists/serious-over-limit")).contains("生态环境局");
        assertThat(http.get("/public/lists/exits?lang=en").body()).contains("Published by:");
    }

    @Test
    void quartersHaveNoThousandsSeparatorAndTheReportPrints() {
        String uscc = PublicFixtures.steelWorks(enterprises, equipment, "500102", "季度格式检验钢铁有限公司");
        Http http = Http.browser(port);
        String page = http.get("/public/enterprises/" + uscc).body();
        assertThat(page).containsPattern("\\d{4}年第[1-4]季度").doesNotContainPattern("\\d,\\d{3}年");
        assertThat(page).contains("id=\"print-report\"").contains("data-print").contains("id=\"print-header\"")
                .contains("企业公开信息报告");
        String english = http.get("/public/enterprises/" + uscc + "?lang=en").body();
        assertThat(english).containsPattern("\\d{4} Q[1-4]").doesNotContainPattern("\\d,\\d{3} Q");
        String css = http.get("/css/capgov.css").body();
        assertThat(css).contains("@media print").contains(".capgov-print-only");
    }

    private static String publisher(Http http, String path) {
        HttpResponse<String> r = http.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        int at = r.body().indexOf("id=\"list-publisher\"");
        assertThat(at).as(path + " names its publisher").isGreaterThan(0);
        return r.body().substring(at, r.body().indexOf("</p>", at));
    }
}
