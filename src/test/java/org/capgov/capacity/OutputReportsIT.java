package org.capgov.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Output reports through the API: revisions, bad input that stores nothing, the absurd-quantity rule, scope, audit. */
class OutputReportsIT extends CapacityFixtures {

    private JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    private long stored(Enterprise e) {
        return jdbc.sql("select count(*) from output_report where enterprise_id = :id").param("id", e.id())
                .query(Long.class).single();
    }

    @Test
    void aSecondReportOfTheSameMonthIsARevisionAndTheListShowsTheLatest() {
        Enterprise works = cementWorks("500241", 365_000, LocalDate.of(2010, 1, 1));
        String coordinator = token(Role.COORDINATOR);
        HttpResponse<String> first = http.json("POST", "/api/v1/output", coordinator,
                report(works.uscc(), "CLINKER", "2025-06", "2.5", "万t", "SELF_REPORT"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode r1 = body(first);
        assertThat(r1.get("revision").asInt()).isEqualTo(1);
        assertThat(r1.get("quantity").decimalValue()).isEqualByComparingTo("25000");
        assertThat(r1.get("unit").asString()).isEqualTo("t");
        assertThat(r1.get("enteredUnit").asString()).isEqualTo("万t");
        assertThat(r1.get("monthCapacity").decimalValue()).isEqualByComparingTo("30000");

        HttpResponse<String> second = http.json("POST", "/api/v1/output", coordinator,
                report(works.uscc(), "CLINKER", "2025-06", "24000", "t", "STATISTICS"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(body(second).get("revision").asInt()).isEqualTo(2);

        JsonNode current = body(http.get("/api/v1/output?uscc=" + works.uscc() + "&product=CLINKER&from=2025-06&to=2025-06",
                coordinator)).get("items");
        assertThat(current).hasSize(1);
        assertThat(current.get(0).get("quantity").decimalValue()).isEqualByComparingTo("24000");
        assertThat(current.get(0).get("source").asString()).isEqualTo("STATISTICS");
        JsonNode all = body(http.get("/api/v1/output?uscc=" + works.uscc() + "&revisions=true", coordinator)).get("items");
        assertThat(all).hasSize(2);
        assertThat(all.get(1).get("current").asBoolean()).isFalse();
        assertThat(all.get(1).get("quantity").decimalValue()).isEqualByComparingTo("25000");

        long audited = jdbc.sql("select count(*) from audit_entry where entity_type = 'output_report' and entity_id in "
                + "(:a, :b) and actor = :actor").param("a", r1.get("id").asString())
                .param("b", body(second).get("id").asString()).param("actor", TestPeople.username(Role.COORDINATOR))
                .query(Long.class).single();
        assertThat(audited).isEqualTo(2);
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        Enterprise works = cementWorks("500241", 365_000, LocalDate.of(2010, 1, 1));
        String coordinator = token(Role.COORDINATOR);
        String[][] cases = {
                {report(works.uscc(), "PORTLAND", "2025-07", "100", "t", "SELF_REPORT"), "product"},
                {report(works.uscc(), "CLINKER", "2025-07", "100", "重量箱", "SELF_REPORT"), "unit"},
                {report(works.uscc(), "CLINKER", "2025-07", "100", "furlong", "SELF_REPORT"), "unit"},
                {report(works.uscc(), "CLINKER", "2099-01", "100", "t", "SELF_REPORT"), "month"},
                {report(works.uscc(), "CLINKER", "2025-13", "100", "t", "SELF_REPORT"), "month"},
                {report(works.uscc(), "CLINKER", "2025-07", "-5", "t", "SELF_REPORT"), "quantity"},
                {report(works.uscc(), "CLINKER", "2025-07", "100", "t", "GUESS"), "source"},
                {report("91500241Y0000000X", "CLINKER", "2025-07", "100", "t", "SELF_REPORT"), "uscc"},
                // 31,000 t is the capacity in force in July; 1.5 × is 46,500 t
                {report(works.uscc(), "CLINKER", "2025-07", "46501", "t", "SELF_REPORT"), "quantity"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = http.json("POST", "/api/v1/output", coordinator, c[0]);
            assertThat(r.statusCode()).as(c[0] + " → " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            JsonNode problem = body(r);
            assertThat(problem.get("field").asString()).as(r.body()).isEqualTo(c[1]);
            assertThat(problem.get("detail").asString()).as(r.body()).containsPattern("\\p{IsHan}");
            assertThat(problem.get("code").asString()).isNotBlank();
        }
        assertThat(stored(works)).isZero();
        HttpResponse<String> broken = http.json("POST", "/api/v1/output", coordinator, "{\"uscc\":");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(stored(works)).isZero();
    }

    @Test
    void anAbsurdQuantityIsTakenOnlyWhenAnOfficerConfirmsItWithAReason() {
        Enterprise works = cementWorks("500241", 365_000, LocalDate.of(2010, 1, 1));
        String absurd = report(works.uscc(), "CLINKER", "2025-07", "60000", "t", "INSPECTION");
        String coordinator = token(Role.COORDINATOR);
        HttpResponse<String> noReason = http.json("POST", "/api/v1/output", coordinator,
                absurd.replace("}", ",\"confirmAboveCapacity\":true}"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(body(noReason).get("field").asString()).isEqualTo("note");
        HttpResponse<String> confirmed = http.json("POST", "/api/v1/output", coordinator,
                absurd.replace("}", ",\"confirmAboveCapacity\":true,\"note\":\"现场核查确认，含外购熟料再加工\"}"));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
        assertThat(body(confirmed).get("aboveCapacityConfirmed").asBoolean()).isTrue();
        assertThat(stored(works)).isEqualTo(1);
    }

    @Test
    void anEnterpriseReportsOnlyForItselfAndADistrictOnlyInItsSubtree() {
        Enterprise elsewhere = cementWorks("500241", 365_000, LocalDate.of(2010, 1, 1));
        String own = TestPeople.BY_ROLE.get(Role.ENTERPRISE).enterpriseUscc();
        Enterprise mine = ownEnterprise(own);
        String enterprise = token(Role.ENTERPRISE);
        String district = token(Role.DISTRICT_OFFICER);

        HttpResponse<String> forOther = http.json("POST", "/api/v1/output", enterprise,
                report(elsewhere.uscc(), "CLINKER", "2025-07", "100", "t", "SELF_REPORT"));
        assertThat(forOther.statusCode()).isEqualTo(403);
        HttpResponse<String> ownReport = http.json("POST", "/api/v1/output", enterprise,
                report(mine.uscc(), "BRICK", "2025-07", "0", "万块标砖", "SELF_REPORT"));
        assertThat(ownReport.statusCode()).as(ownReport.body()).isEqualTo(201);
        HttpResponse<String> asStatistics = http.json("POST", "/api/v1/output", enterprise,
                report(mine.uscc(), "BRICK", "2025-07", "0", "万块标砖", "STATISTICS"));
        assertThat(asStatistics.statusCode()).isEqualTo(400);
        assertThat(body(asStatistics).get("field").asString()).isEqualTo("source");

        HttpResponse<String> districtOutside = http.json("POST", "/api/v1/output", district,
                report(elsewhere.uscc(), "CLINKER", "2025-07", "100", "t", "INSPECTION"));
        assertThat(districtOutside.statusCode()).isEqualTo(403);
        assertThat(stored(elsewhere)).isZero();

        String coordinator = token(Role.COORDINATOR);
        assertThat(http.json("POST", "/api/v1/output", coordinator,
                report(elsewhere.uscc(), "CLINKER", "2025-07", "100", "t", "INSPECTION")).statusCode()).isEqualTo(201);
        JsonNode enterpriseSees = body(http.get("/api/v1/output?month=2025-07&from=2025-07&to=2025-07", enterprise))
                .get("items");
        assertThat(enterpriseSees).isNotEmpty();
        enterpriseSees.forEach(i -> assertThat(i.get("uscc").asString()).isEqualTo(mine.uscc()));
        JsonNode districtSees = body(http.get("/api/v1/output?from=2025-07&to=2025-07", district)).get("items");
        districtSees.forEach(i -> assertThat(i.get("region").asString()).isEqualTo("500102"));
        JsonNode coordinatorSees = body(http.get("/api/v1/output?uscc=" + elsewhere.uscc(), coordinator)).get("items");
        assertThat(coordinatorSees).hasSize(1);
        assertThat(http.get("/api/v1/output", token(Role.FINANCIAL_INSTITUTION)).statusCode()).isEqualTo(403);
    }

    private Enterprise ownEnterprise(String uscc) {
        try {
            return org.capgov.identity.SystemActor.call(() -> enterprises.get(uscc));
        } catch (org.capgov.shared.DomainException e) {
            return org.capgov.identity.SystemActor.call(() -> enterprises.create(new org.capgov.registry.EnterpriseDraft(
                    uscc, "测试企业账户砖瓦有限公司", "500102", java.util.List.of("BRICK_TILE"), null, null, null, null, null,
                    null, null, null)));
        }
    }
}
