package org.capgov.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 000 二、（一）2（1） "影响区水泥企业的二氧化硫排放浓度小于或等于200mg/m3，氮氧化合物排放浓度小于或等于350mg/m3，
 * 颗粒物排放浓度小于或等于30mg/m3（DB50/418—2012）": the 影响区 districts carry the INFLUENCE zone (a reading marked to be
 * confirmed, on the region and the coverage page), cement there is judged on 350 / 30, and a coordinator confirms or
 * changes a zone with its basis and first day, audited.
 */
class AirZoneInfluenceIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JdbcClient jdbc;

    @Test
    void influenceZoneIsAssignedJudgedMarkedUnconfirmedAndSetByTheCoordinator() {
        Http http = Http.api(port);
        people.ensure(Role.COORDINATOR);
        people.ensure(Role.ENTERPRISE);
        String coordinator = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        String enterprise = http.token(TestPeople.username(Role.ENTERPRISE), TestPeople.PASSWORD);

        // 长寿区 (500115) is 影响区 per the reading, marked S; 万州 is 其他区域; 渝中 stays 主城区
        String changshou = http.get("/api/v1/regions/500115", enterprise).body();
        assertThat(changshou).contains("\"airZone\":\"INFLUENCE\"").contains("\"airZoneConfidence\":\"S\"");
        assertThat(http.get("/api/v1/regions/500101", enterprise).body()).contains("\"airZone\":\"OTHER\"")
                .contains("\"airZoneConfidence\":\"S\"");
        assertThat(http.get("/api/v1/regions/500103", enterprise).body()).contains("\"airZone\":\"MAIN_CITY\"");

        // a cement kiln in 合川 (影响区) with NOx 400 fails the 350 limit, not the 550 of 其他区域
        HttpResponse<String> judged = http.json("POST", "/api/v1/compliance/evaluate", enterprise, """
                {"asOf":"2016-06-30","region":"500117","industry":"CEMENT",
                 "equipment":[{"ref":"K1","type":"CEMENT_KILN","parameters":{"process":"NSP","clinker_t_per_d":4000}}],
                 "measurements":[{"equipmentRef":"K1","metric":"nox_conc","value":400,"unit":"mg/m3","attributes":{}},
                                 {"equipmentRef":"K1","metric":"pm_conc","value":40,"unit":"mg/m3","attributes":{}}]}""");
        assertThat(judged.statusCode()).as(judged.body()).isEqualTo(200);
        assertThat(judged.body()).contains("\"ruleId\":\"CQ2014-CEMENT-ENV-NOX-INFLUENCE\",\"dimension\":\"ENVIRONMENT\","
                + "\"status\":\"NONCOMPLIANT\"").contains("\"ruleId\":\"CQ2014-CEMENT-ENV-PM-INFLUENCE\",\"dimension\":"
                + "\"ENVIRONMENT\",\"status\":\"NONCOMPLIANT\"").doesNotContain("CQ2014-CEMENT-ENV-NOX-OTHER");

        // the region page and the coverage page say the zone is to be confirmed
        Http browser = Http.browser(port);
        browser.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        assertThat(browser.get("/regions/500115").body()).contains("id=\"air-zone-unconfirmed\"").contains("影响区")
                .contains("待核实");
        String coverage = browser.get("/catalog").body();
        assertThat(coverage).contains("id=\"unconfirmed-air-zones\"").contains("id=\"unconfirmed-zone-500115\"");

        // the coordinator sets 江津's zone with its basis and first day: confirmed, dated, audited
        HttpResponse<String> set = http.json("PUT", "/api/v1/regions/500116/attributes", coordinator,
                "{\"airZone\":\"INFLUENCE\",\"basis\":\"DB50/418-2012 第3条 原文核对\",\"since\":\"2012-10-01\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).contains("\"airZoneConfidence\":\"V\"").contains("\"airZoneSince\":\"2012-10-01\"");
        assertThat(jdbc.sql("""
                select count(*) from audit_entry where entity_type = 'region' and entity_id = '500116'
                  and after_state like '%2012-10-01%' and after_state like '%"V"%' and before_state like '%"S"%'
                """).query(Long.class).single()).isEqualTo(1);
        assertThat(browser.get("/catalog").body()).doesNotContain("id=\"unconfirmed-zone-500116\"");
        // without a basis nothing changes
        HttpResponse<String> noBasis = http.json("PUT", "/api/v1/regions/500116/attributes", coordinator,
                "{\"airZone\":\"OTHER\"}");
        assertThat(noBasis.statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/regions/500116", enterprise).body()).contains("\"airZone\":\"INFLUENCE\"");
    }
}
