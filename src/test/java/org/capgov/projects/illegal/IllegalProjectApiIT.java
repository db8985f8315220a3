package org.capgov.projects.illegal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.capgov.shared.ChinaTime;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.MovableClock;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register over real HTTP: a concealed project under construction is halted, ordered demolished by a deadline and
 * gets a FINANCING credit record; a built project without procedures applies 区县 → 市 → 国家, is refused, and its
 * demolition deadline runs like a case's; bad input is refused naming the field with nothing stored; scope holds.
 */
class IllegalProjectApiIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aConcealedProjectIsHaltedOrderedDemolishedAndBanksStopLending() {
        IllegalProjectFixtures f = new IllegalProjectFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102");
        LocalDate today = ChinaTime.today(clock);
        JsonNode p = f.registered(f.district, "{\"uscc\":\"" + uscc + "\",\"name\":\"违规转炉项目\",\"industry\":\"STEEL\","
                + "\"stage\":\"UNDER_CONSTRUCTION\",\"procedures\":\"INCOMPLETE\",\"concealed\":true,"
                + "\"demolitionDeadline\":\"" + today.plusMonths(3) + "\",\"document\":\"涪发改〔2026〕7号\","
                + "\"references\":[{\"kind\":\"LAND\",\"number\":\"涪国土监〔2026〕3号\",\"issuer\":\"涪陵区规划和自然资源局\","
                + "\"issuedOn\":\"" + today.minusDays(5) + "\"},{\"kind\":\"FINANCE\",\"number\":\"贷-2025-118\","
                + "\"issuer\":\"某银行涪陵支行\",\"issuedOn\":\"2025-03-01\"}]}");
        String number = p.get("number").asString();
        assertThat(number).startsWith("WG" + today.getYear());
        assertThat(p.get("measures").toString()).isEqualTo("[\"HALT\",\"DEMOLISH\",\"STOP_LENDING\"]");
        assertThat(p.get("citation").asString()).contains("金融机构停止发放贷款");
        assertThat(p.get("references")).hasSize(2);
        assertThat(p.get("references").get(0).get("kind").asString()).isEqualTo("LAND");

