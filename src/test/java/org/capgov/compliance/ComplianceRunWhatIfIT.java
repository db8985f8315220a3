package org.capgov.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What-if through real HTTP: a draft with a stricter blast-furnace limit turns a compliant furnace non-compliant. */
class ComplianceRunWhatIfIT extends IntegrationTest {

    static final String RULE = "CQ2014-STEEL-TECH-BF-VOLUME";
    static final String BF_450 = ComplianceRunIT.BF_350.replace("\"volume_m3\":350", "\"volume_m3\":450");

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;

    Http http;
    String coordinator;

    @BeforeEach
    void tokens() {
        http = Http.api(port);
        testPeople.ensure(Role.COORDINATOR);
        coordinator = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
    }

    /** A draft of our own: an open one (another test's) is discarded first, as the catalogue allows one at a time. */
    private String newDraft() {
        for (JsonNode v : json.readTree(http.get("/api/v1/catalog/versions", coordinator).body())) {
            if (v.get("state").asString().equals("DRAFT")) {
                http.json("POST", "/api/v1/catalog/drafts/" + v.get("label").asString() + "/discard", coordinator, "");
            }
        }
        HttpResponse<String> r = http.json("POST", "/api/v1/catalog/drafts", coordinator, "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("label").asString();
    }

    @Test
    void aStricterLimitInADraftShowsWhoWouldFail() {
        String steel = ComplianceRunIT.uscc("500102", "R9000031");
        ComplianceRunIT.enterprise(http, coordinator, steel, "500102", "STEEL", BF_450);
        String label = newDraft();
        try {
            // the draft as copied: nothing changes
            JsonNode same = whatIf(label, "2023-06-30");
            assertThat(same.get("enterprisesChanged").asInt()).isZero();
            assertThat(same.get("enterprises").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(same.get("draftVersion").asString()).isEqualTo(label);

            HttpResponse<String> edit = http.json("PUT", "/api/v1/catalog/drafts/" + label + "/rules/" + RULE, coordinator,
                    "{\"limit\":500}");
            assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
            JsonNode stricter = whatIf(label, "2023-06-30");
            assertThat(stricter.get("page").asInt()).isZero();
            assertThat(stricter.get("pages").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(stricter.get("catalogueChanges").toString()).contains(RULE).contains("\"change\":\"CHANGED\"")
                    .contains("\"field\":\"limit\"");
            assertThat(stricter.get("enterprisesChanged").asInt()).isGreaterThanOrEqualTo(1);
            JsonNode mine = null;
            for (JsonNode c : stricter.get("changes")) {
                if (c.get("uscc").asString().equals(steel)) {
                    mine = c;
                }
            }
            assertThat(mine).as("changes of " + steel).isNotNull();
            assertThat(mine.get("to").asString()).isEqualTo("NONCOMPLIANT");
            assertThat(mine.get("equipment")).singleElement().satisfies(q -> {
                assertThat(q.get("subject").asString()).isEqualTo("BF1");
                assertThat(q.get("type").asString()).isEqualTo("BLAST_FURNACE");
                assertThat(q.get("to").asString()).isEqualTo("NONCOMPLIANT");
                assertThat(q.get("rules").get(0).asString()).isEqualTo(RULE);
            });
            assertThat(stricter.get("byRegion").findValuesAsString("code")).contains("500102");
            assertThat(stricter.get("byIndustry").findValuesAsString("code")).contains("STEEL");
            for (JsonNode g : stricter.get("byRegion")) {
                if (g.get("code").asString().equals("500102")) {
                    assertThat(g.get("worse").asInt()).isGreaterThanOrEqualTo(1);
                    assertThat(g.get("name").asString()).isEqualTo("涪陵区");
                }
            }
            assertThat(stricter.get("transitions").toString()).contains("\"to\":\"NONCOMPLIANT\"");

            // paged, never cut: one enterprise per page, every page reachable, and the export holds them all
            String second = ComplianceRunIT.uscc("500102", "R9000032");
            ComplianceRunIT.enterprise(http, coordinator, second, "500102", "STEEL", BF_450);
            HttpResponse<String> first = http.json("POST", "/api/v1/compliance/what-if", coordinator,
                    "{\"draft\":\"" + label + "\",\"asOf\":\"2023-06-30\",\"page\":0,\"size\":1}");
            JsonNode p0 = json.readTree(first.body());
            int changed = p0.get("enterprisesChanged").asInt();
            assertThat(changed).isGreaterThanOrEqualTo(2);
            assertThat(p0.get("pages").asInt()).isEqualTo(changed);
            assertThat(p0.get("changes")).hasSize(1);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < changed; i++) {
                JsonNode p = json.readTree(http.json("POST", "/api/v1/compliance/what-if", coordinator,
                        "{\"draft\":\"" + label + "\",\"asOf\":\"2023-06-30\",\"page\":" + i + ",\"size\":1}").body());
                seen.add(p.get("changes").get(0).get("uscc").asString());
            }
            assertThat(seen).hasSize(changed).contains(steel, second);
            assertThat(http.json("POST", "/api/v1/compliance/what-if", coordinator, "{\"draft\":\"" + label
                    + "\",\"size\":1001}").body()).contains("\"field\":\"size\"");
            HttpResponse<String> csv = http.get("/api/v1/compliance/what-if/export?draft=" + label + "&asOf=2023-06-30",
                    coordinator);
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(csv.body()).contains("统一社会信用代码").contains(steel).contains(second).contains(RULE);
            assertThat(csv.body().lines().filter(l -> l.contains(",BF1,")).count()).isGreaterThanOrEqualTo(changed);

            // the page shows the same comparison
            Http browser = Http.browser(port);
            browser.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
            HttpResponse<String> page = browser.post("/compliance/what-if", Map.of("draft", label, "asOf", "2023-06-30"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("what-if-result").contains("what-if-catalogue-changes")
                    .contains("/catalog/rules/" + RULE).contains("what-if-export");
            assertThat(browser.get("/compliance/what-if").body()).contains("<option value=\"" + label + "\"");
        } finally {
            http.json("POST", "/api/v1/catalog/drafts/" + label + "/discard", coordinator, "");
        }
    }

    @Test
    void badRequestsAreNamedAndOthersAreKeptOut() {
        HttpResponse<String> none = http.json("POST", "/api/v1/compliance/what-if", coordinator, "{\"draft\":\"\"}");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("\"field\":\"draft\"");
        HttpResponse<String> unknown = http.json("POST", "/api/v1/compliance/what-if", coordinator, "{\"draft\":\"no-such\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no-such");
        testPeople.ensure(Role.OBSERVER);
        String observer = http.token(TestPeople.username(Role.OBSERVER), TestPeople.PASSWORD);
        assertThat(http.json("POST", "/api/v1/compliance/what-if", observer, "{\"draft\":\"1\"}").statusCode()).isEqualTo(403);
    }

    private JsonNode whatIf(String label, String asOf) {
        HttpResponse<String> r = http.json("POST", "/api/v1/compliance/what-if", coordinator,
                "{\"draft\":\"" + label + "\",\"asOf\":\"" + asOf + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }
}
