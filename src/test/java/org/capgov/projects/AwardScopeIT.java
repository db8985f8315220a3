package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capgov.support.ScopedCallers.ADMIN;
import static org.capgov.support.ScopedCallers.BANK;
import static org.capgov.support.ScopedCallers.CITY;
import static org.capgov.support.ScopedCallers.CITY_ENVIRONMENT;
import static org.capgov.support.ScopedCallers.DISTRICT;
import static org.capgov.support.ScopedCallers.FULING_COORDINATOR;
import static org.capgov.support.ScopedCallers.FULING_ENVIRONMENT;
import static org.capgov.support.ScopedCallers.GRID;
import static org.capgov.support.ScopedCallers.OBSERVER;
import static org.capgov.support.ScopedCallers.TIANJIN;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.enforcement.CaseService;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.shared.ChinaTime;
import org.capgov.supervision.awards.ExitAward;
import org.capgov.supervision.awards.ExitAwards;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.ScopedCallers;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exit awards role by role (readings S9, S10): with an award in 涪陵 and one in 万州, each caller's statement and
 * download hold only its region's awards; a grant on another region's exit case, or a payment of another region's
 * award, changes nothing (no award, no payment, no audit entry); officers and the roles outside supervision may
 * neither grant nor pay.
 */
class AwardScopeIT extends IntegrationTest {

    private static final String OWN = "企业";

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
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
    void statementsHoldOnlyTheRegionsAwardsAndOtherRegionsAwardsCannotBeGrantedOrPaid() {
        LedgerFixtures f = new LedgerFixtures(Http.api(port), json, people);
        ScopedCallers callers = new ScopedCallers(f.http, people).person(OWN, TestPeople.BY_ROLE.get(Role.ENTERPRISE));
        LocalDate today = ChinaTime.today(clock);
        String fuling = f.enterprise("500102", LedgerFixtures.converter("AS1", 800_000));
        String wanzhou = f.enterprise("500101", LedgerFixtures.converter("AS2", 900_000),
                LedgerFixtures.converter("AS3", 700_000));
        String caseF = exitCase(fuling, "AS1", today);
        String caseW = exitCase(wanzhou, "AS2", today);
        String caseW2 = exitCase(wanzhou, "AS3", today);
        ExitAward awardF = grant(caseF);
        ExitAward awardW = grant(caseW);

        Map<String, Set<String>> sees = new LinkedHashMap<>();
        sees.put(ADMIN, Set.of(fuling, wanzhou));
        sees.put(CITY, Set.of(fuling, wanzhou));
        sees.put(OBSERVER, Set.of(fuling, wanzhou));
        sees.put(CITY_ENVIRONMENT, Set.of(fuling, wanzhou));
        sees.put(FULING_COORDINATOR, Set.of(fuling));
        sees.put(FULING_ENVIRONMENT, Set.of(fuling));
        sees.put(DISTRICT, Set.of(fuling));
        sees.put(TIANJIN, Set.of());
        for (var e : sees.entrySet()) {
            String token = callers.token(e.getKey());
            for (String path : List.of("/supervision/awards/export?format=csv", "/supervision/awards")) {
                HttpResponse<String> r = callers.http.get(path, token);
                assertThat(r.statusCode()).as(e.getKey() + " " + path).isEqualTo(200);
                for (String uscc : List.of(fuling, wanzhou)) {
                    String shown = path.contains("export") ? uscc : uscc.substring(8, 16);
                    assertThat(r.body().contains(shown)).as(e.getKey() + " " + path + " " + uscc)
                            .isEqualTo(e.getValue().contains(uscc));
                }
            }
            // naming another region in the filter shows nothing of it
            assertThat(callers.http.get("/supervision/awards/export?format=csv&region=500101", token).body()
                    .contains(wanzhou)).as(e.getKey()).isEqualTo(e.getValue().contains(wanzhou));
        }
        for (String outsider : List.of(OWN, GRID, BANK)) {
            assertThat(callers.http.get("/supervision/awards/export?format=csv", callers.token(outsider)).statusCode())
                    .as(outsider).isEqualTo(403);
        }

        String rowW = row(awardW.id());
        String rowF = row(awardF.id());
        long auditsW = ScopedCallers.audits(jdbc, "supervision_exit_award", awardW.id());
        long instalment = awardW.instalments().get(0).id();
        Map<String, String> grantW2 = Map.of("caseId", caseW2, "amountYuan", "100000", "document", "越权核定〔2026〕1号",
                "workersAffected", "3", "workersResettled", "3");
        Map<String, String> pay = Map.of("paidOn", today.toString(), "paidDocument", "越权拨付〔2026〕1号");
        for (String caller : List.of(FULING_COORDINATOR, TIANJIN)) {
            Http page = callers.browser(port, caller);
            page.post("/supervision/awards", grantW2);
            page.post("/supervision/awards/" + awardW.id() + "/instalments/" + instalment + "/pay", pay);
        }
        Http tianjin = callers.browser(port, TIANJIN);
        tianjin.post("/supervision/awards/" + awardF.id() + "/instalments/" + awardF.instalments().get(0).id()
                + "/pay", pay);
        for (String caller : List.of(FULING_ENVIRONMENT, DISTRICT, OBSERVER)) {
            Http page = callers.browser(port, caller);
            assertThat(page.post("/supervision/awards", grantW2).statusCode()).as(caller).isEqualTo(403);
            assertThat(page.post("/supervision/awards/" + awardF.id() + "/instalments/"
                    + awardF.instalments().get(0).id() + "/pay", pay).statusCode()).as(caller).isEqualTo(403);
        }
        assertThat(jdbc.sql("select count(*) from supervision_exit_award where case_id = :c").param("c", caseW2)
                .query(Long.class).single()).isZero();
        assertThat(row(awardW.id())).isEqualTo(rowW);
        assertThat(row(awardF.id())).isEqualTo(rowF);
        assertThat(ScopedCallers.audits(jdbc, "supervision_exit_award", awardW.id())).isEqualTo(auditsW);
        assertThat(jdbc.sql("select count(*) from supervision_award_instalment where award_id in (:a, :b)"
                + " and paid_on is not null").param("a", awardW.id()).param("b", awardF.id()).query(Long.class)
                .single()).isZero();

        // the city's coordinator grants on the same case: it is in its scope
        callers.browser(port, CITY).post("/supervision/awards", grantW2);
        assertThat(jdbc.sql("select count(*) from supervision_exit_award where case_id = :c").param("c", caseW2)
                .query(Long.class).single()).isEqualTo(1);
    }

    private String exitCase(String uscc, String equipment, LocalDate today) {
        return SystemActor.call(() -> cases.openExitObligation(uscc, equipment, today, today.plusDays(60),
                "范围测试〔2026〕1号", "奖补范围测试").summary().id());
    }

    private ExitAward grant(String caseId) {
        return SystemActor.call(() -> awards.grant(new ExitAwards.Grant(caseId, new BigDecimal("150000"),
                new BigDecimal("100000"), "渝财建〔2026〕范围测试", 10, 8, new BigDecimal("30000"))));
    }

    private String row(long id) {
        return jdbc.sql("select to_jsonb(t)::text from supervision_exit_award t where id = :id").param("id", id)
                .query(String.class).single();
    }
}