        long record = p.get("creditRecordId").asLong();
        HttpResponse<String> credit = f.http.get("/api/v1/credit/records/" + record, f.coordinator);
        assertThat(credit.statusCode()).as(credit.body()).isEqualTo(200);
        JsonNode c = f.read(credit).has("record") ? f.read(credit).get("record") : f.read(credit);
        assertThat(c.get("basis").asString()).isEqualTo("ILLEGAL_PROJECT");
        assertThat(c.get("measures").toString()).isEqualTo("[\"FINANCING\"]");
        assertThat(c.get("caseId").asString()).isEqualTo(number);
        // a bank asking about the enterprise is told about the restriction on lending
        HttpResponse<String> check = f.http.get("/api/v1/credit/check?uscc=" + uscc + "&measure=FINANCING", f.admin);
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        assertThat(check.body()).contains("\"restricted\":true");

        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'illegal_project' and entity_id = :n")
                .param("n", number).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'credit_record' and entity_id = :id")
                .param("id", Long.toString(record)).query(Long.class).single()).isEqualTo(1);
        // not an application class: the district may not apply for procedures
        HttpResponse<String> apply = f.step(f.district, number, "{\"step\":\"DISTRICT_APPLY\"}");
        assertThat(apply.statusCode()).as(apply.body()).isEqualTo(409);
    }

    @Test
    void aBuiltProjectAppliesThroughDistrictCityAndStateThenIsDemolishedByItsDeadline() {
        IllegalProjectFixtures f = new IllegalProjectFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102");
        JsonNode p = f.registered(f.district, "{\"uscc\":\"" + uscc + "\",\"name\":\"违规水泥粉磨项目\",\"industry\":\"CEMENT\","
                + "\"stage\":\"BUILT\",\"procedures\":\"INCOMPLETE\"}");
        String number = p.get("number").asString();
        assertThat(p.get("measures").toString()).isEqualTo("[\"RECTIFICATION_PLAN\",\"APPLY_FOR_PROCEDURES\"]");
        assertThat(p.get("application").asString()).isEqualTo("NONE");

        assertThat(f.step(f.coordinator, number, "{\"step\":\"CITY_SUBMIT\"}").statusCode()).isEqualTo(409);
        HttpResponse<String> applied = f.step(f.district, number, "{\"step\":\"DISTRICT_APPLY\",\"document\":\"涪府文〔2026〕1号\"}");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(f.read(applied).get("application").asString()).isEqualTo("DISTRICT_APPLIED");
        // the city, not the district, submits to the state
        HttpResponse<String> byDistrict = f.step(f.district, number, "{\"step\":\"CITY_SUBMIT\"}");
        assertThat(byDistrict.statusCode()).as(byDistrict.body()).isEqualTo(403);
        assertThat(f.step(f.coordinator, number, "{\"step\":\"CITY_SUBMIT\"}").statusCode()).isEqualTo(200);

        // the state refuses: 坚决停建拆除, which needs a deadline
        HttpResponse<String> noDeadline = f.step(f.coordinator, number, "{\"step\":\"STATE_REFUSE\"}");
        assertThat(noDeadline.statusCode()).as(noDeadline.body()).isEqualTo(400);
        assertThat(f.read(noDeadline).get("field").asString()).isEqualTo("demolitionDeadline");
        assertThat(f.read(f.http.get("/api/v1/illegal-projects/" + number, f.coordinator)).get("application").asString())
                .isEqualTo("CITY_SUBMITTED");
        LocalDate today = ChinaTime.today(clock);
        LocalDate deadline = today.plusDays(30);
        HttpResponse<String> refused = f.step(f.coordinator, number, "{\"step\":\"STATE_REFUSE\",\"document\":\"发改办产业〔2026〕9号\","
                + "\"demolitionDeadline\":\"" + deadline + "\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        JsonNode r = f.read(refused);
        assertThat(r.get("procedures").asString()).isEqualTo("REFUSED_BY_STATE");
        assertThat(r.get("measures").toString()).isEqualTo("[\"HALT\",\"DEMOLISH\"]");
        assertThat(r.get("demolitionDeadline").asString()).isEqualTo(deadline.toString());
        assertThat(r.get("demolitionOverdue").asBoolean()).isFalse();
        assertThat(r.get("steps")).hasSize(3);

        // the deadline is inclusive: overdue from the day after, as an enforcement case's
        clock.moveBy(Duration.ofDays(30));
        f = new IllegalProjectFixtures(Http.api(port), json, people); // tokens of the moved day
        assertThat(f.read(f.http.get("/api/v1/illegal-projects/" + number, f.coordinator)).get("demolitionOverdue")
                .asBoolean()).isFalse();
        clock.moveBy(Duration.ofDays(1));
        f = new IllegalProjectFixtures(Http.api(port), json, people);
        assertThat(f.read(f.http.get("/api/v1/illegal-projects/" + number, f.coordinator)).get("demolitionOverdue")
                .asBoolean()).isTrue();
        HttpResponse<String> demolished = f.step(f.district, number, "{\"step\":\"DEMOLISHED\"}");
        assertThat(demolished.statusCode()).as(demolished.body()).isEqualTo(200);
        assertThat(f.read(demolished).get("demolitionOverdue").asBoolean()).isFalse();
        assertThat(f.step(f.district, number, "{\"step\":\"DEMOLISHED\"}").statusCode()).isEqualTo(409);

        // published without references or officers' names
        HttpResponse<String> pub = f.http.get("/api/v1/public/illegal-projects", null);
        assertThat(pub.statusCode()).isEqualTo(200);
        assertThat(pub.body()).contains(number).contains("违规水泥粉磨项目").doesNotContain("t.district");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'illegal_project' and entity_id = :n")
                .param("n", number).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        IllegalProjectFixtures f = new IllegalProjectFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102");
        String good = "\"uscc\":\"" + uscc + "\",\"name\":\"坏输入项目\",\"industry\":\"STEEL\"";
        String[][] cases = {
            {"{" + good + ",\"stage\":\"HALF_BUILT\",\"procedures\":\"INCOMPLETE\"}", "stage"},
            {"{" + good + ",\"stage\":\"BUILT\",\"procedures\":\"MAYBE\"}", "procedures"},
            {"{\"uscc\":\"" + uscc + "\",\"name\":\"坏输入项目\",\"industry\":\"TEXTILES\",\"stage\":\"BUILT\","
                    + "\"procedures\":\"INCOMPLETE\"}", "industry"},
            {"{" + good + ",\"stage\":\"UNDER_CONSTRUCTION\",\"procedures\":\"INCOMPLETE\",\"concealed\":true}",
                    "demolitionDeadline"},
            {"{" + good + ",\"stage\":\"BUILT\",\"procedures\":\"INCOMPLETE\",\"demolitionDeadline\":\"2030-01-01\"}",
                    "demolitionDeadline"},
            {"{" + good + ",\"stage\":\"BUILT\",\"procedures\":\"INCOMPLETE\",\"foundOn\":\"2026-13-40\"}", "foundOn"},
            {"{" + good + ",\"stage\":\"BUILT\",\"procedures\":\"INCOMPLETE\",\"references\":[{\"kind\":\"MINING\","
                    + "\"number\":\"1\",\"issuer\":\"某局\",\"issuedOn\":\"2025-01-01\"}]}", "references[0].kind"},
            {"{" + good + ",\"stage\":\"BUILT\",\"procedures\":\"INCOMPLETE\",\"references\":[{\"kind\":\"OCEAN\","
                    + "\"number\":\"海-1\",\"issuer\":\"某局\"}]}", "references[0].issuedOn"},
            {"{\"uscc\":\"91500102MA00000000\",\"name\":\"坏输入项目\",\"industry\":\"STEEL\",\"stage\":\"BUILT\","
                    + "\"procedures\":\"INCOMPLETE\"}", "uscc"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = f.register(f.district, c[0]);
            assertThat(r.statusCode()).as(c[0] + " → " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            JsonNode problem = f.read(r);
            assertThat(problem.get("field").asString()).as(r.body()).isEqualTo(c[1]);
            assertThat(problem.get("detail").asString()).as(r.body()).containsPattern("\\p{IsHan}");
        }
        assertThat(jdbc.sql("select count(*) from illegal_project where uscc = :u").param("u", uscc).query(Long.class)
                .single()).isZero();
        assertThat(f.step(f.coordinator, "WG1999999999", "{\"step\":\"CITY_SUBMIT\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> step = f.step(f.coordinator, "WG1999999999", "{\"step\":\"LATER\"}");
        assertThat(step.statusCode()).isEqualTo(400);
        assertThat(f.read(step).get("field").asString()).isEqualTo("step");
    }

    @Test
    void officersSeeTheirRegionOnly() {
        IllegalProjectFixtures f = new IllegalProjectFixtures(Http.api(port), json, people);
        String elsewhere = f.enterprise("500101");
        // the district officer of 涪陵 cannot register a project of an enterprise in 万州
        HttpResponse<String> r = f.register(f.district, "{\"uscc\":\"" + elsewhere + "\",\"name\":\"万州项目\","
                + "\"industry\":\"STEEL\",\"stage\":\"NOT_STARTED\",\"procedures\":\"INCOMPLETE\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(f.read(r).get("field").asString()).isEqualTo("uscc");
        String number = f.registered(f.coordinator, "{\"uscc\":\"" + elsewhere + "\",\"name\":\"万州项目\","
                + "\"industry\":\"STEEL\",\"stage\":\"NOT_STARTED\",\"procedures\":\"INCOMPLETE\"}").get("number").asString();
        assertThat(f.http.get("/api/v1/illegal-projects/" + number, f.district).statusCode()).isEqualTo(404);
        assertThat(f.http.get("/api/v1/illegal-projects", f.district).body()).doesNotContain(number);
        assertThat(f.http.get("/api/v1/illegal-projects", f.coordinator).body()).contains(number);
        assertThat(f.step(f.district, number, "{\"step\":\"DEMOLISHED\"}").statusCode()).isEqualTo(404);
    }
}
