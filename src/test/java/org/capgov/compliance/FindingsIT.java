package org.capgov.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capgov.compliance.ComplianceRunIT.BF_350;
import static org.capgov.compliance.ComplianceRunIT.SHAFT_KILN;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.shared.SpreadsheetText;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored findings through real HTTP: filters, data scope (a 涪陵 district officer sees 涪陵 only, an environment
 * officer the environment dimension only), the summary per enterprise × dimension, the CSV export and the pages.
 */
class FindingsIT extends IntegrationTest {

    static final String AS_OF = "2016-09-30";

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;

    Http http;
    String coordinator;
    String steel = ComplianceRunIT.uscc("500102", "R9000021");
    String cement = ComplianceRunIT.uscc("500110", "R9000022");
    long run;

    @BeforeEach
    void runOverOwnEnterprises() {
        http = Http.api(port);
        testPeople.ensure(Role.COORDINATOR);
        coordinator = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        ComplianceRunIT.enterprise(http, coordinator, steel, "500102", "STEEL", BF_350);
        ComplianceRunIT.enterprise(http, coordinator, cement, "500110", "CEMENT", SHAFT_KILN);
        run = ComplianceRunIT.run(http, coordinator, json, AS_OF, true).get("id").asLong();
    }

    private String token(Role role) {
        testPeople.ensure(role);
        return http.token(TestPeople.username(role), TestPeople.PASSWORD);
    }

    private List<JsonNode> findings(String token, String query) {
        return ComplianceRunIT.findings(http, token, json, "run=" + run + "&size=200&" + query);
    }

    @Test
    void filtersNarrowTheList() {
        List<JsonNode> mine = findings(coordinator, "uscc=" + steel);
        assertThat(mine).isNotEmpty().allSatisfy(f -> assertThat(f.get("uscc").asString()).isEqualTo(steel));
        assertThat(mine).anySatisfy(f -> assertThat(f.get("enterpriseName").asString()).startsWith("评价测试企业"));
        assertThat(findings(coordinator, "uscc=" + steel + "&dimension=TECHNOLOGY"))
                .isNotEmpty().allSatisfy(f -> assertThat(f.get("dimension").asString()).isEqualTo("TECHNOLOGY"));
        assertThat(findings(coordinator, "uscc=" + steel + "&status=no_data"))
                .isNotEmpty().allSatisfy(f -> assertThat(f.get("status").asString()).isEqualTo("NO_DATA"));
        assertThat(findings(coordinator, "region=500110&rule=CQ2014-ELIM-CEMENT-SHAFT-KILN"))
                .anySatisfy(f -> assertThat(f.get("uscc").asString()).isEqualTo(cement))
                .allSatisfy(f -> assertThat(f.get("regionPath").asString()).startsWith("/500000/500110/"));
        assertThat(findings(coordinator, "industry=CEMENT&uscc=" + steel)).isEmpty();
        assertThat(findings(coordinator, "industry=STEEL&uscc=" + steel)).isNotEmpty();
        HttpResponse<String> paged = http.get("/api/v1/compliance/findings?run=" + run + "&uscc=" + steel + "&size=1&page=1",
                coordinator);
        JsonNode page = json.readTree(paged.body());
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("total").asLong()).isEqualTo(mine.size());
        assertThat(page.get("run").get("id").asLong()).isEqualTo(run);
        assertThat(http.get("/api/v1/compliance/findings?region=599999", coordinator).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/compliance/findings?size=1000", coordinator).statusCode()).isEqualTo(400);
    }

