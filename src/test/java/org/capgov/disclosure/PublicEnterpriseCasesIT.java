package org.capgov.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.capgov.identity.Role;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * Every case of an enterprise on its public page and in the JSON twin, including a rectified one that puts it on no
 * list, with only the disclosable facts; and the public lists link each enterprise to that page.
 */
class PublicEnterpriseCasesIT extends IntegrationTest {

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;

    @Test
    void closedAndOpenCasesAreDisclosedWithoutNotesOrActors() {
        String code = PublicFixtures.steelWorks(enterprises, equipment, "500102", "公示案件钢铁有限公司");
        people.ensure(Role.COORDINATOR);
        String username = TestPeople.username(Role.COORDINATOR);
        Http api = Http.api(port);
        String coordinator = api.token(username, TestPeople.PASSWORD);
        LocalDate today = ChinaTime.today(clock);
        String note = "内部备注勿公开" + code.substring(10);
        String report = "整改报告附件" + code.substring(10);

        String rectified = open(api, coordinator, code, "ENERGY", today.minusMonths(3), "涪经信监〔公示〕" + code.substring(12)
                + "号", note);
        act(api, coordinator, rectified, "SUBMIT_RECTIFICATION", today.minusMonths(1), report, note);
        JsonNode done = act(api, coordinator, rectified, "VERIFY_COMPLIANT", today.minusDays(20), null, note);
        assertThat(done.get("state").asString()).isEqualTo("RECTIFIED");
        String pending = open(api, coordinator, code, "QUALITY", today, null, null);

        HttpResponse<String> page = Http.browser(port).get("/public/enterprises/" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("id=\"public-cases\"", "data-case=\"" + rectified + "\"", "data-state=\"RECTIFIED\"",
                "data-case=\"" + pending + "\"", "data-state=\"NOTICE_ISSUED\"", "整改合格", "能耗", "质量",
                "涪经信监〔公示〕" + code.substring(12) + "号", today.minusDays(20).toString())
                .doesNotContain("cases-unavailable", "id=\"cases-none\"", note, report, username);
        // newest first: the case opened today comes before the rectified one
        assertThat(html.indexOf("data-case=\"" + pending + "\"")).isLessThan(html.indexOf("data-case=\"" + rectified + "\""));
        // the rectified case is on no list: the yellow list shows only the pending one
        String yellow = html.substring(html.indexOf("id=\"yellow-list\""), html.indexOf("id=\"public-cases\""));
        assertThat(yellow).contains(pending).doesNotContain(rectified);

        HttpResponse<String> twin = Http.api(port).get("/api/v1/public/enterprises/" + code);
        assertThat(twin.statusCode()).isEqualTo(200);
        assertThat(twin.body()).doesNotContain(note, report, username, "casesAvailable", "\"actor\"", "\"note\"");
        JsonNode cases = json.readTree(twin.body()).at("/enforcement/cases");
        assertThat(ids(cases)).containsExactly(pending, rectified);
        JsonNode closed = cases.get(1);
        assertThat(closed.get("state").asString()).isEqualTo("RECTIFIED");
        assertThat(closed.get("dimension").asString()).isEqualTo("ENERGY");
        assertThat(closed.get("kind").asString()).isEqualTo("RECTIFICATION");
        assertThat(closed.get("closedOn").asString()).isEqualTo(today.minusDays(20).toString());
        assertThat(closed.get("departmentName").asString()).isEqualTo("重庆市涪陵区经济和信息化委员会");
        assertThat(closed.get("documents")).hasSize(1);
        assertThat(closed.at("/documents/0/kind").asString()).isEqualTo("NOTICE");
        assertThat(closed.at("/documents/0/number").asString()).isEqualTo("涪经信监〔公示〕" + code.substring(12) + "号");
        assertThat(cases.get(0).get("closedOn").isNull()).isTrue();
        assertThat(cases.get(0).get("documents")).isEmpty();
    }

    @Test
    void theListPagesLinkEachEnterpriseToItsPublicPage() {
        String code = PublicFixtures.steelWorks(enterprises, equipment, "500102", "公示链接钢铁有限公司");
        people.ensure(Role.COORDINATOR);
        Http api = Http.api(port);
        String coordinator = api.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        open(api, coordinator, code, "ENERGY", ChinaTime.today(clock), null, null);

        // newest notices first: a case opened today is on the first page of the district's list
        HttpResponse<String> list = Http.browser(port).get("/public/lists/yellow?region=500102&size=200");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<a href=\"/public/enterprises/" + code + "\">公示链接钢铁有限公司</a>");
        assertThat(Http.browser(port).get("/public/enterprises/" + code).body()).contains("公示链接钢铁有限公司");
    }

    private String open(Http api, String token, String uscc, String dimension, LocalDate date, String document,
            String note) {
        HttpResponse<String> r = api.json("POST", "/api/v1/cases", token, "{\"uscc\":\"" + uscc + "\",\"dimension\":\""
                + dimension + "\",\"effectiveDate\":\"" + date + "\",\"document\":" + quoted(document) + ",\"note\":"
                + quoted(note) + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asString();
    }

    private JsonNode act(Http api, String token, String caseId, String action, LocalDate date, String document,
            String note) {
        HttpResponse<String> r = api.json("POST", "/api/v1/cases/" + caseId + "/actions", token, "{\"action\":\""
                + action + "\",\"effectiveDate\":\"" + date + "\",\"document\":" + quoted(document) + ",\"note\":"
                + quoted(note) + "}");
        assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private static List<String> ids(JsonNode cases) {
        List<String> out = new ArrayList<>();
        cases.forEach(c -> out.add(c.get("caseId").asString()));
        return out;
    }
}
