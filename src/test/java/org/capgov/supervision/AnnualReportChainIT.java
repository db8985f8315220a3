package org.capgov.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.shared.ChinaTime;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.ScopedCallers;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading S11: 涪陵's coordinator drafts the district's report, records 经区政府同意 and submits it to the city, but
 * cannot accept (or return) it itself — the page offers no decision and the API refuses with the report and its
 * audit entries unchanged; the city's coordinator accepts it. 涪陵 five years back is a year no other test uses.
 */
class AnnualReportChainIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    @Test
    void theDistrictRecordsItsGovernmentsConsentAndOnlyTheCityAcceptsTheReport() {
        people.ensure(TestPeople.person("arc.fl.coord", "FL-JXW", Role.COORDINATOR, "500102", Set.of(), null));
        people.ensure(Role.COORDINATOR);
        people.ensure(Role.DISTRICT_OFFICER);
        Http http = Http.api(port);
        String district = http.token("arc.fl.coord", TestPeople.PASSWORD);
        String officer = http.token(TestPeople.username(Role.DISTRICT_OFFICER), TestPeople.PASSWORD);
        String city = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        int year = ChinaTime.today(clock).getYear() - 5;
        String today = ChinaTime.today(clock).toString();

        JsonNode drafted = json.readTree(ok(http.json("POST", "/api/v1/supervision/annual-reports", district,
                "{\"region\":\"500102\",\"year\":" + year + "}")));
        long id = drafted.get("id").asLong();
        assertThat(drafted.get("level").asString()).isEqualTo("DISTRICT");
        String base = "/api/v1/supervision/annual-reports/" + id;
        ok(http.json("POST", base + "/approve", district, "{\"approval\":\"经区政府同意\",\"on\":\"" + today + "\"}"));
        ok(http.json("POST", base + "/submit", district, "{\"to\":\"市制造强市建设领导小组办公室\",\"on\":\"" + today + "\"}"));

        String row = row(id);
        long audits = ScopedCallers.audits(jdbc, "supervision_annual_report", id);
        HttpResponse<String> own = http.json("POST", base + "/decision", district, "{\"accept\":true}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
        assertThat(json.readTree(own.body()).get("detail").asString()).contains("上一级");
        assertThat(http.json("POST", base + "/decision", district, "{\"accept\":false,\"reason\":\"自行退回\"}")
                .statusCode()).isEqualTo(403);
        assertThat(http.json("POST", base + "/decision", officer, "{\"accept\":true}").statusCode()).isEqualTo(403);
        Http page = Http.browser(port);
        page.login("arc.fl.coord", TestPeople.PASSWORD);
        assertThat(page.get("/supervision/annual/" + id).body()).contains("id=\"annual-status\"")
                .doesNotContain("id=\"annual-decide\"");
        page.post("/supervision/annual/" + id + "/decide", java.util.Map.of("decision", "accept"));
        assertThat(row(id)).isEqualTo(row);
        assertThat(ScopedCallers.audits(jdbc, "supervision_annual_report", id)).isEqualTo(audits);

        Http cityPage = Http.browser(port);
        cityPage.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        assertThat(cityPage.get("/supervision/annual/" + id).body()).contains("id=\"annual-decide\"");
        JsonNode accepted = json.readTree(ok(http.json("POST", base + "/decision", city, "{\"accept\":true}")));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("decidedBy").asString()).isEqualTo(TestPeople.username(Role.COORDINATOR));
        assertThat(ScopedCallers.audits(jdbc, "supervision_annual_report", id)).isEqualTo(audits + 1);
    }

    private static String ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private String row(long id) {
        return jdbc.sql("select to_jsonb(t)::text from supervision_annual_report t where id = :id").param("id", id)
                .query(String.class).single();
    }
}
