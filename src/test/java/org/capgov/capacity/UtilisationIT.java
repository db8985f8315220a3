package org.capgov.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Utilisation through the API: the contract's figures, capacity pro rata by days for a line commissioned and one
 * dismantled mid-month, the share of capacity that did not report, periods and scope.
 */
class UtilisationIT extends CapacityFixtures {

    private JsonNode utilisation(String token, String query) {
        HttpResponse<String> r = http.get("/api/v1/capacity/utilisation?" + query, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void oneFullyReportingWorksGivesTheContractsFigures() {
        // 365,000 t/a is 1,000 t a day: July holds 31,000 t of capacity, and 23,715 t is 76.5 %
        Enterprise works = cementWorks("500240", 365_000, LocalDate.of(2010, 1, 1));
        String coordinator = token(Role.COORDINATOR);
        reportClinker(coordinator, works, "2025-07", "23715");
        JsonNode u = utilisation(coordinator, "product=CLINKER&region=500240&period=2025-07");
        assertThat(u.get("product").asString()).isEqualTo("CLINKER");
        assertThat(u.get("region").asString()).isEqualTo("500240");
        assertThat(u.get("period").asString()).isEqualTo("2025-07");
        assertThat(u.get("output").decimalValue()).isEqualByComparingTo("23715");
        assertThat(u.get("capacity").decimalValue()).isEqualByComparingTo("31000");
        assertThat(u.get("utilisation").decimalValue()).isEqualByComparingTo("76.5");
        assertThat(u.get("reportingEnterprises").asInt()).isEqualTo(1);
        assertThat(u.get("missingCapacityShare").decimalValue()).isEqualByComparingTo("0");

        // the quarter: 92 days of capacity, two months unreported
        JsonNode q = utilisation(coordinator, "product=CLINKER&region=500240&period=2025-Q3");
        assertThat(q.get("capacity").decimalValue()).isEqualByComparingTo("92000");
        assertThat(q.get("missingCapacityShare").decimalValue()).isEqualByComparingTo("0.663");
        JsonNode year = utilisation(coordinator, "product=CLINKER&region=500240&period=2025");
        assertThat(year.get("capacity").decimalValue()).isEqualByComparingTo("365000");
        // a leap year divides by 366 days
        assertThat(utilisation(coordinator, "product=CLINKER&region=500240&period=2024-02").get("capacity").decimalValue())
                .isEqualByComparingTo("28920.765");
    }

    @Test
    void linesCommissionedOrDismantledMidMonthCountByDaysAndSilentCapacityIsShown() {
        Enterprise full = cementWorks("500242", 365_000, LocalDate.of(2010, 1, 1));
        Enterprise late = cementWorks("500242", 365_000, LocalDate.of(2025, 7, 16));
        Enterprise gone = cementWorks("500242", 365_000, LocalDate.of(2010, 1, 1));
        equipmentStatus(gone, "SEALED", LocalDate.of(2025, 7, 5));
        equipmentStatus(gone, "DISMANTLED", LocalDate.of(2025, 7, 11));
        String coordinator = token(Role.COORDINATOR);
        reportClinker(coordinator, full, "2025-07", "31000");
        reportClinker(coordinator, late, "2025-07", "8000");

        // 31 days + 16 days (from the 16th) + 10 days (sealed still counts; dismantled from the 11th does not)
        JsonNode u = utilisation(coordinator, "product=CLINKER&region=500242&period=2025-07");
        assertThat(u.get("capacity").decimalValue()).isEqualByComparingTo("57000");
        assertThat(u.get("output").decimalValue()).isEqualByComparingTo("39000");
        assertThat(u.get("utilisation").decimalValue()).isEqualByComparingTo("68.4");
        assertThat(u.get("reportingEnterprises").asInt()).isEqualTo(2);
        assertThat(u.get("enterprises").asInt()).isEqualTo(3);
        assertThat(u.get("missingCapacityShare").decimalValue()).isEqualByComparingTo("0.1754");
        // the dismantled line holds no capacity in August
        assertThat(utilisation(coordinator, "product=CLINKER&region=500242&period=2025-08").get("capacity").decimalValue())
                .isEqualByComparingTo("62000");
    }

    @Test
    void badPeriodsAndRegionsNameTheFieldAndScopeIsKept() {
        String coordinator = token(Role.COORDINATOR);
        for (String[] c : new String[][] {{"product=CLINKER&region=500242&period=2025-Q5", "period"},
                {"product=CLINKER&region=500242&period=25-07", "period"},
                {"product=CLINKER&region=999999&period=2025-07", "region"},
                {"product=GOLD&region=500242&period=2025-07", "product"},
                {"product=CLINKER&period=2025-07", "region"}}) {
            HttpResponse<String> r = http.get("/api/v1/capacity/utilisation?" + c[0], coordinator);
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("field").asString()).isEqualTo(c[1]);
        }
        String district = token(Role.DISTRICT_OFFICER);
        assertThat(http.get("/api/v1/capacity/utilisation?product=CLINKER&region=500242&period=2025-07", district)
                .statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/capacity/utilisation?product=CLINKER&region=500102&period=2025-07", district)
                .statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/capacity/utilisation?product=CLINKER&region=500102&period=2025-07",
                token(Role.FINANCIAL_INSTITUTION)).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/capacity/utilisation?product=CLINKER&region=500102&period=2025-07",
                token(Role.ENTERPRISE)).statusCode()).isEqualTo(403);
    }
}
