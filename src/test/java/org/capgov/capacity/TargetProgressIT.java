package org.capgov.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Targets measured through the API: a cap from capacity in force, a reported share, statuses, bad input, roles. */
class TargetProgressIT extends CapacityFixtures {

    private JsonNode target(String token, String region, String asOf, String id) {
        HttpResponse<String> r = http.get("/api/v1/targets/progress?region=" + region + "&asOf=" + asOf, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode item : json.readTree(r.body()).get("items")) {
            if (item.get("targetId").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + r.body());
    }

    @Test
    void theTianjinClinkerCapIsMeasuredFromCapacityInForce() {
        cementWorks("120116", 3_000_000, LocalDate.of(2010, 1, 1));
        Enterprise closedLater = cementWorks("120116", 4_000_000, LocalDate.of(2010, 1, 1));
        equipmentStatus(closedLater, "DISMANTLED", LocalDate.of(2016, 5, 1));
        people.ensure(TestPeople.person("t.tj-coordinator", "TJ-JXW", Role.COORDINATOR, "120000", Set.of(), null));
        String coordinator = http.token("t.tj-coordinator", TestPeople.PASSWORD);
        // 重庆's coordinator does not see 天津's targets
        HttpResponse<String> cq = http.get("/api/v1/targets/progress?region=120000", token(Role.COORDINATOR));
        assertThat(json.readTree(cq.body()).get("items")).isEmpty();

        JsonNode before = target(coordinator, "120000", "2015-12-31", "TJ2013-TARGET-CAP-CLINKER-2017");
        assertThat(before.get("value").decimalValue()).isEqualByComparingTo("700");
        assertThat(before.get("goal").decimalValue()).isEqualByComparingTo("500");
        assertThat(before.get("unit").asString()).isEqualTo("万t");
        assertThat(before.get("status").asString()).isEqualTo("AT_RISK");
        assertThat(before.get("method").asString()).isEqualTo("CAPACITY_IN_FORCE");
        assertThat(before.get("methodText").asString()).contains("水泥熟料");
        assertThat(before.get("citation").get("document").asString()).isNotBlank();

        JsonNode after = target(coordinator, "120000", "2017-12-31", "TJ2013-TARGET-CAP-CLINKER-2017");
        assertThat(after.get("value").decimalValue()).isEqualByComparingTo("300");
        assertThat(after.get("status").asString()).isEqualTo("MET");
    }

    @Test
    void aShareTargetTakesAReportedFigureWithItsDocument() {
        String coordinator = token(Role.COORDINATOR);
        String id = "CQ2014-TARGET-SHARE-CEMENT-LOCAL-SUPPLY-2018";
        assertThat(target(coordinator, "500000", "2018-12-31", id).get("status").asString()).isEqualTo("NO_DATA");
        HttpResponse<String> bad = http.json("POST", "/api/v1/targets/" + id + "/figures", coordinator,
                "{\"year\":2018,\"value\":92}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("field").asString()).isEqualTo("document");
        HttpResponse<String> notShare = http.json("POST", "/api/v1/targets/TJ2013-TARGET-CAP-CLINKER-2017/figures",
                coordinator, "{\"year\":2017,\"value\":92,\"document\":\"统计年鉴\"}");
        assertThat(notShare.statusCode()).isEqualTo(400);
        HttpResponse<String> ok = http.json("POST", "/api/v1/targets/" + id + "/figures", coordinator,
                "{\"year\":2018,\"value\":92,\"document\":\"重庆统计年鉴2019 表12-3\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        JsonNode measured = target(token(Role.FINANCIAL_INSTITUTION), "500000", "2018-12-31", id);
        assertThat(measured.get("value").decimalValue()).isEqualByComparingTo("92");
        assertThat(measured.get("status").asString()).isEqualTo("MET");
        assertThat(measured.get("method").asString()).isEqualTo("REPORTED_FIGURE");
        assertThat(measured.get("methodText").asString()).contains("重庆统计年鉴2019");
    }

    @Test
    void everyChongqingTargetHasAStatusAndBadInputIsRefused() {
        String coordinator = token(Role.COORDINATOR);
        HttpResponse<String> r = http.get("/api/v1/targets/progress?region=500000&asOf=2018-12-31", coordinator);
        JsonNode items = json.readTree(r.body()).get("items");
        assertThat(items.size()).isEqualTo(19);
        for (JsonNode item : items) {
            assertThat(Set.of("MET", "ON_TRACK", "AT_RISK", "MISSED", "NO_DATA")).contains(item.get("status").asString());
            assertThat(item.get("region").asString()).isEqualTo("500000");
            assertThat(item.get("citation").get("section").asString()).isNotBlank();
            assertThat(item.get("method").asString()).isNotBlank();
        }
        HttpResponse<String> badDate = http.get("/api/v1/targets/progress?asOf=2018-13-01", coordinator);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badDate.body()).get("field").asString()).isEqualTo("asOf");
        assertThat(http.get("/api/v1/targets/progress", token(Role.ENTERPRISE)).statusCode()).isEqualTo(403);
        // a district sees its city's targets, not another province's
        JsonNode district = json.readTree(http.get("/api/v1/targets/progress?asOf=2018-12-31",
                token(Role.DISTRICT_OFFICER)).body()).get("items");
        assertThat(district.size()).isEqualTo(19);
    }
}
