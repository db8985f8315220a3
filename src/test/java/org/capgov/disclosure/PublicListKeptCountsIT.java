package org.capgov.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capgov.enforcement.CaseAction;
import org.capgov.enforcement.CaseKind;
import org.capgov.enforcement.CaseState;
import org.capgov.enforcement.lists.ListFixtures;
import org.capgov.enforcement.lists.PublicLists;
import org.capgov.enforcement.lists.YellowListEntry;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The counts and totals of the public lists are kept until a list changes (docs/decisions/disclosure-list-performance.md):
 * a change shows at once on the page and in the API, and a page found by walking the list in its order is the page
 * found by grouping it.
 */
class PublicListKeptCountsIT extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** A district and a day no other test lists anything on. */
    static final String REGION = "500103";
    static final String AS_OF = "2002-06-15";

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterpriseService;
    @Autowired
    EquipmentService equipmentService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublicLists lists;

    @Test
    void aCaseOpenedOrClosedShowsAtOnceInTheCountsAndTotals() {
        ListFixtures f = new ListFixtures(enterpriseService, equipmentService, jdbc);
        f.open(f.enterprise(REGION, "保留计数测验甲"), CaseKind.RECTIFICATION, "ENERGY", null, d("2002-05-02"),
                d("2002-11-02"), "CQ-JXW");
        String path = "/public/lists/yellow?region=" + REGION + "&asOf=" + AS_OF;
        String before = page(path);
        // twice: the second view is answered from the kept counts
        assertThat(page(path)).isEqualTo(before);
        long total = total(before);
        long district = districtCount(before);
        long api = apiTotal();
        assertThat(total).isPositive().isEqualTo(api).isEqualTo(district);

        Enterprise added = f.enterprise(REGION, "保留计数测验乙");
        String opened = f.open(added, CaseKind.RECTIFICATION, "SAFETY", null, d("2002-06-01"), d("2002-12-01"),
                "CQ-YJJ");
        String after = page(path);
        assertThat(total(after)).isEqualTo(total + 1);
        assertThat(districtCount(after)).isEqualTo(district + 1);
        assertThat(after).contains(added.name());
        assertThat(apiTotal()).isEqualTo(api + 1);

        f.act(opened, CaseAction.VERIFY_COMPLIANT, CaseState.RECTIFIED, d("2002-06-10"), null, null, null);
        String closed = page(path);
        assertThat(total(closed)).isEqualTo(total);
        assertThat(districtCount(closed)).isEqualTo(district);
        assertThat(closed).doesNotContain(added.name());
        assertThat(apiTotal()).isEqualTo(api);
    }

    @Test
    void aPageWalkedInListOrderIsThePageFoundByGrouping() {
        ListFixtures f = new ListFixtures(enterpriseService, equipmentService, jdbc);
        // ties on the latest notice day, and an enterprise whose earlier case is on the list too
        for (int i = 0; i < 3; i++) {
            f.open(f.enterprise("500104", "遍历顺序测验" + i), CaseKind.RECTIFICATION, "ENERGY", null, d("2002-03-07"),
                    d("2002-09-07"), "CQ-JXW");
        }
        Enterprise twice = f.enterprise("500104", "遍历顺序测验两案");
        f.open(twice, CaseKind.RECTIFICATION, "ENERGY", null, d("2002-03-07"), d("2002-09-07"), "CQ-JXW");
        f.open(twice, CaseKind.RECTIFICATION, "SAFETY", null, d("2002-01-07"), d("2002-07-07"), "CQ-YJJ");
        for (String[] day : new String[][] {{"2002-03-20", "3"}, {"2004-03-01", "40"}}) {
            String asOf = day[0];
            int size = Integer.parseInt(day[1]);
            // the whole list grouped in the database (as the downloads read it)
            List<String> grouped = new ArrayList<>();
            for (int page = 0; ; page++) {
                var p = lists.yellow(lists.query(null, null, asOf, Integer.toString(page), day[1]));
                p.rows().stream().map(YellowListEntry::enterprise).forEach(e -> grouped.add(e.uscc()));
                if (!p.hasNext()) {
                    break;
                }
            }
            assertThat(grouped).hasSizeGreaterThanOrEqualTo(4).doesNotHaveDuplicates();
            // the same list page by page through the API: the total is kept, the pages are walked
            List<String> walked = new ArrayList<>();
            for (int page = 0; page * size < grouped.size() + size; page++) {
                JsonNode body = JSON.readTree(Http.api(port).get("/api/v1/public/lists/yellow?asOf=" + asOf
                        + "&size=" + size + "&page=" + page).body());
                assertThat(body.get("total").asLong()).isEqualTo(grouped.size());
                body.get("rows").forEach(r -> walked.add(r.get("enterprise").get("uscc").asString()));
            }
            assertThat(walked).as(asOf).containsExactlyElementsOf(grouped);
        }
    }

    private String page(String path) {
        var r = Http.browser(port).get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private long apiTotal() {
        return JSON.readTree(Http.api(port).get("/api/v1/public/lists/yellow?region=" + REGION + "&asOf=" + AS_OF).body())
                .get("total").asLong();
    }

    private static long total(String page) {
        Matcher m = Pattern.compile("共 (\\d+) 家企业").matcher(page);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The district's bar in the table of the charts' data. */
    private static long districtCount(String page) {
        Matcher m = Pattern.compile("<tr><td>渝中区</td><td class=\"text-end\">(\\d+)</td></tr>").matcher(page);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
