package org.capgov.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Whole entries in a draft over the API: new rules and elimination items, conditions, targets and documents; every
 * refusal names its field and stores nothing; every change is audited, shows in the draft's differences and in the
 * what-if. Drafts are discarded afterwards (the only publication here is of a target and is undone).
 */
class CatalogDraftEntriesIT extends IntegrationTest {

    static final String BF = "CQ2014-STEEL-TECH-BF-VOLUME";
    static final String UTIL_SHIP = "CQ2014-TARGET-UTIL-SHIP-2015";
    static final String NEW_RULE = """
            {"id":"TEST-CQ-CEMENT-NOX","documentId":"cq-2014-3","dimension":"ENVIRONMENT","industry":"CEMENT",
             "equipmentType":"CEMENT_KILN","subject":"MEASUREMENT","metric":"nox_conc",
             "when":[{"param":"process","in":["NSP"]},{"airZone":["MAIN_CITY"]}],
             "comparator":"<=","limit":320,"unit":"mg/m3","severity":"VIOLATION","effectiveFrom":"2016-01-01",
             "confidence":"V","citation":{"section":"二、（二）","standard":"DB50/656-2016","text":"氮氧化物排放浓度不超过320毫克/立方米"}}""";

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;

    Http api;
    String coordinator;
    String label;

    @BeforeEach
    void draft() {
        api = Http.api(port);
        testPeople.ensure(Role.COORDINATOR);
        coordinator = api.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        discardOpen();
        label = CatalogDraftIT.json(api.json("POST", "/api/v1/catalog/drafts", coordinator, ""), 201).get("label").asString();
    }

    @AfterEach
    void discardOpen() {
        for (JsonNode v : CatalogDraftIT.json(api.get("/api/v1/catalog/versions", coordinator), 200)) {
            if (v.get("state").asString().equals("DRAFT")) {
                api.json("POST", "/api/v1/catalog/drafts/" + v.get("label").asString() + "/discard", coordinator, "");
            }
        }
    }

    HttpResponse<String> send(String method, String path, String body) {
        return api.json(method, "/api/v1/catalog/drafts/" + label + path, coordinator, body);
    }

