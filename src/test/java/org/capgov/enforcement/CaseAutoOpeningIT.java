package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.capgov.compliance.FindingsFilter;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * Cases opened by policy after an evaluation run, and the 立案 button of the findings list. The shared context runs
 * with the default policy (NONE), so the run opens nothing by itself; the passes here are restricted to this test's
 * enterprises, so that other tests' enterprises in the shared database are left alone.
 */
class CaseAutoOpeningIT extends IntegrationTest {

    @Autowired
    Clock clock;

    static final String BF_450 = CaseFixtures.BF.replace("\"volume_m3\":350", "\"volume_m3\":450");
    static final LocalDate AS_OF = LocalDate.parse("2018-06-30");

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseAutoOpening autoOpening;
    @Autowired
    ComplianceRunCompletions completions;

    @Test
    void adverseFindingsOpenCasesOnceAsTheSystemAndOfficersOpenFromTheFindingsList() {
        CaseFixtures f = new CaseFixtures(Http.api(port), json, people);
        String steel = f.enterprise("500102", "STEEL", BF_450);
        measure(f, steel, "\"equipmentCode\":\"BF1\",\"metric\":\"bf_energy\",\"value\":500", "2017-12-31");
        String kiln = f.enterprise("500102", "CEMENT", CaseFixtures.SHAFT_KILN);
        String small = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String other = f.enterprise("500102", "STEEL", BF_450);
        measure(f, other, "\"equipmentCode\":\"BF1\",\"metric\":\"bf_energy\",\"value\":480", "2017-12-31");

        long run = run(f);
        // the run announces its end; with the default policy nothing is opened
        long until = System.currentTimeMillis() + 20_000;
        while (completions.completed.stream().noneMatch(c -> c.runId() == run) && System.currentTimeMillis() < until) {
            sleep(50);
        }
        assertThat(completions.completed).anySatisfy(c -> {
            assertThat(c.runId()).isEqualTo(run);
            assertThat(c.asOf()).isEqualTo(AS_OF);
        });
        assertThat(autoOpening.policy()).isEqualTo(CaseAutoOpening.Policy.NONE);
        assertThat(cases(steel)).isZero();

        // ELIMINATED only: the kiln's exit case, nothing for the furnace
        CaseAutoOpening.Result eliminated = autoOpening.openFor(run, AS_OF, CaseAutoOpening.Policy.ELIMINATED,
                FindingsFilter.ofEnterprise(kiln));
        assertThat(eliminated.opened()).singleElement().satisfies(id -> assertThat(id).startsWith("TC-2018-"));
        assertThat(autoOpening.openFor(run, AS_OF, CaseAutoOpening.Policy.ELIMINATED,
                FindingsFilter.ofEnterprise(steel)).opened()).isEmpty();
        JsonNode exit = f.get(f.coordinator, eliminated.opened().get(0));
        assertThat(exit.get("kind").asString()).isEqualTo("EXIT");
        assertThat(exit.get("deadline").asString()).isEqualTo("2015-12-31");
        assertThat(exit.get("origin").asString()).isEqualTo("POLICY");

        // ADVERSE: the energy failure of the furnace becomes a rectification, as the system, as of the run's date
        CaseAutoOpening.Result adverse = autoOpening.openFor(run, AS_OF, CaseAutoOpening.Policy.ADVERSE,
                FindingsFilter.ofEnterprise(steel));
        assertThat(adverse.opened()).hasSize(1);
        String id = adverse.opened().get(0);
        JsonNode c = f.get(f.coordinator, id);
        assertThat(c.get("dimension").asString()).isEqualTo("ENERGY");
        assertThat(c.get("equipmentRef").asString()).isEqualTo("BF1");
        assertThat(c.get("openedOn").asString()).isEqualTo("2018-06-30");
        assertThat(c.get("deadline").asString()).isEqualTo("2018-12-30");
        assertThat(c.get("origin").asString()).isEqualTo("POLICY");
        assertThat(c.get("createdBy").asString()).isEqualTo("system");
        assertThat(c.get("ruleId").asString()).isEqualTo("CQ2014-STEEL-ENERGY-BF");
        assertThat(c.get("findingId").asString()).isEqualTo(run + ":" + steel + ":CQ2014-STEEL-ENERGY-BF:BF1");
        assertThat(c.get("timeline").get(0).get("actor").asString()).isEqualTo("system");
        assertThat(jdbc.sql("select actor from audit_entry where entity_type = 'enforcement_case' and entity_id = :id")
                .param("id", id).query(String.class).list()).containsExactly("system");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'case_auto_open' and entity_id = :run")
                .param("run", Long.toString(run)).query(Long.class).single()).isEqualTo(3);

