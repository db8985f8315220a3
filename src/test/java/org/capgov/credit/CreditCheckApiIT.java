package org.capgov.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/** The check API and its log (trigger → response → feedback), bad input, roles, and the pages' scope. */
class CreditCheckApiIT extends IntegrationTest {

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

    @BeforeEach
    void setUp() {
        fixtures = new CreditFixtures(enterprises, events, transaction);
        http = Http.api(port);
    }

    private String token(Role role) {
        testPeople.ensure(role);
        return http.token(TestPeople.username(role), TestPeople.PASSWORD);
    }

    private static String field(String body, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(body);
        assertThat(m.find()).as(name + " in " + body).isTrue();
        return m.group(1);
    }

    @Test
    void aCheckAnswersTheContractAndIsLoggedWithItsCaller() {
        Enterprise e = fixtures.enterprise("500102");
        String caseId = CreditFixtures.caseId("TC");
        fixtures.deadlineMissed(e, caseId, CaseState.EXIT_ORDERED, LocalDate.of(2025, 2, 28));
        String bank = token(Role.FINANCIAL_INSTITUTION);

        HttpResponse<String> r = http.get("/api/v1/credit/check?uscc=" + e.uscc() + "&measure=FINANCING", bank);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"uscc\":\"" + e.uscc() + "\"").contains("\"restricted\":true")
                .contains("\"measures\":[\"FINANCING\"]").contains("\"caseId\":\"" + caseId + "\"")
                .contains("\"since\":\"2025-03-01\"").contains("\"checkedAt\":\"");
        String checkId = field(r.body(), "checkId");

        Map<String, Object> logged = jdbc.sql("select caller, department, uscc, measure, restricted from credit_check "
                + "where id = cast(:id as uuid)").param("id", checkId).query().singleRow();
        assertThat(logged).containsEntry("caller", TestPeople.username(Role.FINANCIAL_INSTITUTION))
                .containsEntry("uscc", e.uscc()).containsEntry("measure", "FINANCING").containsEntry("restricted", true);
        assertThat((String) logged.get("department")).isNotBlank();

