package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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

/** The daily sweep: overdue cases are marked and reported once per deadline, with a notice; the dashboard board. */
class DeadlineSweepIT extends IntegrationTest {

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeadlineSweep sweep;
    @Autowired
    EnforcementEvents events;

    @Test
    void overdueCasesAreMarkedAndReportedOncePerDeadlineEvenWhenTheSweepRunsTwice() {
        CaseFixtures f = new CaseFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String overdue = f.opened(f.coordinator, uscc, "ENERGY", "2024-08-31", null).get("id").asString();
        String onTime = f.opened(f.coordinator, uscc, "ENVIRONMENT", "2024-08-31", "\"deadline\":\"2999-12-31\"")
                .get("id").asString();
        String closed = f.opened(f.coordinator, uscc, "QUALITY", "2024-01-31", null).get("id").asString();
        f.acted(f.coordinator, closed, "SUBMIT_RECTIFICATION", "2024-03-01", null);
        f.acted(f.coordinator, closed, "VERIFY_COMPLIANT", "2024-03-02", null);

        // the deadline day itself is on time; the day after, the case is overdue
        sweep.sweep(LocalDate.of(2025, 2, 28));
        assertThat(events.missed).noneMatch(m -> m.caseId().equals(overdue));
        int noticesBefore = events.notices.size();
        sweep.sweep(ChinaTime.today(clock));
        sweep.sweep(ChinaTime.today(clock));
        assertThat(events.missed.stream().filter(m -> m.caseId().equals(overdue))).singleElement().satisfies(m -> {
            assertThat(m.deadline()).isEqualTo(LocalDate.of(2025, 2, 28));
            assertThat(m.state()).isEqualTo(CaseState.NOTICE_ISSUED);
            assertThat(m.departmentCode()).isEqualTo("FL-JXW");
            assertThat(m.exitDeadline()).isFalse();
        });
        assertThat(events.missed).noneMatch(m -> m.caseId().equals(onTime) || m.caseId().equals(closed));
        // one notice per department × region of a sweep chunk (other tests' overdue cases in 涪陵 may share it), and
        // none from the second sweep; it names up to 20 cases and links to the rest
        assertThat(events.notices.subList(noticesBefore, events.notices.size()).stream()
                .filter(n -> n.departmentCodes().contains("FL-JXW") && "/500000/500102/".equals(n.regionPath())))
                .singleElement().satisfies(n -> {
                    assertThat(n.kind()).isEqualTo("CASE_OVERDUE");
                    assertThat(n.departmentCodes()).containsExactly("FL-JXW");
                    assertThat(n.roles()).containsExactlyInAnyOrder("DISTRICT_OFFICER", "COORDINATOR");
                    assertThat(n.title()).contains("逾期");
                    assertThat(n.dedupKey()).startsWith("CASE_OVERDUE:FL-JXW:").endsWith(":" + ChinaTime.today(clock));
                    if (n.body().contains(overdue)) {
                        assertThat(n.body()).contains("2025-02-28").contains(uscc);
                    } else {
                        assertThat(n.body()).contains("另有").contains("件");
                    }
                });
        JsonNode c = f.get(f.coordinator, overdue);
        assertThat(c.get("overdueSince").asString()).isEqualTo("2025-03-01");
        assertThat(c.get("overdue").asBoolean()).isTrue();
        assertThat(f.get(f.coordinator, onTime).get("overdueSince").isNull()).isTrue();
        assertThat(f.get(f.coordinator, onTime).get("overdue").asBoolean()).isFalse();
        // the sweep's mark does not count as a change by an officer: the version stays
        assertThat(c.get("version").asInt()).isZero();

        // a closure decision with an exit deadline starts a new clock, reported again when it passes
        f.acted(f.coordinator, overdue, "VERIFY_FAILED", "2025-03-01", null);
        f.acted(f.coordinator, overdue, "PROPOSE_CLOSURE", "2025-03-05", null);
        f.acted(f.coordinator, overdue, "APPROVE_CLOSURE", "2025-03-10", "\"document\":\"涪陵府〔2025〕9号\","
                + "\"deadline\":\"2025-06-30\"");
        assertThat(f.get(f.coordinator, overdue).get("overdueSince").isNull()).isTrue();
        sweep.sweep(ChinaTime.today(clock));
        assertThat(events.missed.stream().filter(m -> m.caseId().equals(overdue))).hasSize(2)
                .last().satisfies(m -> assertThat(m.exitDeadline()).isTrue());
    }

