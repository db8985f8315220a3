package org.capgov.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import org.capgov.identity.Role;
import org.capgov.monitoring.MeasurementService;
import org.capgov.registry.EnterpriseService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumption through the API and the watch: bad rows refuse the batch with a row report and store nothing, an
 * identical re-send changes nothing; a closed enterprise drawing power and a jump become leads in the district's
 * inbox; an officer dismisses one with a reason and opens a case from the other.
 */
class PowerWatchIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    MeasurementService measurements;
    @Autowired
    JsonMapper json;
    @Autowired
    org.capgov.pricing.watch.ConsumptionUpload upload;

    PricingFixtures fixtures;
    Http http;

    @BeforeEach
    void setUp() {
        fixtures = new PricingFixtures(enterprises, measurements, jdbc);
        http = Http.api(port);
    }

    private String token(Role role) {
        testPeople.ensure(role);
        return http.token(TestPeople.username(role), TestPeople.PASSWORD);
    }

    private long stored(String account) {
        return jdbc.sql("select count(*) from electricity_consumption where account_no = :a").param("a", account)
                .query(Long.class).single();
    }

    static String row(String account, String period, String kwh) {
        return "{\"gridAccount\":\"" + account + "\",\"period\":\"" + period + "\",\"kwh\":" + kwh + "}";
    }

    @Test
    void badRowsStoreNothingAndAnIdenticalResendChangesNothing() {
        PricingFixtures.Works works = fixtures.enterprise("500102", "CEMENT", null, null);
        String grid = token(Role.GRID_COMPANY);
        String future = YearMonth.now().plusMonths(2).toString();
        HttpResponse<String> refused = http.json("POST", "/api/v1/electricity/consumption", grid, "{\"items\":["
                + row(works.account(), "2025-05", "1000") + "," + row("NO-SUCH-ACCOUNT", "2025-05", "10") + ","
                + row(works.account(), "2025-04", "-5") + "," + row(works.account(), future, "10") + ","
                + row(works.account(), "2025-03", "999999999999999") + "]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("errors")).hasSize(4);
        assertThat(refused.body()).contains("第2行").contains("第3行").contains("第4行").contains("第5行")
                .contains("供电户号不存在").contains("不能为负数");
        assertThat(stored(works.account())).isZero();

        String batch = "{\"items\":[" + row(works.account(), "2025-05", "1000") + ","
                + row(works.account(), "2025-06-01", "30") + "]}";
        HttpResponse<String> first = http.json("POST", "/api/v1/electricity/consumption", grid, batch);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json.readTree(first.body()).get("stored").asInt()).isEqualTo(2);
        HttpResponse<String> again = http.json("POST", "/api/v1/electricity/consumption", grid, batch);
        assertThat(json.readTree(again.body()).get("stored").asInt()).isZero();
        assertThat(json.readTree(again.body()).get("unchanged").asInt()).isEqualTo(2);
        assertThat(stored(works.account())).isEqualTo(2);
        assertThat(http.json("POST", "/api/v1/electricity/consumption", token(Role.DISTRICT_OFFICER), batch).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aClosedEnterpriseDrawingPowerAndAJumpBecomeLeadsThatOfficersDecide() {
        PricingFixtures.Works closed = fixtures.enterprise("500102", "STEEL", "CLOSED", LocalDate.of(2024, 1, 1));
        PricingFixtures.Works jumping = fixtures.enterprise("500102", "CEMENT", null, null);
        String grid = token(Role.GRID_COMPANY);
        StringBuilder rows = new StringBuilder();
        YearMonth m = YearMonth.of(2024, 6);
        for (int i = 0; i < 12; i++, m = m.plusMonths(1)) {
            rows.append(row(jumping.account(), m.toString(), Integer.toString(100_000 + (i % 3) * 2_000))).append(',');
        }
        rows.append(row(jumping.account(), "2025-06", "400000")).append(',');
        rows.append(row(closed.account(), "2025-06", "90000"));
        HttpResponse<String> sent = http.json("POST", "/api/v1/electricity/consumption", grid, "{\"items\":[" + rows + "]}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(json.readTree(sent.body()).get("leads").asInt()).isGreaterThanOrEqualTo(2);

        String district = token(Role.DISTRICT_OFFICER);
        JsonNode leads = json.readTree(http.get("/api/v1/electricity/leads?status=OPEN", district).body());
        long closedLead = 0;
        long jumpLead = 0;
        for (JsonNode l : leads.get("items")) {
            if (l.get("gridAccount").asString().equals(closed.account()) && l.get("rule").asString().equals("CLOSED_DRAWING")) {
                closedLead = l.get("id").asLong();
                assertThat(l.get("figures").get("kwh").decimalValue()).isEqualByComparingTo("90000");
            }
            if (l.get("gridAccount").asString().equals(jumping.account()) && l.get("rule").asString().equals("JUMP")) {
                jumpLead = l.get("id").asLong();
                assertThat(l.get("history")).hasSize(12);
            }
        }
        assertThat(closedLead).isPositive();
        assertThat(jumpLead).isPositive();
        long inbox = jdbc.sql("select count(*) from notification n join person p on p.id = n.person_id "
                + "where p.username = :u and n.kind = 'POWER_LEAD' and n.link = :link")
                .param("u", TestPeople.username(Role.DISTRICT_OFFICER)).param("link", "/pricing/leads/" + closedLead)
                .query(Long.class).single();
        assertThat(inbox).isEqualTo(1);

        // the same month sent again raises no second lead
        http.json("POST", "/api/v1/electricity/consumption", grid, "{\"items\":[" + row(closed.account(), "2025-06", "90001") + "]}");
        assertThat(jdbc.sql("select count(*) from power_lead where account_no = :a").param("a", closed.account())
                .query(Long.class).single()).isEqualTo(1);

        String coordinator = token(Role.COORDINATOR);
        HttpResponse<String> noReason = http.json("POST", "/api/v1/electricity/leads/" + jumpLead + "/dismissal",
                coordinator, "{\"reason\":\"  \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        HttpResponse<String> dismissed = http.json("POST", "/api/v1/electricity/leads/" + jumpLead + "/dismissal",
                coordinator, "{\"reason\":\"新生产线投产，已备案\"}");
        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(200);
        assertThat(json.readTree(dismissed.body()).get("status").asString()).isEqualTo("DISMISSED");

        HttpResponse<String> opened = http.json("POST", "/api/v1/electricity/leads/" + closedLead + "/case", coordinator,
                "{\"dimension\":\"TECHNOLOGY\",\"deadline\":\"" + LocalDate.now().plusMonths(1) + "\",\"document\":\"涪经信线索〔2025〕1号\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = json.readTree(opened.body()).get("caseId").asString();
        assertThat(caseId).isNotBlank();
        assertThat(http.get("/api/v1/cases/" + caseId, coordinator).statusCode()).isEqualTo(200);
        assertThat(http.json("POST", "/api/v1/electricity/leads/" + closedLead + "/dismissal", coordinator,
                "{\"reason\":\"x\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void anUploadedFileIsStoredWholeOrRefusedWithTheSpreadsheetRowNumbers() throws Exception {
        PricingFixtures.Works works = fixtures.enterprise("500102", "CEMENT", null, null);
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("consumption", ".csv");
        java.nio.file.Files.writeString(bad, "供电户号,期间,用电量（千瓦时）,最大负荷（千瓦）\n" + works.account()
                + ",2025-04,1200,\n" + works.account() + ",2025-05,abc,\nNO-SUCH-ACCOUNT,2025-05,10,\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.capgov.identity.SystemActor.call(() -> {
            try {
                return upload.load(bad);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).isInstanceOf(org.capgov.shared.DomainException.class).satisfies(e -> assertThat(
                ((org.capgov.shared.DomainException) e).problems()).extracting(p -> p.reason()).anyMatch(r -> r.contains("表格第3行")));
        assertThat(stored(works.account())).isZero();
        java.nio.file.Path good = java.nio.file.Files.createTempFile("consumption", ".csv");
        java.nio.file.Files.writeString(good, "供电户号,期间,用电量（千瓦时）\n" + works.account() + ",2025-04,1200\n"
                + works.account() + ",2025-05-02,40\n");
        org.capgov.pricing.watch.ConsumptionService.Result r = org.capgov.identity.SystemActor.call(() -> {
            try {
                return upload.load(good);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(r.stored()).isEqualTo(2);
        assertThat(stored(works.account())).isEqualTo(2);
    }
}
