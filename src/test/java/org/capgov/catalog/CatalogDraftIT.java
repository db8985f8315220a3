package org.capgov.catalog;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Draft versions over real HTTP: create (one at a time), change a limit, see the difference, publish (audited), and
 * the evaluation API names the new version and limit. The database is shared by every integration test, and others
 * expect the content of the data files: each test leaves no draft open and the published content equal to the files.
 */
class CatalogDraftIT extends IntegrationTest {

    static final String SO2 = CatalogPagesIT.SO2;
    static final JsonMapper JSON = CatalogPagesIT.JSON;
    static final String EXAMPLE = """
            {"asOf":"2016-06-30","region":"500103","industry":"CEMENT",
             "equipment":[{"ref":"K1","type":"CEMENT_KILN","parameters":{"process":"NSP","clinker_t_per_d":4000}}],
             "measurements":[{"equipmentRef":"K1","metric":"so2_conc","value":160,"unit":"mg/m3","attributes":{}}]}""";

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;

    Http api;
    String coordinator;
    String enterprise;

    @BeforeEach
    void tokens() {
        api = Http.api(port);
        testPeople.ensure(Role.COORDINATOR);
        testPeople.ensure(Role.ENTERPRISE);
        testPeople.ensure(Role.OBSERVER);
        coordinator = api.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        enterprise = api.token(TestPeople.username(Role.ENTERPRISE), TestPeople.PASSWORD);
        discardOpenDrafts();
    }

    void discardOpenDrafts() {
        for (JsonNode v : json(api.get("/api/v1/catalog/versions", coordinator), 200)) {
            if (v.get("state").asString().equals("DRAFT")) {
                json(api.json("POST", "/api/v1/catalog/drafts/" + v.get("label").asString() + "/discard", coordinator, ""), 200);
            }
        }
    }

    static JsonNode json(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    String published() {
        return json(api.get("/api/v1/catalog/coverage", enterprise), 200).get("version").get("label").asString();
    }

    JsonNode so2Finding() {
        JsonNode result = json(api.json("POST", "/api/v1/compliance/evaluate", enterprise, EXAMPLE), 200);
        for (JsonNode f : result.get("findings")) {
            if (f.get("ruleId").asString().equals(SO2)) {
                ((tools.jackson.databind.node.ObjectNode) f).put("catalogueVersion", result.get("catalogueVersion").asString());
                return f;
            }
        }
        throw new AssertionError("no finding of " + SO2 + " in " + result);
    }

    String draft() {
        String base = published();
        JsonNode draft = json(api.json("POST", "/api/v1/catalog/drafts?basedOn=" + base, coordinator, ""), 201);
        assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("basedOn").asString()).isEqualTo(base);
        return draft.get("label").asString();
    }

    HttpResponse<String> put(String label, String rule, String body) {
        return api.json("PUT", "/api/v1/catalog/drafts/" + label + "/rules/" + rule, coordinator, body);
    }