    /**
     * Seed 001 二、(五) "封存主体设备（生产线），并限时拆除": a sealed furnace not dismantled by its deadline is a missed exit —
     * reported once by the sweep, and sanctioned like a missed exit deadline (seed 001 三(八)).
     */
    @Test
    void aMissedDismantlingDeadlineIsReportedOnceAndSanctionedLikeAMissedExit() {
        CaseFixtures f = new CaseFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String id = f.opened(f.coordinator, uscc, "ENERGY", "2024-01-10", null).get("id").asString();
        f.acted(f.coordinator, id, "VERIFY_FAILED", "2024-07-11", null);
        f.acted(f.coordinator, id, "PROPOSE_CLOSURE", "2024-07-12", null);
        f.acted(f.coordinator, id, "APPROVE_CLOSURE", "2024-07-15", "\"document\":\"涪陵府〔2024〕15号\","
                + "\"deadline\":\"2999-12-31\"");
        f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2024-08-01", "\"measure\":\"WATER_CUT\",\"equipmentRef\":\"BF1\",\"commitment\":true");
        f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2024-08-01", "\"measure\":\"POWER_CUT\",\"equipmentRef\":\"BF1\"");
        f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2024-08-01", "\"measure\":\"POWER_UNIT_REMOVED\",\"equipmentRef\":\"BF1\"");
        f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2024-08-01",
                "\"measure\":\"SEALED\",\"equipmentRef\":\"BF1\",\"dismantleDeadline\":\"2024-12-31\"");
        f.acted(f.coordinator, id, "VERIFY_EXIT", "2024-08-10", null);

        // the dismantling deadline day itself is on time
        sweep.sweep(LocalDate.of(2024, 12, 31));
        assertThat(events.missed).noneMatch(m -> m.caseId().equals(id));
        sweep.sweep(ChinaTime.today(clock));
        sweep.sweep(ChinaTime.today(clock));
        assertThat(events.missed.stream().filter(m -> m.caseId().equals(id))).singleElement().satisfies(m -> {
            assertThat(m.dismantlingOf()).isEqualTo("BF1");
            assertThat(m.deadline()).isEqualTo(LocalDate.of(2024, 12, 31));
            assertThat(m.state()).isEqualTo(CaseState.EXIT_VERIFIED);
            assertThat(m.exitDeadline()).isTrue();
        });
        assertThat(jdbc.sql("select basis || ' ' || since from credit_record where case_id = :id order by basis")
                .param("id", id).query(String.class).list())
                .containsExactly("CLOSURE_BY_LAW 2024-07-15", "EXIT_DEADLINE_MISSED 2025-01-01");
        // dismantled late: recorded on the verified case, and the next sweep has nothing more to say
        f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2025-01-20", "\"measure\":\"DISMANTLED\",\"equipmentRef\":\"BF1\"");
        sweep.sweep(ChinaTime.today(clock));
        assertThat(events.missed.stream().filter(m -> m.caseId().equals(id))).hasSize(1);
    }

    @Test
    void theBoardCountsDueSoonAndOverdueByDepartmentWithinTheViewersScope() {
        CaseFixtures f = new CaseFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        people.ensure(Role.DISTRICT_OFFICER);
        String district = f.token(TestPeople.username(Role.DISTRICT_OFFICER));
        JsonNode before = json.readTree(f.http.get("/api/v1/cases/deadlines", district).body());
        LocalDate soon = ChinaTime.today(clock).plusDays(10);
        f.opened(f.coordinator, uscc, "ENVIRONMENT", ChinaTime.today(clock).toString(), "\"deadline\":\"" + soon + "\"");
        f.opened(f.coordinator, uscc, "ENERGY", "2024-01-15", null);
        String other = f.enterprise("500110", "STEEL", CaseFixtures.BF);
        f.opened(f.coordinator, other, "ENERGY", "2024-01-15", null);
        JsonNode after = json.readTree(f.http.get("/api/v1/cases/deadlines", district).body());
        assertThat(after.get("dueSoon").asLong() - before.get("dueSoon").asLong()).isEqualTo(1);
        // the 綦江 case is outside the 涪陵 district officer's scope
        assertThat(after.get("overdue").asLong() - before.get("overdue").asLong()).isEqualTo(1);
        assertThat(after.get("departments").toString()).contains("FL-STHJJ").contains("FL-JXW");
        // other tests share the database and may have cases of city departments in 涪陵: compare, don't expect absence
        assertThat(overdueOf(after, "CQ-JXW")).isEqualTo(overdueOf(before, "CQ-JXW"));

        // the dashboard shows the board
        Http browser = Http.browser(port);
        browser.login(TestPeople.username(Role.DISTRICT_OFFICER), TestPeople.PASSWORD);
        assertThat(browser.get("/").body()).contains("临期与逾期案件").contains("data-department=\"FL-STHJJ\"");
        // and the sweep runs on demand for the coordinator
        assertThat(f.http.json("POST", "/api/v1/cases/sweep", f.coordinator, "{}").body()).contains("\"reported\"");
    }

    private static long overdueOf(JsonNode board, String department) {
        for (JsonNode row : board.get("departments")) {
            if (row.get("department").asString().equals(department)) {
                return row.get("overdue").asLong();
            }
        }
        return 0;
    }
}