        // an unknown enterprise with a well-formed code is simply not restricted (and the check is still logged)
        String unknown = CreditFixtures.randomUscc("500101");
        HttpResponse<String> none = http.get("/api/v1/credit/check?uscc=" + unknown, bank);
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).contains("\"restricted\":false").contains("\"measures\":[]").contains("\"basis\":[]");
        assertThat(jdbc.sql("select count(*) from credit_check where uscc = :u").param("u", unknown).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void badInputIs400NamingTheFieldAndLogsNothing() {
        String bank = token(Role.FINANCIAL_INSTITUTION);
        long before = jdbc.sql("select count(*) from credit_check").query(Long.class).single();
        HttpResponse<String> shortCode = http.get("/api/v1/credit/check?uscc=91500102MA5U8A1B0", bank);
        assertThat(shortCode.statusCode()).isEqualTo(400);
        assertThat(shortCode.body()).contains("\"field\":\"uscc\"").contains("长度应为 18 位，实为 17 位");
        String valid = CreditFixtures.randomUscc("500102");
        String badCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        HttpResponse<String> wrongCheckCharacter = http.get("/api/v1/credit/check?uscc=" + badCheck, bank);
        assertThat(wrongCheckCharacter.statusCode()).isEqualTo(400);
        assertThat(wrongCheckCharacter.body()).contains("\"field\":\"uscc\"").contains("第 18 位校验码应为");
        HttpResponse<String> measure = http.get("/api/v1/credit/check?uscc=" + valid + "&measure=LOANS", bank);
        assertThat(measure.statusCode()).isEqualTo(400);
        assertThat(measure.body()).contains("\"field\":\"measure\"").contains("未知的信用约束措施");
        assertThat(http.get("/api/v1/credit/check", bank).body()).contains("\"field\":\"uscc\"");
        assertThat(jdbc.sql("select count(*) from credit_check").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void onlyTheCallerGivesFeedbackAndEveryoneSeesTriggerResponseFeedbackTogether() {
        Enterprise e = fixtures.enterprise("500102");
        String caseId = CreditFixtures.caseId("ZG");
        fixtures.closureApproved(e, caseId, Dimension.QUALITY, LocalDate.of(2024, 11, 1), "涪府发〔2024〕40号");
        String bank = token(Role.FINANCIAL_INSTITUTION);
        String district = token(Role.DISTRICT_OFFICER);
        String checkId = field(http.get("/api/v1/credit/check?uscc=" + e.uscc(), bank).body(), "checkId");
        String path = "/api/v1/credit/checks/" + checkId + "/feedback";

        HttpResponse<String> other = http.json("POST", path, district, "{\"action\":\"LOAN_REFUSED\"}");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/credit/checks/" + checkId, district).statusCode()).isEqualTo(404);
        assertThat(http.json("POST", path, bank, "{\"action\":\"SHRUG\"}").body()).contains("\"field\":\"action\"");

        HttpResponse<String> given = http.json("POST", path, bank, "{\"action\":\"LICENCE_REFUSED\",\"note\":\"不予换证\"}");
        assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
        assertThat(given.body()).contains("\"feedbackAction\":\"LICENCE_REFUSED\"").contains("\"feedbackNote\":\"不予换证\"");
        assertThat(http.json("POST", path, bank, "{\"action\":\"PROCEEDED\"}").statusCode()).isEqualTo(409);

        String seen = http.get("/api/v1/credit/checks/" + checkId, token(Role.COORDINATOR)).body();
        assertThat(seen).contains("\"caller\":\"" + TestPeople.username(Role.FINANCIAL_INSTITUTION) + "\"")
                .contains("\"restricted\":true").contains("\"resultMeasures\":[\"PRODUCTION_LICENCE\",\"DISCHARGE_PERMIT\"]")
                .contains("\"feedbackAction\":\"LICENCE_REFUSED\"");
        long recordId = jdbc.sql("select id from credit_record where case_id = :c").param("c", caseId).query(Long.class)
                .single();
        String detail = http.get("/api/v1/credit/records/" + recordId, token(Role.COORDINATOR)).body();
        assertThat(detail).contains("\"id\":\"" + checkId + "\"").contains("LICENCE_REFUSED");
    }

    @Test
    void enterprisesAndTheGridCompanyCannotCheckBanksCan() {
        String uscc = CreditFixtures.randomUscc("500102");
        assertThat(http.get("/api/v1/credit/check?uscc=" + uscc, token(Role.ENTERPRISE)).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/credit/check?uscc=" + uscc, token(Role.GRID_COMPANY)).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/credit/check?uscc=" + uscc, null).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/credit/check?uscc=" + uscc, token(Role.FINANCIAL_INSTITUTION)).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/credit/records", token(Role.FINANCIAL_INSTITUTION)).statusCode()).isEqualTo(403);
    }

    @Test
    void aDistrictOfficerSeesOnlyItsRegionsRecords() {
        Enterprise fuling = fixtures.enterprise("500102");
        Enterprise yuzhong = fixtures.enterprise("500103");
        fixtures.closureApproved(fuling, CreditFixtures.caseId("ZG"), Dimension.ENERGY, LocalDate.of(2024, 9, 1), "甲");
        String otherCase = CreditFixtures.caseId("ZG");
        fixtures.closureApproved(yuzhong, otherCase, Dimension.ENERGY, LocalDate.of(2024, 9, 1), "乙");
        long otherId = jdbc.sql("select id from credit_record where case_id = :c").param("c", otherCase)
                .query(Long.class).single();

        testPeople.ensure(Role.DISTRICT_OFFICER);
        Http district = Http.browser(port);
        district.login(TestPeople.username(Role.DISTRICT_OFFICER), TestPeople.PASSWORD);
        HttpResponse<String> page = district.get("/credit?status=ACTIVE");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(fuling.uscc()).doesNotContain(yuzhong.uscc());
        assertThat(district.get("/credit/records/" + otherId).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/credit/records?uscc=" + yuzhong.uscc(), token(Role.DISTRICT_OFFICER)).body())
                .contains("\"total\":0");

        testPeople.ensure(Role.COORDINATOR);
        Http coordinator = Http.browser(port);
        coordinator.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        assertThat(coordinator.get("/credit?region=500103").body()).contains(yuzhong.uscc()).doesNotContain(fuling.uscc());
        String detail = coordinator.get("/credit/records/" + otherId).body();
        assertThat(detail).contains(otherCase).contains("生产许可").contains("id=\"repair-form\"");
        assertThat(coordinator.get("/credit?measure=LOANS").body()).contains("id=\"record-refusal\"");
    }

    @Test
    void theCheckPageChecksLogsAndTakesFeedback() {
        Enterprise e = fixtures.enterprise("500102");
        fixtures.deadlineMissed(e, CreditFixtures.caseId("TC"), CaseState.EXIT_ORDERED, LocalDate.of(2025, 4, 30));
        testPeople.ensure(Role.FINANCIAL_INSTITUTION);
        Http bank = Http.browser(port);
        bank.login(TestPeople.username(Role.FINANCIAL_INSTITUTION), TestPeople.PASSWORD);
        HttpResponse<String> result = bank.get("/credit/check?uscc=" + e.uscc() + "&measure=FINANCING");
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("id=\"check-verdict\"").contains("受限：融资授信").contains("2025-05-01");
        String checkId = jdbc.sql("select cast(id as text) from credit_check where uscc = :u").param("u", e.uscc())
                .query(String.class).single();
        assertThat(result.body()).contains("data-check=\"" + checkId + "\"");

        HttpResponse<String> posted = bank.post("/credit/checks/" + checkId + "/feedback",
                Map.of("action", "LOAN_REFUSED", "note", "拒绝新增授信"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select feedback_action from credit_check where id = cast(:id as uuid)").param("id", checkId)
                .query(String.class).single()).isEqualTo("LOAN_REFUSED");
        String english = bank.get("/credit/check?lang=en").body();
        int row = english.indexOf("data-check=\"" + checkId + "\"");
        String answered = english.substring(row, english.indexOf("</tr>", row));
        assertThat(answered).contains("Loan refused · 拒绝新增授信").doesNotContain("<form");
        assertThat(bank.get("/credit/check?uscc=123").body()).contains("id=\"check-refusal\"").contains("长度应为 18 位");
        assertThat(bank.get("/credit").statusCode()).isEqualTo(403);
    }

    /**
     * Seed 001 二、(二)1 "对于被列入去产能名单、关停的企业，不予核发排污许可证": the environment department asks before issuing a
     * discharge permit; a closed enterprise (and one that missed its exit) is refused, an untouched one is not.
     */
    @Test
    void theEnvironmentDepartmentChecksBeforeIssuingADischargePermit() {
        testPeople.ensure(TestPeople.person("t.credit-env", "FL-STHJJ", Role.DEPARTMENT_OFFICER, "500102",
                java.util.Set.of(Dimension.ENVIRONMENT), null));
        String env = http.token("t.credit-env", TestPeople.PASSWORD);
        Enterprise closed = fixtures.enterprise("500102");
        fixtures.closureApproved(closed, CreditFixtures.caseId("ZG"), Dimension.ENERGY, LocalDate.of(2024, 6, 1),
                "涪陵府〔2024〕5号");
        Enterprise missed = fixtures.enterprise("500102");
        fixtures.deadlineMissed(missed, CreditFixtures.caseId("TC"), CaseState.EXIT_ORDERED, LocalDate.of(2024, 3, 31));
        Enterprise clean = fixtures.enterprise("500102");

        HttpResponse<String> refused = http.get("/api/v1/credit/check?uscc=" + closed.uscc()
                + "&measure=DISCHARGE_PERMIT", env);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(refused.body()).contains("\"restricted\":true").contains("\"measures\":[\"DISCHARGE_PERMIT\"]");
        assertThat(http.get("/api/v1/credit/check?uscc=" + missed.uscc() + "&measure=DISCHARGE_PERMIT", env).body())
                .contains("\"restricted\":true");
        assertThat(http.get("/api/v1/credit/check?uscc=" + clean.uscc() + "&measure=DISCHARGE_PERMIT", env).body())
                .contains("\"restricted\":false");
        // the closure restricts the production licence and the discharge permit, not yet the joint sanctions
        assertThat(http.get("/api/v1/credit/check?uscc=" + closed.uscc(), env).body())
                .contains("\"measures\":[\"PRODUCTION_LICENCE\",\"DISCHARGE_PERMIT\"]");
    }
}
