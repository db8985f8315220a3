package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/** The case pages over real HTTP with form logins: list, filters, export, the case with its forms, refusals. */
class CasePagesIT extends IntegrationTest {

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;

    CaseFixtures f;
    Http coordinator;

    @BeforeEach
    void setUp() {
        f = new CaseFixtures(Http.api(port), json, people);
        coordinator = session(TestPeople.username(Role.COORDINATOR));
    }

    Http session(String username) {
        Http h = Http.browser(port);
        h.login(username, TestPeople.PASSWORD);
        return h;
    }

    String page(Http h, String path) {
        HttpResponse<String> r = h.get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void theListFiltersWithinScopeAndExportsTheFilteredCases() {
        String a = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String b = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String energy = f.opened(f.coordinator, a, "ENERGY", "2024-08-31", null).get("id").asString();
        String quality = f.opened(f.coordinator, a, "QUALITY", ChinaTime.today(clock).minusDays(3).toString(), null)
                .get("id").asString();
        String other = f.opened(f.coordinator, b, "ENERGY", "2024-08-31", null).get("id").asString();

        String list = page(coordinator, "/enforcement/cases?uscc=" + a);
        assertThat(list).contains(energy, quality, "已下达限期整改通知书", "经济和信息化委员会").doesNotContain(other);
        assertThat(list).contains("overdue-badge");
        assertThat(page(coordinator, "/enforcement/cases?uscc=" + a + "&overdue=true")).contains(energy)
                .doesNotContain(quality);
        assertThat(page(coordinator, "/enforcement/cases?uscc=" + a + "&overdue=false")).contains(quality)
                .doesNotContain(energy);
        assertThat(page(coordinator, "/enforcement/cases?uscc=" + a + "&dimension=QUALITY")).contains(quality)
                .doesNotContain(energy);
        assertThat(page(coordinator, "/enforcement/cases?uscc=" + a + "&state=RECTIFIED")).contains("没有符合条件的案件")
                .doesNotContain(energy);
        assertThat(page(coordinator, "/enforcement/cases?region=500110&uscc=" + a)).doesNotContain(energy);
        assertThat(page(coordinator, "/enforcement/cases?state=SLEEPING")).contains("状态 的取值“SLEEPING”无效");
        // paging: one per page, the second page holds the other case
        String first = page(coordinator, "/enforcement/cases?uscc=" + a + "&size=20&page=0");
        assertThat(first).contains("共 2 条");

        HttpResponse<String> csv = coordinator.get("/enforcement/cases/export.csv?uscc=" + a + "&dimension=ENERGY");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF案件编号,类型,状态,统一社会信用代码,企业名称");
        assertThat(csv.body().lines().skip(1)).singleElement().satisfies(line -> assertThat(line)
                .contains(energy, a, "限期整改", "已下达限期整改通知书", "能耗", "2025-02-28"));

        // the enterprise sees its own cases only
        people.ensure(CaseFixtures.enterpriseUser(a));
        Http enterprise = session(CaseFixtures.enterpriseUser(a).username());
        assertThat(page(enterprise, "/enforcement/cases")).contains(energy, quality).doesNotContain(other);
        assertThat(enterprise.get("/enforcement/cases/" + other).statusCode()).isEqualTo(404);
        assertThat(enterprise.get("/enforcement/cases/export.csv").body()).contains(energy).doesNotContain(other);
        // the registry's enterprise page links to the enterprise's cases
        assertThat(page(coordinator, "/registry/enterprises/" + a)).contains("/enforcement/cases?uscc=" + a);
    }

    @Test
    void theCaseOffersExactlyTheAllowedActionsAndARefusalChangesNothing() {
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        JsonNode opened = f.opened(f.coordinator, uscc, "ENERGY", "2024-08-31", "\"document\":\"涪经信监〔2024〕31号\"");
        String id = opened.get("id").asString();

        String asCoordinator = page(coordinator, "/enforcement/cases/" + id);
        assertThat(asCoordinator).contains("执法测试企业", uscc, "能耗", "2025-02-28", "overdue-badge",
                "下达限期整改通知书", "涪经信监〔2024〕31号", "notice.docx");
        // the deadline has passed: no extension any more; a report, or failure by lapse
        assertThat(asCoordinator).contains("id=\"action-SUBMIT_RECTIFICATION\"", "id=\"action-VERIFY_FAILED\"")
                .doesNotContain("id=\"action-REQUEST_EXTENSION\"", "id=\"action-GRANT_EXTENSION\"",
                        "id=\"action-APPROVE_CLOSURE\"", "closure.docx");
        people.ensure(CaseFixtures.enterpriseUser(uscc));
        Http enterprise = session(CaseFixtures.enterpriseUser(uscc).username());
        String asEnterprise = page(enterprise, "/enforcement/cases/" + id);
        assertThat(asEnterprise).contains("id=\"action-SUBMIT_RECTIFICATION\"").doesNotContain("id=\"action-VERIFY_FAILED\"");
        people.ensure(Role.OBSERVER);
        assertThat(page(session(TestPeople.username(Role.OBSERVER)), "/enforcement/cases/" + id))
                .contains("id=\"no-actions\"").doesNotContain("id=\"action-");

        // bad input: an effective date before the notice; comes back with the reason, nothing recorded
        HttpResponse<String> early = coordinator.post("/enforcement/cases/" + id + "/actions", Map.of(
                "action", "SUBMIT_RECTIFICATION", "effectiveDate", "2024-08-01", "version", "0", "note", "早报"));
        assertThat(early.statusCode()).isEqualTo(302);
        assertThat(early.headers().firstValue("Location").orElse("")).endsWith("/enforcement/cases/" + id);
        String back = page(coordinator, "/enforcement/cases/" + id);
        assertThat(back).contains("id=\"refusal\"", "早于上一环节的日期").contains("value=\"早报\"");
        // a legal refusal: an extension after the deadline (the form is not offered, the rule still holds)
        coordinator.post("/enforcement/cases/" + id + "/actions", Map.of("action", "REQUEST_EXTENSION",
                "effectiveDate", ChinaTime.today(clock).toString()));
        assertThat(page(coordinator, "/enforcement/cases/" + id)).contains("已届满，不能再申请延期");
        // the enterprise may not record a failure
        enterprise.post("/enforcement/cases/" + id + "/actions", Map.of("action", "VERIFY_FAILED"));
        assertThat(page(enterprise, "/enforcement/cases/" + id)).contains("只有负责该维度和区域的执法人员可以办理“验收不合格”");
        assertThat(f.get(f.coordinator, id).get("timeline")).hasSize(1);

        // two people on one page: the enterprise submits, the officer's form still carries the old version
        enterprise.post("/enforcement/cases/" + id + "/actions", Map.of("action", "SUBMIT_RECTIFICATION",
                "effectiveDate", "2025-02-20", "document", "整改报告 附件-7", "version", "0"));
        assertThat(page(enterprise, "/enforcement/cases/" + id)).contains("id=\"saved\"", "已提交整改报告", "整改报告 附件-7");
        coordinator.post("/enforcement/cases/" + id + "/actions", Map.of("action", "VERIFY_FAILED",
                "effectiveDate", "2025-03-01", "version", "0"));
        String stale = page(coordinator, "/enforcement/cases/" + id);
        assertThat(stale).contains("已被他人修改", "id=\"stale-hint\"", "id=\"action-VERIFY_COMPLIANT\"");
        assertThat(f.get(f.coordinator, id).get("state").asString()).isEqualTo("RECTIFICATION_SUBMITTED");

        coordinator.post("/enforcement/cases/" + id + "/actions", Map.of("action", "VERIFY_FAILED",
                "effectiveDate", "2025-03-01", "version", "1"));
        coordinator.post("/enforcement/cases/" + id + "/actions", Map.of("action", "PROPOSE_CLOSURE",
                "effectiveDate", "2025-03-05", "version", "2", "document", "涪经信文〔2025〕8号"));
        String proposed = page(coordinator, "/enforcement/cases/" + id);
        assertThat(proposed).contains("id=\"action-APPROVE_CLOSURE\"", "政府批准文号");
        // the decision needs its number
        coordinator.post("/enforcement/cases/" + id + "/actions", Map.of("action", "APPROVE_CLOSURE",
                "effectiveDate", "2025-03-10", "version", "3"));
        assertThat(page(coordinator, "/enforcement/cases/" + id)).contains("关停决定须填写政府批准文号");
        coordinator.post("/enforcement/cases/" + id + "/actions", Map.of("action", "APPROVE_CLOSURE",
                "effectiveDate", "2025-03-10", "version", "3", "document", "涪陵府〔2025〕21号", "deadline", "2025-09-30"));
        String approved = page(coordinator, "/enforcement/cases/" + id);
        assertThat(approved).contains("closure.docx", "id=\"action-RECORD_EXIT_MEASURE\"", "封存主体设备",
                "<option value=\"BF1\"");
        coordinator.post("/enforcement/cases/" + id + "/actions", Map.of("action", "RECORD_EXIT_MEASURE",
                "effectiveDate", "2025-03-20", "version", "4", "equipmentRef", "BF1", "measure", "SEALED",
                "commitment", "true", "dismantleDeadline", "2025-09-30"));
        String measured = page(coordinator, "/enforcement/cases/" + id);
        assertThat(measured).contains("id=\"exit-measures\"", "2025-09-30", "300,000");
        JsonNode after = f.get(f.coordinator, id);
        assertThat(after.get("state").asString()).isEqualTo("EXIT_IN_PROGRESS");
        assertThat(after.get("exitMeasures").get(0).get("commitment").asBoolean()).isTrue();
    }

    @Test
    void anOfficerOpensACaseByHandAndARefusalKeepsTheInput() {
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        assertThat(page(coordinator, "/enforcement/cases/new?uscc=" + uscc)).contains("id=\"case-form\"", uscc);
        // ENVIRONMENT needs the officer's deadline
        HttpResponse<String> refused = coordinator.post("/enforcement/cases", Map.of("uscc", uscc,
                "dimension", "ENVIRONMENT", "effectiveDate", "2025-01-15", "origin", "INSPECTION", "note", "现场检查发现超标"));
        assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/enforcement/cases/new");
        String back = page(coordinator, "/enforcement/cases/new");
        assertThat(back).contains("请填写整改期限", "现场检查发现超标");
        assertThat(f.json.readTree(f.http.get("/api/v1/cases?uscc=" + uscc, f.coordinator).body()).get("total")
                .asLong()).isZero();

        HttpResponse<String> opened = coordinator.post("/enforcement/cases", Map.of("uscc", uscc,
                "dimension", "ENVIRONMENT", "effectiveDate", "2025-01-15", "deadline", "2025-04-15",
                "origin", "INSPECTION", "document", "涪环责改〔2025〕3号"));
        String location = opened.headers().firstValue("Location").orElse("");
        assertThat(location).contains("/enforcement/cases/ZG-2025-");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(page(coordinator, "/enforcement/cases/" + id)).contains("2025-04-15", "生态环境", "现场检查",
                "涪环责改〔2025〕3号");
        // an enterprise cannot open cases
        people.ensure(CaseFixtures.enterpriseUser(uscc));
        Http enterprise = session(CaseFixtures.enterpriseUser(uscc).username());
        assertThat(enterprise.get("/enforcement/cases/new").statusCode()).isEqualTo(403);
        assertThat(page(enterprise, "/enforcement/cases")).doesNotContain("id=\"new-case\"");
    }
}