    static void assertField(HttpResponse<String> r, String field, String reason) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"" + field + "\"").contains(reason);
    }

    JsonNode diff() {
        return CatalogDraftIT.json(api.get("/api/v1/catalog/drafts/" + label + "/diff", coordinator), 200);
    }

    long audits(String type, String id) {
        return jdbc.sql("select count(*) from audit_entry where entity_type = :t and entity_id = :id")
                .param("t", type).param("id", label + "/" + id).query(Long.class).single();
    }

    @Test
    void aNewRuleIsCheckedStoredAuditedAndShownInTheWhatIf() {
        assertField(send("POST", "/rules", NEW_RULE.replace("\"unit\":\"mg/m3\"", "\"unit\":\"kg/t\"")), "unit", "量纲");
        assertField(send("POST", "/rules", NEW_RULE.replace("\"<=\"", "\"≤\"")), "comparator", "比较符");
        assertField(send("POST", "/rules", NEW_RULE.replace("nox_conc", "nox_vibes")), "metric", "未知的指标");
        assertField(send("POST", "/rules", NEW_RULE.replace("\"CEMENT\"", "\"cement\"")), "industry", "docs/domain.md");
        assertField(send("POST", "/rules", NEW_RULE.replace("\"process\"", "\"kiln_size\"")), "when[0].param", "没有参数");
        assertField(send("POST", "/rules", NEW_RULE.replace("[\"NSP\"]", "[\"MAGIC\"]")), "when[0].in", "NSP");
        assertField(send("POST", "/rules", NEW_RULE.replace("\"effectiveFrom\":\"2016-01-01\"",
                "\"effectiveFrom\":\"2016-01-01\",\"effectiveTo\":\"2015-01-01\"")), "effectiveTo", "最后施行日不得早于生效日期");
        assertField(send("POST", "/rules", NEW_RULE.replace("\"text\":\"氮氧化物排放浓度不超过320毫克/立方米\"", "\"text\":\" \"")),
                "citation.text", "原文");
        assertField(send("POST", "/rules", NEW_RULE.replaceAll(",\"citation\":\\{.*}}", "}")), "citation", "出处");
        assertField(send("POST", "/rules", NEW_RULE.replace("\"confidence\":\"V\"", "\"confidence\":\"S\"")), "severity", "ADVISORY");
        assertField(send("POST", "/rules", NEW_RULE.replace("TEST-CQ-CEMENT-NOX", BF)), "id", "已被使用");
        assertField(send("POST", "/rules", NEW_RULE.replace("cq-2014-3", "no-such-doc")), "documentId", "no-such-doc");
        assertThat(diff().get("rules")).isEmpty();

        JsonNode added = CatalogDraftIT.json(send("POST", "/rules", NEW_RULE), 201);
        assertThat(added.get("created").asBoolean()).isTrue();
        assertThat(added.get("value").get("citation").get("document").asString()).isEqualTo("渝府发〔2014〕3号");
        JsonNode stored = CatalogDraftIT.json(api.get("/api/v1/catalog/rules/TEST-CQ-CEMENT-NOX?version=" + label,
                coordinator), 200).get("rule");
        assertThat(stored.get("limit").asInt()).isEqualTo(320);
        assertThat(stored.get("when").toString()).contains("MAIN_CITY").contains("NSP");
        assertThat(diff().get("rules").toString()).contains("TEST-CQ-CEMENT-NOX").contains("ADDED");
        assertThat(audits("catalog_rule", "TEST-CQ-CEMENT-NOX")).isEqualTo(1);

        JsonNode whatIf = CatalogDraftIT.json(api.json("POST", "/api/v1/compliance/what-if", coordinator,
                "{\"draft\":\"" + label + "\",\"asOf\":\"2016-06-30\"}"), 200);
        assertThat(whatIf.get("catalogueChanges").toString()).contains("TEST-CQ-CEMENT-NOX").contains("\"change\":\"ADDED\"");

        // an elimination item: no comparator or limit, a deadline
        String elimination = """
                {"id":"TEST-ELIM-LIME-EARTH","documentId":"cq-2014-3","kind":"ELIMINATION","dimension":"TECHNOLOGY",
                 "industry":"CEMENT","equipmentType":"LIME_KILN","when":[{"param":"kiln_kind","in":["EARTH"]}],
                 "deadline":"2016-12-31","citation":{"section":"三","text":"土窑石灰窑限期淘汰"}}""";
        assertField(send("POST", "/rules", elimination.replace("\"deadline\"", "\"comparator\":\"<\",\"deadline\"")),
                "comparator", "淘汰类");
        JsonNode item = CatalogDraftIT.json(send("POST", "/rules", elimination), 201);
        assertThat(item.get("entry").asString()).isEqualTo("ELIMINATION");
        assertThat(item.get("value").get("deadline").asString()).isEqualTo("2016-12-31");
    }

    @Test
    void conditionsOfARuleAreEditedAsAWholeRule() {
        assertField(send("PUT", "/rules/" + BF, "{\"when\":[{\"param\":\"purpose\",\"in\":[\"GOLD\"]}]}"),
                "when[0].in", "GENERAL");
        assertField(send("PUT", "/rules/" + BF, "{\"when\":[{\"scope\":\"SOMETIMES\"}]}"), "when[0].scope", "EXISTING");
        assertField(send("PUT", "/rules/" + BF, "{\"unit\":\"kg\"}"), "unit", "m3");
        assertThat(diff().get("rules")).isEmpty();

        JsonNode edit = CatalogDraftIT.json(send("PUT", "/rules/" + BF,
                "{\"when\":[{\"param\":\"purpose\",\"in\":[\"GENERAL\"]},{\"scope\":\"BOTH\"}]}"), 200);
        assertThat(edit.get("changes").toString()).contains("\"field\":\"when\"");
        JsonNode rules = diff().get("rules");
        assertThat(rules).singleElement().satisfies(r -> {
            assertThat(r.get("ruleId").asString()).isEqualTo(BF);
            assertThat(r.get("fields").get(0).get("field").asString()).isEqualTo("when");
        });
        assertThat(jdbc.sql("select after_state from audit_entry where entity_type = 'catalog_rule' and entity_id = :id "
                + "order by id desc limit 1").param("id", label + "/" + BF).query(String.class).single())
                .contains("GENERAL").doesNotContain("FOUNDRY_IRON");
        // the old editing of a limit still works next to it
        assertThat(CatalogDraftIT.json(send("PUT", "/rules/" + BF, "{\"limit\":450}"), 200).get("changed").asBoolean()).isTrue();
    }

    @Test
    void targetsAndDocumentsAreAddedEditedAndTheirPublicationIsAudited() {
        String target = """
                {"id":"TEST-TARGET-SHARE","documentId":"cq-2014-3","kind":"SHARE","industry":"CEMENT","region":"500000",
                 "comparator":">=","value":60,"unit":"%","deadline":"2017-12-31","citation":{"section":"一","text":"占比达到60%"}}""";
        assertField(send("POST", "/targets", target.replace("\"unit\":\"%\"", "\"unit\":\"t\"")), "unit", "%");
        assertField(send("POST", "/targets", target.replace("\"500000\"", "\"999999\"")), "region", "999999");
        assertField(send("POST", "/targets", target.replace("\"SHARE\"", "\"QUOTA\"")), "kind", "目标类别");
        assertThat(CatalogDraftIT.json(send("POST", "/targets", target), 201).get("id").asString()).isEqualTo("TEST-TARGET-SHARE");
        assertField(send("PUT", "/targets/" + UTIL_SHIP, "{\"value\":170}"), "value", "0 到 100");
        JsonNode edited = CatalogDraftIT.json(send("PUT", "/targets/" + UTIL_SHIP, "{\"value\":75}"), 200);
        assertThat(edited.get("changes").toString()).contains("\"field\":\"value\"");

        String document = """
                {"id":"test-cq-2016-1","number":"渝府办发〔2016〕1号","title":"测试文件","issuer":"重庆市人民政府办公厅",
                 "level":"MUNICIPAL","jurisdiction":"500000","published":"2016-01-05","effective":"2016-02-01"}""";
        assertField(send("POST", "/documents", document.replace("\"MUNICIPAL\"", "\"NATIONAL\"")), "jurisdiction", "国家级");
        assertField(send("POST", "/documents", document.replace("\"effective\":\"2016-02-01\"",
                "\"effective\":\"2016-02-01\",\"expires\":\"2016-01-01\"")), "expires", "不得早于");
        assertField(send("POST", "/documents", document.replace("\"2016-02-01\"", "\"2015-12-01\"")), "effective", "发布日期");
        assertField(send("POST", "/documents", document.replace("\"published\"", "\"supersededBy\":\"nope\",\"published\"")),
                "supersededBy", "nope");
        CatalogDraftIT.json(send("POST", "/documents", document), 201);
        // a new number: the rules citing the document follow it
        CatalogDraftIT.json(send("PUT", "/documents/cq-2014-3", "{\"number\":\"渝府发〔2014〕3号（修订）\"}"), 200);
        assertThat(CatalogDraftIT.json(api.get("/api/v1/catalog/rules/" + BF + "?version=" + label, coordinator), 200)
                .get("rule").get("citation").get("document").asString()).isEqualTo("渝府发〔2014〕3号（修订）");
        JsonNode entries = diff().get("entries");
        assertThat(entries.toString()).contains("test-cq-2016-1").contains("TEST-TARGET-SHARE").contains(UTIL_SHIP)
                .contains("\"field\":\"number\"");
        assertThat(audits("catalog_document", "cq-2014-3")).isEqualTo(1);
        assertThat(audits("catalog_target", UTIL_SHIP)).isEqualTo(1);
        assertThat(audits("catalog_target", "TEST-TARGET-SHARE")).isEqualTo(1);
        api.json("POST", "/api/v1/catalog/drafts/" + label + "/discard", coordinator, "");

        // a target-only draft publishes (audited), and a second draft puts the data files' value back
        label = CatalogDraftIT.json(api.json("POST", "/api/v1/catalog/drafts", coordinator, ""), 201).get("label").asString();
        CatalogDraftIT.json(send("PUT", "/targets/" + UTIL_SHIP, "{\"value\":75}"), 200);
        CatalogDraftIT.json(send("POST", "/publish", ""), 200);
        assertThat(jdbc.sql("select after_state from audit_entry where action = 'PUBLISH' and entity_id = :l")
                .param("l", label).query(String.class).single()).contains(UTIL_SHIP).contains("\"to\":\"75\"");
        label = CatalogDraftIT.json(api.json("POST", "/api/v1/catalog/drafts", coordinator, ""), 201).get("label").asString();
        CatalogDraftIT.json(send("PUT", "/targets/" + UTIL_SHIP, "{\"value\":70}"), 200);
        CatalogDraftIT.json(send("POST", "/publish", ""), 200);
    }
}
