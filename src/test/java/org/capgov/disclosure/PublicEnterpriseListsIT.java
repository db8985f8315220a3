package org.capgov.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.capgov.enforcement.CaseKind;
import org.capgov.enforcement.lists.ListFixtures;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.DomainException;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/** The lists an enterprise is on, on its public page, and reports about one of its cases routed to the case's department. */
class PublicEnterpriseListsIT extends IntegrationTest {

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    PublicReportService reports;
    @Autowired
    PublicReportRateLimit rateLimit;

    ListFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ListFixtures(enterprises, equipment, jdbc);
        rateLimit.reset();
    }

    @Test
    void aYellowListedEnterpriseShowsItsCaseAndReportsAboutItGoToTheCaseDepartment() {
        Enterprise e = fixtures.enterprise("500102", "公示名单钢铁有限公司");
        LocalDate today = ChinaTime.today(clock);
        String caseId = fixtures.open(e, CaseKind.RECTIFICATION, "ENERGY", null, today.minusMonths(2), today.plusMonths(4),
                "FL-JXW");
        HttpResponse<String> page = Http.browser(port).get("/public/enterprises/" + e.uscc());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"yellow-list\"", "data-case=\"" + caseId + "\"", "重庆市涪陵区经济和信息化委员会", "能耗")
                .doesNotContain("id=\"lists-none\"");
        JsonNode body = json.readTree(Http.api(port).get("/api/v1/public/enterprises/" + e.uscc()).body());
        assertThat(body.at("/enforcement/yellow/0/caseId").asString()).isEqualTo(caseId);
        assertThat(body.at("/enforcement/yellow/0/departmentCode").asString()).isEqualTo("FL-JXW");

        // the report form offers the case; a report about it goes to the case's department, not the district government
        PublicVisitor visitor = new PublicVisitor(port);
        assertThat(visitor.get("/public/enterprises/" + e.uscc() + "/report").body()).contains("value=\"" + caseId + "\"");
        HttpResponse<String> sent = visitor.post("/public/enterprises/" + e.uscc() + "/report",
                Map.of("category", "WRONG_STATUS", "text", "已整改完毕，仍列入黄名单。", "caseId", caseId), true);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String trackingNo = sent.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        assertThat(jdbc.sql("select department_code || '|' || case_id from public_report where tracking_no = :t")
                .param("t", trackingNo).query(String.class).single()).isEqualTo("FL-JXW|" + caseId);

        // a case of another enterprise is refused and nothing is stored
        Enterprise other = fixtures.enterprise("500102", "公示名单钢铁有限公司乙");
        String otherCase = fixtures.open(other, CaseKind.RECTIFICATION, "SAFETY", null, today.minusMonths(1),
                today.plusMonths(5), "FL-YJJ");
        try {
            reports.submit(e.uscc(), new PublicReportService.Submission("OTHER", "x", null, null, otherCase), "203.0.113.9");
            throw new AssertionError("a foreign case was accepted");
        } catch (DomainException refused) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.field()).isEqualTo("caseId");
        }
        assertThat(jdbc.sql("select count(*) from public_report where case_id = :c").param("c", otherCase)
                .query(Long.class).single()).isZero();
    }
}