    @Test
    void aChangedLimitIsPublishedAuditedAndUsedByTheEvaluation() {
        String before = published();
        JsonNode original = so2Finding();
        assertThat(original.get("limit").asInt()).isEqualTo(150);
        assertThat(original.get("catalogueVersion").asString()).isEqualTo(before);
        try {
            String label = draft();
            assertThat(api.json("POST", "/api/v1/catalog/drafts", coordinator, "").statusCode()).isEqualTo(409);

            JsonNode edit = json(put(label, SO2, "{\"limit\":100}"), 200);
            assertThat(edit.get("changed").asBoolean()).isTrue();
            assertThat(edit.get("rule").get("limit").asInt()).isEqualTo(100);

            JsonNode diff = json(api.get("/api/v1/catalog/drafts/" + label + "/diff", coordinator), 200);
            assertThat(diff.get("stale").asBoolean()).isFalse();
            assertThat(diff.get("rules")).hasSize(1);
            JsonNode change = diff.get("rules").get(0);
            assertThat(change.get("ruleId").asString()).isEqualTo(SO2);
            assertThat(change.get("change").asString()).isEqualTo("CHANGED");
            assertThat(change.get("fields").get(0).get("field").asString()).isEqualTo("limit");
            assertThat(change.get("fields").get(0).get("from").asInt()).isEqualTo(150);
            assertThat(change.get("fields").get(0).get("to").asInt()).isEqualTo(100);

            // the draft page shows the difference; the published version is still in force
            Http page = browser(Role.COORDINATOR);
            String draftPage = page.get("/catalog/drafts/" + label).body();
            assertThat(CatalogPagesIT.row(draftPage, "diff-" + SO2)).contains("150").contains("100").contains("修改");
            assertThat(draftPage).contains("id=\"draft-files\"").doesNotContain("id=\"draft-stale\"");
            assertThat(so2Finding().get("limit").asInt()).isEqualTo(150);

            JsonNode published = json(api.json("POST", "/api/v1/catalog/drafts/" + label + "/publish", coordinator, ""), 200);
            assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
            assertThat(published()).isEqualTo(label).isNotEqualTo(before);
            JsonNode finding = so2Finding();
            assertThat(finding.get("catalogueVersion").asString()).isEqualTo(label);
            assertThat(finding.get("limit").asInt()).isEqualTo(100);
            assertThat(finding.get("status").asString()).isEqualTo("NONCOMPLIANT");
            assertThat(api.json("POST", "/api/v1/catalog/drafts/" + label + "/publish", coordinator, "").statusCode())
                    .isEqualTo(409);

            Map<String, Object> audit = jdbc.sql("""
                    select actor, before_state, after_state, summary from audit_entry
                    where action = 'PUBLISH' and entity_type = 'catalog_version' and entity_id = :l""")
                    .param("l", label).query().singleRow();
            assertThat(audit.get("actor")).isEqualTo(TestPeople.username(Role.COORDINATOR));
            assertThat((String) audit.get("before_state")).contains("\"version\":\"" + before + "\"");
            assertThat((String) audit.get("after_state")).contains("\"version\":\"" + label + "\"").contains(SO2)
                    .contains("\"from\":\"150\"").contains("\"to\":\"100\"");
            assertThat((String) audit.get("summary")).contains(SO2);
            assertThat(jdbc.sql("""
                    select count(*) from audit_entry where action = 'UPDATE' and entity_type = 'catalog_rule'
                    and entity_id = :id and before_state like '%150%' and after_state like '%100%'""")
                    .param("id", label + "/" + SO2).query(Long.class).single()).isEqualTo(1);

            // the rule page lists both versions with their limits
            String rulePage = browser(Role.OBSERVER).get("/catalog/rules/" + SO2).body();
            assertThat(CatalogPagesIT.row(rulePage, "history-" + label)).contains("≤ 100");
            assertThat(CatalogPagesIT.row(rulePage, "history-" + before)).contains("≤ 150");

            // back to the content of the data files, through the pages this time
            HttpResponse<String> created = page.post("/catalog/drafts", Map.of("basedOn", label));
            assertThat(created.statusCode()).isEqualTo(302);
            String restore = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/catalog/drafts/", "");
            String form = page.get("/catalog/rules/" + SO2 + "?version=" + restore).body();
            assertThat(form).contains("id=\"edit-form\"").contains("value=\"100\"");
            HttpResponse<String> saved = page.post("/catalog/drafts/" + restore + "/rules/" + SO2,
                    Map.of("limit", "150", "severity", "VIOLATION", "effectiveTo", ""));
            assertThat(saved.statusCode()).isEqualTo(302);
            assertThat(saved.headers().firstValue("Location").orElse("")).contains("/catalog/rules/" + SO2);
            HttpResponse<String> done = page.post("/catalog/drafts/" + restore + "/publish", Map.of());
            assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/catalog");
            assertThat(page.get("/catalog").body()).contains("草稿 " + restore + " 已发布为现行版本");
            assertThat(published()).isEqualTo(restore);
            assertThat(so2Finding().get("limit").asInt()).isEqualTo(150);
            assertThat(so2Finding().get("catalogueVersion").asString()).isEqualTo(restore);
        } finally {
            restoreFileContent();
        }
        assertThat(json(api.get("/api/v1/catalog/rules/" + SO2, enterprise), 200).get("rule").get("limit").asInt())
                .isEqualTo(150);
    }

    /** Should a step above fail, the published limit goes back to the data files' 150 for the other tests. */
    void restoreFileContent() {
        discardOpenDrafts();
        if (json(api.get("/api/v1/catalog/rules/" + SO2, enterprise), 200).get("rule").get("limit").asInt() != 150) {
            String label = draft();
            json(put(label, SO2, "{\"limit\":150}"), 200);
            json(api.json("POST", "/api/v1/catalog/drafts/" + label + "/publish", coordinator, ""), 200);
        }
    }

    Http browser(Role role) {
        testPeople.ensure(role);
        Http http = Http.browser(port);
        http.login(TestPeople.username(role), TestPeople.PASSWORD);
        return http;
    }