    @Test
    void scopeDecidesWhatEachRoleSees() {
        String district = token(Role.DISTRICT_OFFICER);
        List<JsonNode> fuling = findings(district, "");
        assertThat(fuling).isNotEmpty()
                .allSatisfy(f -> assertThat(f.get("regionPath").asString()).startsWith("/500000/500102/"));
        assertThat(findings(district, "uscc=" + steel)).isNotEmpty();
        assertThat(findings(district, "uscc=" + cement)).isEmpty();
        assertThat(http.get("/api/v1/compliance/summary?uscc=" + cement, district).body()).doesNotContain(cement);

        // the environment officer: environment findings only, wherever they are
        List<JsonNode> env = findings(token(Role.DEPARTMENT_OFFICER), "uscc=" + steel);
        assertThat(env).isNotEmpty().allSatisfy(f -> assertThat(f.get("dimension").asString()).isEqualTo("ENVIRONMENT"));

        // the enterprise account sees its own enterprise only (91500102MA5U8A1B06, which may not be registered here)
        String enterprise = token(Role.ENTERPRISE);
        assertThat(findings(enterprise, "")).allSatisfy(f -> assertThat(f.get("uscc").asString())
                .isEqualTo(TestPeople.BY_ROLE.get(Role.ENTERPRISE).enterpriseUscc()));
        assertThat(findings(enterprise, "uscc=" + steel)).isEmpty();
        assertThat(http.get("/api/v1/compliance/runs", enterprise).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/compliance/findings", token(Role.GRID_COMPANY)).statusCode()).isEqualTo(403);
    }

    @Test
    void summaryCountsPerEnterpriseAndDimension() {
        HttpResponse<String> r = http.get("/api/v1/compliance/summary?run=" + run + "&uscc=" + steel, coordinator);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode summary = json.readTree(r.body());
        assertThat(summary.get("run").get("id").asLong()).isEqualTo(run);
        JsonNode e = summary.get("enterprises").get(0);
        assertThat(e.get("uscc").asString()).isEqualTo(steel);
        assertThat(e.get("dimensions").get("TECHNOLOGY").get("NONCOMPLIANT").asLong()).isGreaterThanOrEqualTo(1);
        // the 350 m3 furnace also falls under the national elimination list (≤ 400 m3) in force until 2024
        assertThat(e.get("worst").asString()).isEqualTo("ELIMINATED");
        long listed = findings(coordinator, "uscc=" + steel).size();
        long counted = 0;
        for (Map.Entry<String, JsonNode> d : summary.get("totals").properties()) {
            for (Map.Entry<String, JsonNode> s : d.getValue().properties()) {
                counted += s.getValue().asLong();
            }
        }
        assertThat(counted).isEqualTo(listed);

        JsonNode region = json.readTree(http.get("/api/v1/compliance/summary?run=" + run + "&region=500110&size=100",
                coordinator).body());
        assertThat(region.get("enterprises").findValuesAsString("uscc")).contains(cement).doesNotContain(steel);
        assertThat(http.get("/api/v1/compliance/summary", coordinator).statusCode()).isEqualTo(400);
    }

    @Test
    void exportIsUtf8WithBomAndNeutralisesFormulas() {
        HttpResponse<String> r = http.get("/api/v1/compliance/findings/export.csv?run=" + run + "&uscc=" + steel, coordinator);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("findings-" + run);
        String body = r.body();
        assertThat(body).startsWith("\uFEFF评价编号,统一社会信用代码,企业名称");
        assertThat(body.lines().skip(1)).isNotEmpty().allSatisfy(line -> assertThat(line).contains(steel));
        assertThat(body.lines().count() - 1).isEqualTo(findings(coordinator, "uscc=" + steel).size());
        assertThat(body).contains("CQ2014-STEEL-TECH-BF-VOLUME").contains("不合规").doesNotContain("NONCOMPLIANT");
        // what a spreadsheet would run is kept as text; numbers, negative ones too, stay numbers
        assertThat(SpreadsheetText.guard("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SpreadsheetText.guard("+1+2")).isEqualTo("'+1+2");
        assertThat(SpreadsheetText.guard("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetText.guard("-3.5")).isEqualTo("-3.5");
        assertThat(SpreadsheetText.guard("350")).isEqualTo("350");
        // the district officer's export holds 涪陵 rows only
        String district = http.get("/api/v1/compliance/findings/export.csv?run=" + run, token(Role.DISTRICT_OFFICER)).body();
        assertThat(district).doesNotContain(cement).contains(steel);
    }

    @Test
    void pagesShowTheFindingsWithLinksToRulesDocumentsAndEnterprises() {
        Http browser = Http.browser(port);
        browser.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        HttpResponse<String> list = browser.get("/compliance/findings?run=" + run + "&uscc=" + steel);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("/catalog/rules/CQ2014-STEEL-TECH-BF-VOLUME")
                .contains("/catalog/documents/cq-2014-3").contains("/registry/enterprises/" + steel)
                .contains("/compliance/enterprises/" + steel).contains("export.csv?run=" + run);
        HttpResponse<String> one = browser.get("/compliance/enterprises/" + steel);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("dimension-summary").contains("CQ2014-STEEL-TECH-BF-VOLUME");
        HttpResponse<String> runs = browser.get("/compliance/runs");
        assertThat(runs.statusCode()).isEqualTo(200);
        assertThat(runs.body()).contains("run-form").contains("run-table");
        HttpResponse<String> progress = browser.get("/compliance/runs/" + run + "/progress");
        assertThat(progress.body()).contains("run-progress").contains("data-status=\"DONE\"").doesNotContain("hx-get");
        HttpResponse<String> csv = browser.get("/compliance/findings/export.csv?run=" + run + "&uscc=" + steel);
        assertThat(csv.body()).startsWith("\uFEFF");
        // a refused start comes back to the list with the reason
        HttpResponse<String> refused = browser.post("/compliance/runs", Map.of("asOf", "31.12.2016"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(browser.get("/compliance/runs").body()).contains("31.12.2016");
    }
}
