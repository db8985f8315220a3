package org.capgov.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.capgov.identity.Role;
import java.util.Set;
import org.capgov.registry.Enterprise;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The 80 % / 75 % warnings: opened on evaluation, one warning with a history while it persists, its level following
 * the figure, closed with the date when it clears; notices to the bank and the coordinator; who may see and run it.
 */
class CapacityWarningsIT extends CapacityFixtures {

    private JsonNode warnings(String token, String query) {
        HttpResponse<String> r = http.get("/api/v1/capacity/warnings?" + query, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("items");
    }

    @Test
    void aWarningOpensPersistsWithItsHistoryChangesLevelAndClosesWithTheDate() {
        Enterprise works = cementWorks("500243", 365_000, LocalDate.of(2010, 1, 1));
        String coordinator = token(Role.COORDINATOR);
        String bank = token(Role.FINANCIAL_INSTITUTION);
        reportClinker(coordinator, works, "2025-07", "23715");   // 76.5 % of 31,000 t
        reportClinker(coordinator, works, "2025-08", "21700");   // 70.0 % of 31,000 t
        reportClinker(coordinator, works, "2025-09", "27000");   // 90.0 % of 30,000 t

        JsonNode july = evaluate(coordinator, "2025-07");
        assertThat(july.get("opened").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode open = warnings(bank, "region=500243&product=CLINKER&status=OPEN");
        assertThat(open).hasSize(1);
        JsonNode w = open.get(0);
        assertThat(w.get("product").asString()).isEqualTo("CLINKER");
        assertThat(w.get("region").asString()).isEqualTo("500243");
        assertThat(w.get("level").asString()).isEqualTo("RELATIVE_EXCESS");
        assertThat(w.get("since").asString()).isEqualTo("2025-07");
        assertThat(w.get("utilisation").decimalValue()).isEqualByComparingTo("76.5");
        assertThat(w.get("citation").get("document").asString()).isEqualTo("渝府发〔2014〕3号");
        assertThat(w.get("citation").get("section").asString()).isEqualTo("二、（八）");
        assertThat(w.get("citation").get("text").asString()).contains("低于80%");
        long id = w.get("id").asLong();

        JsonNode inbox = json.readTree(http.get("/api/v1/notifications?unread=true", bank).body());
        assertThat(inbox.toString()).contains("产能利用率预警").contains("水泥熟料").contains("76.5");
        // an industry warning is for departments and financial institutions, never an enterprise's inbox
        String enterpriseInbox = http.get("/api/v1/notifications?limit=100", token(Role.ENTERPRISE)).body();
        assertThat(enterpriseInbox).doesNotContain("产能利用率预警");

        evaluate(coordinator, "2025-08");
        evaluate(coordinator, "2025-08");   // twice: still one warning, one month row
        JsonNode aug = warnings(coordinator, "region=500243&product=CLINKER");
        assertThat(aug).hasSize(1);
        assertThat(aug.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(aug.get(0).get("level").asString()).isEqualTo("SEVERE_EXCESS");
        assertThat(aug.get(0).get("since").asString()).isEqualTo("2025-07");
        assertThat(aug.get(0).get("citation").get("text").asString()).contains("低于75%");
        assertThat(aug.get(0).get("history")).hasSize(2);
        assertThat(aug.get(0).get("history").get(1).get("utilisation").decimalValue()).isEqualByComparingTo("70.0");

        evaluate(coordinator, "2025-09");
        assertThat(warnings(bank, "region=500243&product=CLINKER&status=OPEN")).isEmpty();
        JsonNode closed = warnings(bank, "region=500243&product=CLINKER&status=CLOSED");
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).get("closedPeriod").asString()).isEqualTo("2025-09");
        assertThat(closed.get(0).get("closedOn").asString()).isNotBlank();
        assertThat(closed.get(0).toString()).doesNotContain(works.uscc());

        long audited = jdbc.sql("select count(*) from audit_entry where entity_type = 'capacity_warning' and entity_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(3);
    }

    @Test
    void onlyCoordinatorsEvaluateAndEnterprisesSeeNoWarnings() {
        assertThat(http.json("POST", "/api/v1/capacity/warnings/evaluate?period=2025-07", token(Role.FINANCIAL_INSTITUTION),
                "").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/capacity/warnings?status=OPEN", token(Role.ENTERPRISE)).statusCode()).isEqualTo(403);
        HttpResponse<String> quarter = http.json("POST", "/api/v1/capacity/warnings/evaluate?period=2025-Q3",
                token(Role.COORDINATOR), "");
        assertThat(quarter.statusCode()).isEqualTo(400);
        assertThat(json.readTree(quarter.body()).get("field").asString()).isEqualTo("period");
        HttpResponse<String> status = http.get("/api/v1/capacity/warnings?status=MAYBE", token(Role.COORDINATOR));
        assertThat(status.statusCode()).isEqualTo(400);
        // a district sees the warnings of its own subtree only
        JsonNode district = warnings(token(Role.DISTRICT_OFFICER), "status=OPEN");
        district.forEach(w -> assertThat(w.get("region").asString()).isEqualTo("500102"));
    }

    @Test
    void aContinuingWarningIsAuditedInItsDistrictsScope() {
        Enterprise works = cementWorks("500236", 365_000, LocalDate.of(2010, 1, 1));
        String coordinator = token(Role.COORDINATOR);
        reportClinker(coordinator, works, "2024-03", "20000");   // 64.7 % of 30,915 t
        reportClinker(coordinator, works, "2024-04", "20000");   // 66.8 % of 29,918 t
        evaluate(coordinator, "2024-03");
        evaluate(coordinator, "2024-04");

        people.ensure(TestPeople.person("cw.district.coord", "FL-JXW", Role.COORDINATOR, "500236", Set.of(), null));
        String district = http.token("cw.district.coord", TestPeople.PASSWORD);
        JsonNode seen = json.readTree(http.get("/api/v1/audit?entityType=capacity_warning_evaluation"
                + "&entityId=CLINKER:2024-04:500236", district).body());
        assertThat(seen.get("total").asLong()).as(seen.toString()).isEqualTo(1);
        JsonNode entry = seen.get("entries").get(0);
        assertThat(entry.get("regionPath").asString()).endsWith("/500236/");
        assertThat(entry.get("afterState").asString()).contains("SEVERE_EXCESS").contains("\"region\":\"500236\"");

        // another district's coordinator does not see it
        people.ensure(TestPeople.person("cw.fuling.coord", "FL-JXW", Role.COORDINATOR, "500102", Set.of(), null));
        JsonNode other = json.readTree(http.get("/api/v1/audit?entityType=capacity_warning_evaluation"
                + "&entityId=CLINKER:2024-04:500236", http.token("cw.fuling.coord", TestPeople.PASSWORD)).body());
        assertThat(other.get("total").asLong()).isZero();
    }
}