    @Test
    void editsAreValidatedAndADraftCanBeDiscarded() {
        String before = published();
        String label = draft();
        try {
            assertField(put(label, SO2, "{\"limit\":\"abc\"}"), "limit", "不是数字");
            assertField(put(label, SO2, "{\"limit\":true}"), "limit", "应为数字");
            assertField(put(label, SO2, "{\"severity\":\"FATAL\"}"), "severity", "VIOLATION");
            assertField(put(label, CatalogPagesIT.S_RULE, "{\"severity\":\"VIOLATION\"}"), "severity", "置信度为 S");
            assertField(put(label, SO2, "{\"effectiveTo\":\"2014-13-01\"}"), "effectiveTo", "YYYY-MM-DD");
            assertField(put(label, SO2, "{\"effectiveTo\":\"2013-06-30\"}"), "effectiveTo", "不得早于施行日期");
            assertField(put(label, SO2, "{\"limt\":100}"), "limt", "未知字段");
            assertField(put(label, SO2, "{\"withdrawn\":true,\"limit\":1}"), "withdrawn", "不能同时");
            assertField(put(label, "FL2020-ELIM-DITIAOGANG", "{\"limit\":1}"), "limit", "淘汰类目");
            assertField(put(label, "CQ2014-CEMENT-TECH-GRINDING", "{\"limit\":5}"), "limit", "true 或 false");
            assertThat(put(label, SO2, "{}").statusCode()).isEqualTo(400);
            assertThat(put(label, "NO-SUCH-RULE", "{\"limit\":1}").statusCode()).isEqualTo(404);
            assertThat(put("nosuchdraft", SO2, "{\"limit\":1}").statusCode()).isEqualTo(404);
            assertThat(put(before, SO2, "{\"limit\":1}").statusCode()).isEqualTo(409);
            String observer = api.token(TestPeople.username(Role.OBSERVER), TestPeople.PASSWORD);
            assertThat(api.json("PUT", "/api/v1/catalog/drafts/" + label + "/rules/" + SO2, observer, "{\"limit\":1}")
                    .statusCode()).isEqualTo(403);

            // a boolean requirement, an end date, a withdrawal and a restoration
            assertThat(json(put(label, "CQ2014-CEMENT-TECH-GRINDING", "{\"limit\":false}"), 200).get("changed")
                    .asBoolean()).isTrue();
            assertThat(json(put(label, SO2, "{\"effectiveTo\":\"2030-01-01\",\"severity\":\"advisory\"}"), 200)
                    .get("rule").get("effectiveTo").asString()).isEqualTo("2030-01-01");
            assertThat(json(put(label, "FL2020-ELIM-DITIAOGANG", "{\"withdrawn\":true}"), 200).get("withdrawn")
                    .asBoolean()).isTrue();
            assertField(put(label, "FL2020-ELIM-DITIAOGANG", "{\"severity\":\"ADVISORY\"}"), "withdrawn", "恢复");
            JsonNode diff = json(api.get("/api/v1/catalog/drafts/" + label + "/diff", coordinator), 200);
            assertThat(diff.get("rules")).hasSize(3);
            assertThat(diff.toString()).contains("\"change\":\"WITHDRAWN\"").contains("\"field\":\"effectiveTo\"")
                    .contains("\"field\":\"severity\"");
            String page = browser(Role.ADMIN).get("/catalog/rules/FL2020-ELIM-DITIAOGANG?version=" + label).body();
            assertThat(page).contains("id=\"withdrawn-in-draft\"").contains("id=\"restore-form\"");

            json(put(label, "FL2020-ELIM-DITIAOGANG", "{\"withdrawn\":false}"), 200);
            json(put(label, SO2, "{\"effectiveTo\":\"\",\"severity\":\"VIOLATION\"}"), 200);
            json(put(label, "CQ2014-CEMENT-TECH-GRINDING", "{\"limit\":true}"), 200);
            assertThat(json(put(label, SO2, "{\"limit\":150.0}"), 200).get("changed").asBoolean()).isFalse();
            assertThat(json(api.get("/api/v1/catalog/drafts/" + label + "/diff", coordinator), 200).get("rules"))
                    .isEmpty();
            HttpResponse<String> nothing = api.json("POST", "/api/v1/catalog/drafts/" + label + "/publish", coordinator, "");
            assertThat(nothing.statusCode()).isEqualTo(409);
            assertThat(nothing.body()).contains("没有差别");
            assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'catalog_rule' and entity_id like :p")
                    .param("p", label + "/%").query(Long.class).single()).isEqualTo(6);
        } finally {
            json(api.json("POST", "/api/v1/catalog/drafts/" + label + "/discard", coordinator, ""), 200);
        }
        assertThat(api.json("POST", "/api/v1/catalog/drafts/" + label + "/discard", coordinator, "").statusCode())
                .isEqualTo(409);
        assertThat(json(api.get("/api/v1/catalog/versions", coordinator), 200).toString())
                .contains("\"label\":\"" + label + "\",\"state\":\"DISCARDED\"");
        assertThat(published()).isEqualTo(before);
        // a stale expectation of the published version is refused
        assertThat(api.json("POST", "/api/v1/catalog/drafts?basedOn=nosuchversion", coordinator, "").statusCode())
                .isEqualTo(409);
    }

    private static void assertField(HttpResponse<String> r, String field, String reason) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"" + field + "\"").contains(reason);
    }
}
