package org.capgov.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.capgov.enforcement.CaseAction;
import org.capgov.enforcement.CaseState;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.shared.Dimension;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Case events → credit records (measures per seed, once per case and basis), affiliates, and repair. */
class CreditRecordsIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    CreditFixtures fixtures;
    Http http;
    String bank;
    String coordinator;

    @BeforeEach
    void setUp() {
        fixtures = new CreditFixtures(enterprises, events, transaction);
        http = Http.api(port);
        testPeople.ensure(Role.FINANCIAL_INSTITUTION);
        testPeople.ensure(Role.COORDINATOR);
        bank = http.token(TestPeople.username(Role.FINANCIAL_INSTITUTION), TestPeople.PASSWORD);
        coordinator = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
    }

    private List<String> records(String caseId) {
        return jdbc.sql("select basis || ' ' || array_to_string(measures, ',') || ' ' || since || ' ' || coalesce(document, '-') "
                + "from credit_record where case_id = :c order by id").param("c", caseId).query(String.class).list();
    }

    private long audits(String caseId) {
        return jdbc.sql("""
                select count(*) from audit_entry a join credit_record r on a.entity_id = cast(r.id as text)
                 where a.entity_type = 'credit_record' and r.case_id = :c
                """).param("c", caseId).query(Long.class).single();
    }

    private long recordId(String caseId, String basis) {
        return jdbc.sql("select id from credit_record where case_id = :c and basis = :b").param("c", caseId)
                .param("b", basis).query(Long.class).single();
    }

    private String check(String uscc, String measure) {
        HttpResponse<String> r = http.get("/api/v1/credit/check?uscc=" + uscc + (measure == null ? "" : "&measure=" + measure),
                bank);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void aClosureByLawCreatesOneRecordWithTheProductionLicenceAndTheDischargePermit() {
        Enterprise e = fixtures.enterprise("500102");
        String caseId = CreditFixtures.caseId("ZG");
        // steps before the closure create nothing
        fixtures.transition(e, caseId, Dimension.ENERGY, CaseAction.VERIFY_FAILED, CaseState.RECTIFICATION_SUBMITTED,
                CaseState.RECTIFICATION_FAILED, LocalDate.of(2024, 8, 1), null);
        assertThat(records(caseId)).isEmpty();

        fixtures.closureApproved(e, caseId, Dimension.ENERGY, LocalDate.of(2024, 9, 10), "涪府发〔2024〕12号");
        assertThat(records(caseId)).containsExactly("CLOSURE_BY_LAW PRODUCTION_LICENCE,DISCHARGE_PERMIT 2024-09-10 涪府发〔2024〕12号");
        assertThat(audits(caseId)).isEqualTo(1);

        // the same event again (a retried action) changes nothing
        fixtures.closureApproved(e, caseId, Dimension.ENERGY, LocalDate.of(2024, 9, 10), "涪府发〔2024〕12号");
        assertThat(records(caseId)).hasSize(1);
        assertThat(audits(caseId)).isEqualTo(1);

        assertThat(check(e.uscc(), "PRODUCTION_LICENCE")).contains("\"restricted\":true")
                .contains("\"caseId\":\"" + caseId + "\"").contains("\"document\":\"涪府发〔2024〕12号\"")
                .contains("\"since\":\"2024-09-10\"");
        assertThat(check(e.uscc(), "FINANCING")).contains("\"restricted\":false").contains("\"measures\":[]");
    }

    @Test
    void aSafetyClosureAlsoWithdrawsTheSafetyLicence() {
        Enterprise e = fixtures.enterprise("500102");
        String caseId = CreditFixtures.caseId("ZG");
        fixtures.closureApproved(e, caseId, Dimension.SAFETY, LocalDate.of(2024, 10, 8), "涪府发〔2024〕30号");
        assertThat(records(caseId)).containsExactly(
                "CLOSURE_BY_LAW PRODUCTION_LICENCE,SAFETY_LICENCE,DISCHARGE_PERMIT 2024-10-08 涪府发〔2024〕30号");
    }

    @Test
    void aMissedExitDeadlineCreatesOneRecordWithEveryMeasureFromTheDayAfter() {
        Enterprise e = fixtures.enterprise("500102");
        String caseId = CreditFixtures.caseId("TC");
        // a missed rectification deadline is not yet a sanction
        fixtures.deadlineMissed(e, caseId, CaseState.NOTICE_ISSUED, LocalDate.of(2025, 2, 28));
        assertThat(records(caseId)).isEmpty();

        fixtures.deadlineMissed(e, caseId, CaseState.EXIT_ORDERED, LocalDate.of(2025, 2, 28));
        fixtures.deadlineMissed(e, caseId, CaseState.EXIT_ORDERED, LocalDate.of(2025, 2, 28));
        assertThat(records(caseId)).containsExactly("EXIT_DEADLINE_MISSED LAND_SUPPLY,FUNDING,TAX,PRODUCTION_LICENCE,"
                + "SAFETY_LICENCE,BOND_ISSUE,FINANCING,PROCUREMENT,BIDDING,LAND_BIDDING,DISCHARGE_PERMIT 2025-03-01 -");
        assertThat(audits(caseId)).isEqualTo(1);

        String all = check(e.uscc(), null);
        assertThat(all).contains("\"restricted\":true").contains("\"FINANCING\"").contains("\"LAND_BIDDING\"")
                .contains("\"since\":\"2025-03-01\"");
    }

    @Test
    void aMissedExitAfterAClosureCarriesTheClosureDocument() {
        Enterprise e = fixtures.enterprise("500102");
        String caseId = CreditFixtures.caseId("ZG");
        fixtures.closureApproved(e, caseId, Dimension.ENERGY, LocalDate.of(2024, 9, 10), "涪府发〔2024〕15号");
        fixtures.deadlineMissed(e, caseId, CaseState.CLOSURE_APPROVED, LocalDate.of(2024, 12, 10));
        assertThat(records(caseId)).hasSize(2).last().asString()
                .startsWith("EXIT_DEADLINE_MISSED").endsWith("2024-12-11 涪府发〔2024〕15号");
    }

    @Test
    void affiliatesAreRestrictedForLandBiddingOnly() {
        Enterprise affiliate = fixtures.enterprise("500102");
        Enterprise sanctioned = fixtures.enterprise("500102", List.of(affiliate.uscc()));
        // an affiliation recorded on the other side binds too
        Enterprise parentSide = fixtures.enterprise("500103", List.of(sanctioned.uscc()));
        Enterprise stranger = fixtures.enterprise("500102");
        fixtures.deadlineMissed(sanctioned, CreditFixtures.caseId("TC"), CaseState.EXIT_IN_PROGRESS, LocalDate.of(2025, 1, 31));

        for (Enterprise a : List.of(affiliate, parentSide)) {
            assertThat(check(a.uscc(), "LAND_BIDDING")).contains("\"restricted\":true")
                    .contains("\"enterprise\":\"" + sanctioned.uscc() + "\"").contains("\"affiliate\":true");
            assertThat(check(a.uscc(), "FINANCING")).contains("\"restricted\":false");
            assertThat(check(a.uscc(), null)).contains("\"measures\":[\"LAND_BIDDING\"]");
        }
        assertThat(check(sanctioned.uscc(), "FINANCING")).contains("\"restricted\":true").contains("\"affiliate\":false");
        assertThat(check(stranger.uscc(), "LAND_BIDDING")).contains("\"restricted\":false").contains("\"basis\":[]");
    }

    @Test
    void repairIsRefusedWithAReasonBeforeTheExitIsVerifiedAndAllowedAfterAudited() {
        Enterprise e = fixtures.enterprise("500102");
        String caseId = CreditFixtures.caseId("TC");
        fixtures.deadlineMissed(e, caseId, CaseState.EXIT_ORDERED, LocalDate.of(2025, 1, 31));
        long id = recordId(caseId, "EXIT_DEADLINE_MISSED");
        String path = "/api/v1/credit/records/" + id + "/repair";

        HttpResponse<String> early = http.json("POST", path, coordinator, "{\"effectiveDate\":\"2025-05-01\"}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("尚未经现场核查").contains("整改到位前不得修复");

        fixtures.exitVerified(e, caseId, LocalDate.of(2025, 6, 1));
        fixtures.transition(e, caseId, Dimension.ENERGY, CaseAction.ANNOUNCE, CaseState.EXIT_VERIFIED, CaseState.ANNOUNCED,
                LocalDate.of(2025, 6, 20), "公告");
        assertThat(jdbc.sql("select exit_verified_on from credit_record where id = :id").param("id", id)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2025, 6, 1));
        HttpResponse<String> beforeVerification = http.json("POST", path, coordinator, "{\"effectiveDate\":\"2025-05-01\"}");
        assertThat(beforeVerification.statusCode()).isEqualTo(409);
        assertThat(beforeVerification.body()).contains("早于退出核查日期 2025-06-01");
        HttpResponse<String> future = http.json("POST", path, coordinator,
                "{\"effectiveDate\":\"" + LocalDate.now().plusDays(3) + "\"}");
        assertThat(future.statusCode()).isEqualTo(409);
        assertThat(future.body()).contains("晚于今天");
        assertThat(http.json("POST", path, coordinator, "{\"ground\":\"SOMETIME\"}").body()).contains("\"field\":\"ground\"");
        assertThat(check(e.uscc(), "FINANCING")).contains("\"restricted\":true");
        long auditsBefore = audits(caseId);

        HttpResponse<String> repaired = http.json("POST", path, coordinator,
                "{\"effectiveDate\":\"2025-06-10\",\"note\":\"设备已拆除\"}");
        assertThat(repaired.statusCode()).as(repaired.body()).isEqualTo(200);
        assertThat(repaired.body()).contains("\"status\":\"REPAIRED\"").contains("\"repairedOn\":\"2025-06-10\"")
                .contains("\"repairGround\":\"EXIT_VERIFIED\"");
        assertThat(audits(caseId)).isEqualTo(auditsBefore + 1);
        assertThat(jdbc.sql("select summary from audit_entry where entity_type = 'credit_record' and entity_id = :id "
                + "order by id desc limit 1").param("id", Long.toString(id)).query(String.class).single()).contains("信用修复");
        assertThat(check(e.uscc(), "FINANCING")).contains("\"restricted\":false");

        HttpResponse<String> again = http.json("POST", path, coordinator, "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("已于 2025-06-10 修复");

        Http page = Http.browser(port);
        page.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        assertThat(page.get("/credit/records/" + id).body()).contains("已于 2025-06-10 修复")
                .contains(TestPeople.username(Role.COORDINATOR)).doesNotContain("id=\"repair-form\"");
    }

    @Test
    void aRefusedRepairOnThePageShowsItsReasonAndChangesNothing() {
        Enterprise e = fixtures.enterprise("500102");
        String caseId = CreditFixtures.caseId("TC");
        fixtures.deadlineMissed(e, caseId, CaseState.EXIT_ORDERED, LocalDate.of(2025, 1, 31));
        long id = recordId(caseId, "EXIT_DEADLINE_MISSED");
        Http page = Http.browser(port);
        page.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        HttpResponse<String> posted = page.post("/credit/records/" + id + "/repair", Map.of("ground", "EXIT_VERIFIED"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(page.get("/credit/records/" + id).body()).contains("id=\"record-refusal\"").contains("尚未经现场核查");
        assertThat(jdbc.sql("select status from credit_record where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("ACTIVE");
    }

    @Test
    void onlyTheCoordinatorDecidesARepairAndOnlyWithADocument() {
        Enterprise e = fixtures.enterprise("500102");
        String caseId = CreditFixtures.caseId("ZG");
        fixtures.closureApproved(e, caseId, Dimension.ENVIRONMENT, LocalDate.of(2024, 3, 1), "涪府发〔2024〕3号");
        String path = "/api/v1/credit/records/" + recordId(caseId, "CLOSURE_BY_LAW") + "/repair";
        testPeople.ensure(Role.DEPARTMENT_OFFICER);
        String officer = http.token(TestPeople.username(Role.DEPARTMENT_OFFICER), TestPeople.PASSWORD);

        HttpResponse<String> byOfficer = http.json("POST", path, officer,
                "{\"ground\":\"COORDINATOR_DECISION\",\"document\":\"涪经信〔2025〕1号\"}");
        assertThat(byOfficer.statusCode()).isEqualTo(409);
        assertThat(byOfficer.body()).contains("只有领导小组办公室（协调员）可以决定信用修复");
        HttpResponse<String> noDocument = http.json("POST", path, coordinator, "{\"ground\":\"COORDINATOR_DECISION\"}");
        assertThat(noDocument.statusCode()).isEqualTo(409);
        assertThat(noDocument.body()).contains("须注明决定文号");
        HttpResponse<String> decided = http.json("POST", path, coordinator,
                "{\"ground\":\"COORDINATOR_DECISION\",\"document\":\"涪经信〔2025〕1号\",\"effectiveDate\":\"2025-01-02\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(decided.body()).contains("\"repairDocument\":\"涪经信〔2025〕1号\"");
        assertThat(http.json("POST", path, http.token(TestPeople.username(Role.FINANCIAL_INSTITUTION), TestPeople.PASSWORD),
                "{}").statusCode()).isEqualTo(403);
    }
}
