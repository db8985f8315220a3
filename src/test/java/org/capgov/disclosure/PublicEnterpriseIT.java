package org.capgov.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capgov.identity.SystemActor;
import org.capgov.monitoring.MeasurementDraft;
import org.capgov.monitoring.MeasurementService;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/** The public enterprise page and its JSON twin, for anonymous visitors, with a history from real evaluations. */
class PublicEnterpriseIT extends IntegrationTest {

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    MeasurementService measurements;
    @Autowired
    PublicComplianceHistory history;
    @Autowired
    JsonMapper json;

    @Test
    void anonymousVisitorsSeeTheDisclosedFactsAndNoPersonalData() {
        String code = PublicFixtures.steelWorks(enterprises, equipment, "500102", "公示测试钢铁有限公司甲");
        Http anonymous = Http.browser(port);
        HttpResponse<String> page = anonymous.get("/public/enterprises/" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("公示测试钢铁有限公司甲", code, "涪陵区", "钢铁", "高炉", "350", "报告错误 / 举报")
                .contains("正常生产");
        assertThat(page.body()).doesNotContain(PublicFixtures.LEGAL_REPRESENTATIVE, PublicFixtures.ADDRESS,
                PublicFixtures.GRID_ACCOUNT);
        // the 350 m³ furnace, commissioned in 2008, fails the technology standard in every one of the twelve quarters
        List<String> technology = cells(page.body(), "TECHNOLOGY");
        assertThat(technology).hasSize(12).allMatch(s -> s.equals("ELIMINATED") || s.equals("NONCOMPLIANT"));
        assertThat(page.body()).contains("data-quarter=\"" + PublicComplianceHistory.quarters(today()).get(11).code() + "\"");
        // on no public list and no case, and the page says both
        assertThat(page.body()).contains("id=\"lists-none\"", "id=\"cases-none\"");

        HttpResponse<String> api = Http.api(port).get("/api/v1/public/enterprises/" + code);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).doesNotContain(PublicFixtures.LEGAL_REPRESENTATIVE, PublicFixtures.ADDRESS,
                PublicFixtures.GRID_ACCOUNT, "legalRepresentative", "address", "gridAccounts");
        JsonNode body = json.readTree(api.body());
        assertThat(body.at("/enterprise/uscc").asString()).isEqualTo(code);
        assertThat(body.at("/enterprise/status").asString()).isEqualTo("OPERATING");
        assertThat(body.at("/equipment/0/type").asString()).isEqualTo("BLAST_FURNACE");
        assertThat(body.at("/equipment/0/parameters/0/code").asString()).isEqualTo("volume_m3");
        assertThat(body.at("/equipment/0/parameters/0/value").asInt()).isEqualTo(350);
        assertThat(body.at("/complianceHistory/quarters")).hasSize(12);
        assertThat(jsonCells(body, "TECHNOLOGY")).isEqualTo(technology);
        assertThat(body.at("/enforcement/listsAvailable").asBoolean()).isTrue();
        assertThat(body.at("/enforcement/yellow")).isEmpty();
        assertThat(body.at("/enforcement/cases")).isEmpty();
    }

    @Test
    void aMeasurementAtAKnownDateChangesTheCellsFromItsQuarterOn() {
        String code = PublicFixtures.steelWorks(enterprises, equipment, "500102", "公示测试钢铁有限公司乙");
        List<ComplianceHistory.Quarter> quarters = PublicComplianceHistory.quarters(today());
        ComplianceHistory.Quarter measured = quarters.get(6);
        List<String> before = jsonCells(enterprise(code), "ENERGY");
        assertThat(before).containsOnly("NO_DATA");

        LocalDate at = measured.end().minusDays(20);
        SystemActor.run(() -> measurements.record(new MeasurementDraft(code, "BF1", "bf_energy", 520, "kgce/t",
                at + "T09:00:00+08:00", null, null, "INSPECTION", null, Map.of(), "涪经信能监〔测试〕1号")));
        // the page keeps a grid for a few minutes; a fresh one is computed after forgetting it
        assertThat(jsonCells(enterprise(code), "ENERGY")).isEqualTo(before);
        history.forget(code);

        List<String> after = jsonCells(enterprise(code), "ENERGY");
        assertThat(after.subList(0, 6)).containsOnly("NO_DATA");
        assertThat(after.subList(6, 12)).containsOnly("NONCOMPLIANT");
        assertThat(cells(Http.browser(port).get("/public/enterprises/" + code).body(), "ENERGY")).isEqualTo(after);
    }

    @Test
    void searchByNameCodeRegionAndIndustry() {
        String code = PublicFixtures.steelWorks(enterprises, equipment, "500102", "公示检索钢铁有限公司丙");
        Http anonymous = Http.browser(port);
        assertThat(anonymous.get("/public/enterprises?q=公示检索钢铁").body()).contains(code);
        assertThat(anonymous.get("/public/enterprises?q=" + code.substring(0, 14)).body()).contains("公示检索钢铁有限公司丙");
        assertThat(anonymous.get("/public/enterprises?q=公示检索钢铁&region=500102&industry=STEEL").body()).contains(code);
        assertThat(anonymous.get("/public/enterprises?q=公示检索钢铁&region=500101").body()).doesNotContain(code);
        assertThat(anonymous.get("/public/enterprises?q=公示检索钢铁&industry=CEMENT").body()).doesNotContain(code);
        HttpResponse<String> unknownRegion = anonymous.get("/public/enterprises?region=999999");
        assertThat(unknownRegion.body()).contains("id=\"search-failure\"");
        assertThat(anonymous.get("/public/enterprises?q=公示检索钢铁").body()).doesNotContain(PublicFixtures.LEGAL_REPRESENTATIVE);

        HttpResponse<String> api = Http.api(port).get("/api/v1/public/enterprises?q=" + code);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains(code).doesNotContain(PublicFixtures.LEGAL_REPRESENTATIVE);
        assertThat(Http.api(port).get("/api/v1/public/enterprises/91500102MA00NOSUCH").statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/public/enterprises/91500102MA00NOSUCH").statusCode()).isEqualTo(404);
    }

    private JsonNode enterprise(String code) {
        HttpResponse<String> r = Http.api(port).get("/api/v1/public/enterprises/" + code);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static List<String> jsonCells(JsonNode body, String dimension) {
        for (JsonNode row : body.at("/complianceHistory/rows")) {
            if (row.get("dimension").asString().equals(dimension)) {
                List<String> out = new ArrayList<>();
                row.get("cells").forEach(c -> out.add(c.get("status").asString()));
                return out;
            }
        }
        throw new AssertionError("no row " + dimension);
    }

    /** The data-status of each cell in the row of {@code dimension} of the page's history grid. */
    static List<String> cells(String html, String dimension) {
        int start = html.indexOf("data-dimension=\"" + dimension + "\"");
        assertThat(start).as("row " + dimension).isPositive();
        String row = html.substring(start, html.indexOf("</tr>", start));
        Matcher m = Pattern.compile("data-status=\"([A-Z_]+)\"").matcher(row);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private LocalDate today() {
        return ChinaTime.today(clock);
    }
}