        // the notice states the observed value against the limit and quotes the rule
        CasePageSession officer = new CasePageSession(port, TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        String notice = officer.docx("/enforcement/cases/" + id + "/documents/notice.docx");
        assertThat(notice).contains("限期整改通知书", "执法测试企业", steel, "500 kgce/t", "446", "2018年12月30日",
                "高炉工序能耗不超过446kgce/t", "渝府发〔2014〕3号", "《中华人民共和国节约能源法》");

        // idempotent: a second pass over the same run opens nothing
        CaseAutoOpening.Result again = autoOpening.openFor(run, AS_OF, CaseAutoOpening.Policy.ADVERSE,
                FindingsFilter.ofEnterprise(steel));
        assertThat(again.opened()).isEmpty();
        assertThat(again.alreadyOpen()).isEqualTo(1);
        // once rectified after the run's date, the same (older) finding does not open it again
        f.acted(f.coordinator, id, "SUBMIT_RECTIFICATION", "2018-09-01", null);
        f.acted(f.coordinator, id, "VERIFY_COMPLIANT", "2018-09-10", null);
        CaseAutoOpening.Result afterClosing = autoOpening.openFor(run, AS_OF, CaseAutoOpening.Policy.ADVERSE,
                FindingsFilter.ofEnterprise(steel));
        assertThat(afterClosing.opened()).isEmpty();
        assertThat(afterClosing.closedSince()).isEqualTo(1);
        assertThat(cases(steel)).isEqualTo(1);

        // a technology rectification needs the officer's deadline: left to officers
        CaseAutoOpening.Result technology = autoOpening.openFor(run, AS_OF, CaseAutoOpening.Policy.NONCOMPLIANT,
                FindingsFilter.ofEnterprise(small));
        assertThat(technology.opened()).isEmpty();
        assertThat(technology.needsOfficer()).isGreaterThanOrEqualTo(1);

        // the findings list offers 立案 to officers; one click opens the energy case from the finding
        Http page = Http.browser(port);
        page.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        String findings = page.get("/compliance/findings?run=" + run + "&uscc=" + other).body();
        assertThat(findings).contains("finding-open-case", run + ":" + other + ":CQ2014-STEEL-ENERGY-BF:BF1");
        HttpResponse<String> opened = page.post("/enforcement/cases/from-finding",
                Map.of("findingId", run + ":" + other + ":CQ2014-STEEL-ENERGY-BF:BF1"));
        String location = opened.headers().firstValue("Location").orElse("");
        assertThat(location).contains("/enforcement/cases/ZG-");
        JsonNode fromFinding = f.get(f.coordinator, location.substring(location.lastIndexOf('/') + 1));
        assertThat(fromFinding.get("origin").asString()).isEqualTo("FINDING");
        assertThat(fromFinding.get("openedOn").asString()).isEqualTo(ChinaTime.today(clock).toString());
        // the finding now links to its case and offers no second 立案
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(page.get("/compliance/findings?run=" + run + "&uscc=" + other).body())
                .contains("finding-case", "/enforcement/cases/" + caseId)
                .doesNotContain("value=\"" + run + ":" + other + ":CQ2014-STEEL-ENERGY-BF:BF1\"");
        // the technology finding needs a deadline: the full form, with the finding filled in
        HttpResponse<String> needsDeadline = page.post("/enforcement/cases/from-finding",
                Map.of("findingId", run + ":" + small + ":CQ2014-STEEL-TECH-BF-VOLUME:BF1"));
        assertThat(needsDeadline.headers().firstValue("Location").orElse("")).contains("/enforcement/cases/new?findingId=");
        String form = page.get(needsDeadline.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", ""))
                .body();
        assertThat(form).contains("请填写整改期限", "CQ2014-STEEL-TECH-BF-VOLUME");
        // as a question of the form, not a red refusal, with the enterprise and its failure named
        assertThat(form).contains("id=\"case-hint\"", "id=\"case-finding\"", "有效容积").doesNotContain("未保存")
                .doesNotContain("deadline）");
        // observers and enterprises get no button
        people.ensure(Role.OBSERVER);
        Http observer = Http.browser(port);
        observer.login(TestPeople.username(Role.OBSERVER), TestPeople.PASSWORD);
        assertThat(observer.get("/compliance/findings?run=" + run + "&uscc=" + other).body())
                .contains("CQ2014-STEEL-ENERGY-BF").doesNotContain("finding-open-case");
    }

    /** A full run as of AS_OF (waiting while another one is in progress), to its end. */
    private long run(CaseFixtures f) {
        long until = System.currentTimeMillis() + 180_000;
        HttpResponse<String> started;
        do {
            started = f.http.json("POST", "/api/v1/compliance/runs", f.coordinator,
                    "{\"asOf\":\"" + AS_OF + "\",\"incremental\":false}");
            if (started.statusCode() == 409) {
                sleep(200);
            }
        } while (started.statusCode() == 409 && System.currentTimeMillis() < until);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = json.readTree(started.body()).get("id").asLong();
        while (System.currentTimeMillis() < until) {
            String status = json.readTree(f.http.get("/api/v1/compliance/runs/" + id, f.coordinator).body())
                    .get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                assertThat(status).isEqualTo("DONE");
                return id;
            }
            sleep(100);
        }
        throw new AssertionError("run " + id + " did not end");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private long cases(String uscc) {
        return jdbc.sql("select count(*) from enforcement_case where uscc = :u").param("u", uscc).query(Long.class).single();
    }

    private void measure(CaseFixtures f, String uscc, String fields, String periodEnd) {
        HttpResponse<String> r = f.http.json("POST", "/api/v1/measurements", f.coordinator, "{\"uscc\":\"" + uscc
                + "\"," + fields + ",\"periodEnd\":\"" + periodEnd + "\",\"source\":\"INSPECTION\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
}
