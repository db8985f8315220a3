package org.capgov.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Set;
import org.capgov.enforcement.CaseAction;
import org.capgov.enforcement.CaseKind;
import org.capgov.enforcement.CaseState;
import org.capgov.enforcement.ExitMeasure;
import org.capgov.enforcement.lists.ListFixtures;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.capgov.registry.Equipment;
import org.capgov.support.Http;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 天津's 2014 pig-iron elimination (50 万t, seed 003 三、（三）4．) measured from a furnace dismantled in the registry and
 * a furnace whose exit enforcement verified and announced, each counted once; its history and the drill-down to the
 * equipment behind the figure, which a bank does not see. Enterprises of 静海区 (120118), created by this class only.
 */
class TargetDrillDownIT extends CapacityFixtures {

    static final String TARGET = "TJ2013-TARGET-ELIM-PIG-IRON-2014";

    private String tianjin() {
        people.ensure(TestPeople.person("t.tj-drill", "TJ-JXW", Role.COORDINATOR, "120000", Set.of(), null));
        return http.token("t.tj-drill", TestPeople.PASSWORD);
    }

    private JsonNode target(String token, String asOf) {
        HttpResponse<String> r = http.get("/api/v1/targets/progress?region=120000&asOf=" + asOf, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode item : json.readTree(r.body()).get("items")) {
            if (item.get("targetId").asString().equals(TARGET)) {
                return item;
            }
        }
        throw new AssertionError(TARGET + " not in " + r.body());
    }

    @Test
    void anEliminationCountsRegistryExitsAndAnnouncedExitsOnceAndShowsTheEquipmentBehind() {
        ListFixtures lists = new ListFixtures(enterprises, equipment, jdbc);
        Enterprise dismantled = lists.enterprise("120118", "目标明细测试钢铁甲");
        Equipment bf1 = lists.blastFurnace(dismantled, "BF-1", "200000");
        Enterprise announced = lists.enterprise("120118", "目标明细测试钢铁乙");
        Equipment bf2 = lists.blastFurnace(announced, "BF-2", "150000");
        org.capgov.identity.SystemActor.call(() -> equipment.changeStatus(dismantled.uscc(), "BF-1",
                new org.capgov.registry.StatusChange("DISMANTLED", LocalDate.of(2014, 6, 1), "静经信〔2014〕1号", null)));
        // the dismantled furnace is also on an announced exit: counted once
        for (Object[] c : new Object[][] {{dismantled, bf1, "200000"}, {announced, bf2, "150000"}}) {
            Enterprise e = (Enterprise) c[0];
            Equipment q = (Equipment) c[1];
            String id = lists.open(e, CaseKind.EXIT, "TECHNOLOGY", q.id(), LocalDate.of(2014, 2, 1),
                    LocalDate.of(2014, 12, 31), "TJ-JXW");
            long event = lists.act(id, CaseAction.RECORD_EXIT_MEASURE, CaseState.EXIT_IN_PROGRESS,
                    LocalDate.of(2014, 5, 1), null, null, null);
            lists.measure(id, event, q.id(), ExitMeasure.DISMANTLED, LocalDate.of(2014, 5, 1), (String) c[2], "PIG_IRON");
            lists.act(id, CaseAction.VERIFY_EXIT, CaseState.EXIT_VERIFIED, LocalDate.of(2014, 9, 1), null, null, null);
            lists.act(id, CaseAction.ANNOUNCE, CaseState.ANNOUNCED, LocalDate.of(2014, 10, 10), "静经信公告〔2014〕3号",
                    null, null);
        }
        String coordinator = tianjin();
        assertThat(target(coordinator, "2014-05-15").get("value").decimalValue()).isEqualByComparingTo("0");
        assertThat(target(coordinator, "2014-07-01").get("value").decimalValue()).isEqualByComparingTo("20");
        JsonNode end = target(coordinator, "2014-12-31");
        assertThat(end.get("value").decimalValue()).isEqualByComparingTo("35");
        assertThat(end.get("status").asString()).isEqualTo("MISSED");
        assertThat(end.get("methodText").asString()).contains("公告退出");

        Http page = Http.browser(port);
        page.login("t.tj-drill", TestPeople.PASSWORD);
        String detail = page.get("/capacity/targets/" + TARGET + "?asOf=2014-12-31").body();
        assertThat(detail).contains("id=\"target-sparkline\"").contains("<svg").contains("id=\"behind-table\"")
                .contains(dismantled.uscc()).contains("BF-1").contains("高炉").contains("静海区")
                .contains("id=\"behind-exits\"").contains("BF-2").contains("静经信公告〔2014〕3号")
                .doesNotContain("PIG_IRON<").doesNotContain("BLAST_FURNACE");
        HttpResponse<String> svg = page.get("/capacity/targets/" + TARGET + "/sparkline.svg?asOf=2014-12-31");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElse("")).contains("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg").contains("<path");
        String board = page.get("/capacity/targets?region=120000&asOf=2014-12-31").body();
        assertThat(board).contains("/capacity/targets/" + TARGET + "/sparkline.svg");

        // a bank sees the figure and its history, not the equipment behind it; another province sees nothing
        String bank = session(Role.FINANCIAL_INSTITUTION).get("/capacity/targets/CQ2014-TARGET-SHARE-CEMENT-LOCAL-SUPPLY-2018")
                .body();
        assertThat(bank).contains("id=\"target-sparkline\"").doesNotContain("id=\"target-behind\"");
        assertThat(session(Role.COORDINATOR).get("/capacity/targets/" + TARGET).statusCode()).isEqualTo(404);
    }
}
