package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.capgov.enforcement.CaseService;
import org.capgov.identity.SystemActor;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.supervision.awards.ExitAward;
import org.capgov.supervision.awards.ExitAwards;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An exit award (seed 003, readings S9 and S10): granted on an exit case of one converter with the worker resettlement
 * figures, paid in instalments only as the exit reaches its steps, listed in the region's statement (CSV); and the
 * converter whose exit drew the award is refused as replacement capacity in a project's plan, and the ledger issues no
 * replacement units from its verified exit.
 */
class ClosureSubsidyIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    CaseService cases;
    @Autowired
    ExitAwards awards;

    @Test
    void anAwardIsPaidAsTheExitAdvancesAndItsCapacityReplacesNothing() {
        LedgerFixtures f = new LedgerFixtures(Http.api(port), json, testPeople);
        LocalDate today = ChinaTime.today(clock);
        String uscc = f.enterprise("500102", LedgerFixtures.converter("SB1", 1_000_000));
        String caseId = SystemActor.call(() -> cases.openExitObligation(uscc, "SB1", today, today.plusDays(60),
                "涪经信〔2026〕8号", "奖补测试").summary().id());

        // bad input changes nothing
        assertThatThrownBy(() -> SystemActor.call(() -> awards.grant(new ExitAwards.Grant(caseId,
                new BigDecimal("200000"), new BigDecimal("250000"), "", 30, 31, null))))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).problems()).extracting(DomainException.FieldProblem::field)
                        .contains("firstYuan", "document", "workersResettled"));
        assertThat(jdbc.sql("select count(*) from supervision_exit_award where case_id = :c").param("c", caseId)
                .query(Long.class).single()).isZero();

        ExitAward granted = SystemActor.call(() -> awards.grant(new ExitAwards.Grant(caseId, new BigDecimal("200000"),
                new BigDecimal("120000"), "渝财建〔2026〕12号", 30, 28, new BigDecimal("90000"))));
        assertThat(granted.instalments()).extracting(ExitAward.Instalment::step)
                .containsExactly("EXIT_VERIFIED", "ANNOUNCED");
        assertThat(granted.capacity()).isEqualByComparingTo("1000000");
        assertThatThrownBy(() -> SystemActor.call(() -> awards.grant(new ExitAwards.Grant(caseId,
                new BigDecimal("1"), null, "重复", 0, 0, null)))).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).status()).isEqualTo(409);

        // the converter whose exit drew the award replaces nothing
        HttpResponse<String> project = f.http.json("POST", "/api/v1/projects", f.admin,
                ProjectPlanApiIT.project(uscc, "奖补设备置换测试项目", 500_000));
        assertThat(project.statusCode()).as(project.body()).isEqualTo(201);
        long projectId = json.readTree(project.body()).get("project").get("id").asLong();
        HttpResponse<String> plan = f.http.json("POST", "/api/v1/replacement-plans", f.admin, "{\"project\":"
                + projectId + ",\"retired\":[{\"uscc\":\"" + uscc + "\",\"equipmentRef\":\"SB1\"}],"
                + "\"confirmingAuthority\":\"重庆市经济和信息化委员会\"}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(409);
        assertThat(plan.body()).contains("已领取奖补资金");

        // the first instalment waits for the verified exit, the second for the announcement
        long first = granted.instalments().get(0).id();
        long second = granted.instalments().get(1).id();
        assertThatThrownBy(() -> SystemActor.call(() -> awards.pay(granted.id(), first, today, "拨〔2026〕1号")))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).status()).isEqualTo(409);
        act(f, caseId, "RECORD_EXIT_MEASURE", ",\"measure\":\"DISMANTLED\"");
        act(f, caseId, "VERIFY_EXIT", "");
        // nor does the ledger issue replacement units from it, though the exit is verified
        HttpResponse<String> issued = f.http.json("POST", "/api/v1/ledger/issuances", f.admin, "{\"caseId\":\""
                + caseId + "\",\"document\":\"涪经信核〔2026〕8号\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(409);
        assertThat(issued.body()).contains("已领取奖补资金").contains("SB1");
        assertThat(jdbc.sql("select count(*) from ledger_issuance where case_id = :c").param("c", caseId)
                .query(Long.class).single()).isZero();
        ExitAward paid = SystemActor.call(() -> awards.pay(granted.id(), first, today, "拨〔2026〕1号"));
        assertThat(paid.paidYuan()).isEqualByComparingTo("120000");
        assertThat(paid.outstandingYuan()).isEqualByComparingTo("80000");
        assertThatThrownBy(() -> SystemActor.call(() -> awards.pay(granted.id(), second, today, "拨〔2026〕2号")))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).status()).isEqualTo(409);

        // the region's statement, as a spreadsheet
        HttpResponse<String> csv = f.http.get("/supervision/awards/export?region=500102&format=csv", f.admin);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("奖补金额（元）").contains(uscc).contains("SB1").contains("200000")
                .contains("120000").contains("渝财建〔2026〕12号");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'supervision_exit_award'"
                + " and entity_id = :id").param("id", Long.toString(granted.id())).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void capacityInAReplacementPlanDrawsNoAward() {
        LedgerFixtures f = new LedgerFixtures(Http.api(port), json, testPeople);
        LocalDate today = ChinaTime.today(clock);
        String uscc = f.enterprise("500102", LedgerFixtures.converter("SB2", 1_000_000));
        HttpResponse<String> project = f.http.json("POST", "/api/v1/projects", f.admin,
                ProjectPlanApiIT.project(uscc, "置换设备奖补测试项目", 500_000));
        assertThat(project.statusCode()).as(project.body()).isEqualTo(201);
        long projectId = json.readTree(project.body()).get("project").get("id").asLong();
        HttpResponse<String> plan = f.http.json("POST", "/api/v1/replacement-plans", f.admin, "{\"project\":"
                + projectId + ",\"retired\":[{\"uscc\":\"" + uscc + "\",\"equipmentRef\":\"SB2\"}],"
                + "\"confirmingAuthority\":\"重庆市经济和信息化委员会\"}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        String caseId = SystemActor.call(() -> cases.openExitObligation(uscc, "SB2", today, today.plusDays(60),
                "涪经信〔2026〕9号", "奖补测试").summary().id());

        assertThatThrownBy(() -> SystemActor.call(() -> awards.grant(new ExitAwards.Grant(caseId,
                new BigDecimal("200000"), new BigDecimal("120000"), "渝财建〔2026〕13号", 30, 28, null))))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).status()).isEqualTo(409))
                .hasMessageContaining("error.award.replacement");
        assertThat(jdbc.sql("select count(*) from supervision_exit_award where case_id = :c").param("c", caseId)
                .query(Long.class).single()).isZero();
    }

    private static void act(LedgerFixtures f, String caseId, String action, String extra) {
        HttpResponse<String> r = f.http.json("POST", "/api/v1/cases/" + caseId + "/actions", f.caseOfficer,
                "{\"action\":\"" + action + "\"" + extra + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
