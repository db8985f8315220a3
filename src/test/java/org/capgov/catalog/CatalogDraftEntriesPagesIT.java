package org.capgov.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The draft entry forms: a refused rule comes back with the values and Chinese reasons, a good one is stored. */
class CatalogDraftEntriesPagesIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;

    @Test
    void aCoordinatorAddsARuleWithConditionsThroughTheForm() {
        testPeople.ensure(Role.COORDINATOR);
        Http api = Http.api(port);
        String token = api.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        for (JsonNode v : CatalogDraftIT.json(api.get("/api/v1/catalog/versions", token), 200)) {
            if (v.get("state").asString().equals("DRAFT")) {
                api.json("POST", "/api/v1/catalog/drafts/" + v.get("label").asString() + "/discard", token, "");
            }
        }
        Http page = Http.browser(port);
        page.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        HttpResponse<String> created = page.post("/catalog/drafts", Map.of());
        String label = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/catalog/drafts/", "");
        try {
            assertThat(page.get("/catalog/drafts/" + label).body()).contains("id=\"add-rule\"").contains("id=\"add-target\"")
                    .contains("id=\"add-document\"");
            String form = page.get("/catalog/drafts/" + label + "/rules/new").body();
            assertThat(form).contains("id=\"entry-form\"").contains("原文引文").contains("适用条件");

            Map<String, String> rule = new LinkedHashMap<>();
            rule.put("id", "TEST-PAGE-GLASS-ENERGY");
            rule.put("documentId", "cq-2014-3");
            rule.put("kind", "RULE");
            rule.put("dimension", "ENERGY");
            rule.put("industry", "FLAT_GLASS");
            rule.put("equipmentType", "GLASS_LINE");
            rule.put("subject", "MEASUREMENT");
            rule.put("metric", "glass_energy");
            rule.put("when", "param process in FLOAT\nparam melt_t_per_d < 500");
            rule.put("comparator", "<=");
            rule.put("limit", "16.5");
            rule.put("unit", "mg/m3");
            rule.put("severity", "VIOLATION");
            rule.put("confidence", "V");
            rule.put("citation.section", "二、（四）");
            rule.put("citation.text", "");
            HttpResponse<String> refused = page.post("/catalog/drafts/" + label + "/rules", rule);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"entry-problems\"").contains("未保存").contains("量纲")
                    .contains("缺少原文引文").contains("value=\"TEST-PAGE-GLASS-ENERGY\"").contains("melt_t_per_d &lt; 500");

            rule.put("unit", "kgce/重量箱");
            rule.put("citation.text", "平板玻璃单位产品综合能耗不超过16.5千克标准煤/重量箱");
            HttpResponse<String> saved = page.post("/catalog/drafts/" + label + "/rules", rule);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
            assertThat(saved.headers().firstValue("Location").orElse("")).contains("/catalog/rules/TEST-PAGE-GLASS-ENERGY");
            JsonNode stored = CatalogDraftIT.json(api.get("/api/v1/catalog/rules/TEST-PAGE-GLASS-ENERGY?version=" + label,
                    token), 200).get("rule");
            assertThat(stored.get("when").toString()).contains("FLOAT").contains("\"op\":\"<\"");
            assertThat(page.get("/catalog/drafts/" + label).body()).contains("diff-TEST-PAGE-GLASS-ENERGY");

            // edit form shows the conditions as lines, and an edit of a document number comes back on the draft page
            assertThat(page.get("/catalog/drafts/" + label + "/rules/TEST-PAGE-GLASS-ENERGY/edit").body())
                    .contains("param process in FLOAT");
            Map<String, String> target = new LinkedHashMap<>();
            target.put("documentId", "cq-2014-3");
            target.put("kind", "SHARE");
            target.put("region", "500000");
            target.put("value", "130");
            target.put("unit", "%");
            target.put("confidence", "V");
            target.put("citation.section", "一");
            target.put("citation.text", "x");
            HttpResponse<String> badTarget = page.post("/catalog/drafts/" + label + "/targets", target);
            assertThat(badTarget.statusCode()).isEqualTo(400);
            assertThat(badTarget.body()).contains("缺少目标编号").contains("0 到 100");
        } finally {
            api.json("POST", "/api/v1/catalog/drafts/" + label + "/discard", token, "");
        }
    }
}
