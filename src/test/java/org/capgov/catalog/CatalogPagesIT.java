package org.capgov.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue's reading pages and API over real HTTP: coverage of the source documents, a document with its
 * rules, eliminations and targets, a rule with its quoted text, conditions and history, the visible S flag, targets
 * with filters, and 404 for what does not exist.
 */
class CatalogPagesIT extends IntegrationTest {

    static final List<String> DOCUMENTS = List.of("cq-2014-3", "fl-2020-85", "sc-2014", "tj-2013", "cq-2024", "national",
            "miit-2021-46", "miit-2021-80", "miit-2024-327", "miit-2024-cement-glass");
    /** National replacement-ratio documents: only rules on new capacity, read by the project gate, not counted here. */
    static final List<String> REPLACEMENT_ONLY = List.of("miit-2021-46", "miit-2021-80", "miit-2024-327",
            "miit-2024-cement-glass");
    static final String SO2 = "CQ2014-CEMENT-ENV-SO2-MAIN-CITY";
    static final String S_RULE = "NAT-GB16780-2021-CEMENT-ENERGY";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;

    Http as(Role role) {
        testPeople.ensure(role);
        Http http = Http.browser(port);
        http.login(TestPeople.username(role), TestPeople.PASSWORD);
        return http;
    }

    String token(Role role) {
        testPeople.ensure(role);
        return Http.api(port).token(TestPeople.username(role), TestPeople.PASSWORD);
    }

    static String body(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(body(r));
    }

    /** The HTML of the element with this id up to the end of its row. */
    static String row(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element " + id).isGreaterThanOrEqualTo(0);
        return page.substring(start, page.indexOf("</tr>", start));
    }

    /** The HTML of the element with this id up to the first closing tag given. */
    static String element(String page, String id, String end) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element " + id).isGreaterThanOrEqualTo(0);
        return page.substring(start, page.indexOf(end, start));
    }

    @Test
    void coverageListsTheTenDocumentsWithTheirCounts() {
        JsonNode coverage = json(Http.api(port).get("/api/v1/catalog/coverage", token(Role.ENTERPRISE)));
        String label = coverage.get("version").get("label").asString();
        assertThat(coverage.get("version").get("state").asString()).isEqualTo("PUBLISHED");
        assertThat(coverage.get("documents")).hasSize(DOCUMENTS.size());

        String page = body(as(Role.FINANCIAL_INSTITUTION).get("/catalog"));
        assertThat(page).contains("目录覆盖情况").contains("现行版本 " + label);
        for (String id : DOCUMENTS) {
            String row = row(page, "coverage-" + id);
            assertThat(row).contains("/catalog/documents/" + id);
            Matcher total = Pattern.compile("catalog-total\">(\\d+)<").matcher(row);
            assertThat(total.find()).as(id).isTrue();
            if (REPLACEMENT_ONLY.contains(id)) {
                assertThat(Integer.parseInt(total.group(1))).as("entries of " + id).isZero();
            } else {
                assertThat(Integer.parseInt(total.group(1))).as("entries of " + id).isPositive();
            }
        }
        assertThat(row(page, "coverage-cq-2014-3")).contains("渝府发〔2014〕3号").contains("重庆市人民政府")
                .contains("市级").contains("重庆市").contains("000_a2e040fd30cf5b1e.txt");
        assertThat(row(page, "coverage-national")).contains("全国").contains("无（国家参考汇编）");
        // issue 13 item 8: project rules are not counted as rules judging existing capacity, and the page says so
        assertThat(page).contains("仅项目准入").contains("id=\"project-rules-note\"")
                .contains("合规评价（单次评价和批量评价）不适用项目准入规则：" + coverage.get("totals").get("projectOnly").asLong()
                        + " 条仅适用于项目的规则");
        assertThat(coverage.get("totals").get("projectOnly").asLong()).isGreaterThanOrEqualTo(3);
        // the creation of drafts is offered to editors only
        assertThat(page).doesNotContain("id=\"create-draft\"");
        assertThat(page).contains("id=\"version-" + label + "\"");

        // the counts of the API agree with the data files: national holds S values, seed 000 none
        for (JsonNode d : coverage.get("documents")) {
            String id = d.get("document").get("id").asString();
            if (REPLACEMENT_ONLY.contains(id)) {
                assertThat(d.get("total").asLong()).as(id).isZero();
            } else {
                assertThat(d.get("total").asLong()).as(id).isPositive();
            }
            if (id.equals("national")) {
                assertThat(d.get("secondary").asLong()).isPositive();
            }
            if (id.equals("cq-2014-3")) {
                assertThat(d.get("secondary").asLong()).isZero();
                assertThat(d.get("rulesByDimension").get("ENVIRONMENT").asLong()).isPositive();
                assertThat(d.get("eliminations").asLong()).isPositive();
                assertThat(d.get("targets").asLong()).isPositive();
            }
        }
        assertThat(coverage.get("totals").get("total").asLong()).isEqualTo(
                sum(coverage.get("documents"), "total"));
    }

    private static long sum(JsonNode rows, String field) {
        long n = 0;
        for (JsonNode r : rows) {
            n += r.get(field).asLong();
        }
        return n;
    }

    @Test
    void rulePageShowsTheQuotedTextConditionsLimitAndDocument() {
        Http http = as(Role.ENTERPRISE);
        String page = body(http.get("/catalog/rules/" + SO2));
        assertThat(page).contains("主城区水泥企业的二氧化硫排放浓度小于或等于150mg/m3，氮氧化合物排放浓度小于或等于250mg/m3")
                .contains("DB50/418-2012").contains("二、（一）2．（1）").contains("渝府发〔2014〕3号")
                .contains("大气分区为主城区").contains("二氧化硫排放浓度").contains("href=\"/catalog/documents/cq-2014-3\"");
        assertThat(element(page, "rule-limit", "</dd>")).contains("≤").contains("<strong>150</strong>").contains("mg/m³");
        assertThat(page).contains("违规").doesNotContain("id=\"s-flag\"").doesNotContain("id=\"edit-card\"");
        String published = json(Http.api(port).get("/api/v1/catalog/coverage", token(Role.ENTERPRISE))).get("version")
                .get("label").asString();
        assertThat(row(page, "history-" + published)).contains("≤ 150").contains("违规");

        // parameters are named in words with their values (用途为普通炼钢生铁); ≤ for <=
        String bf = body(http.get("/catalog/rules/NAT-ELIM-2011-BF-400"));
        assertThat(element(bf, "rule-conditions", "</dd>")).contains("用途").contains("普通炼钢生铁")
                .contains("≤ 400").doesNotContain("GENERAL").doesNotContain("volume_m3");
        assertThat(bf).contains("立即");
    }

    @Test
    void secondarySourceRulesShowAVisibleFlag() {
        Http http = as(Role.DISTRICT_OFFICER);
        String page = body(http.get("/catalog/rules/" + S_RULE));
        assertThat(element(page, "s-flag", "</div>")).contains("二手来源，执法前须核对原文");
        assertThat(page).contains("S 二手来源").contains("GB 16780-2021").contains("提示");
        String document = body(http.get("/catalog/documents/national"));
        assertThat(row(document, "rule-" + S_RULE)).contains("二手来源，执法前须核对原文").contains("S 二手来源");
        // a verified rule carries no such flag
        assertThat(row(body(http.get("/catalog/documents/cq-2014-3")), "rule-" + SO2)).doesNotContain("二手来源")
                .contains("V 原文");
    }

    @Test
    void documentPageListsRulesEliminationsAndTargetsWithCitations() {
        Http http = as(Role.GRID_COMPANY);
        String page = body(http.get("/catalog/documents/cq-2014-3"));
        assertThat(page).contains("重庆市人民政府关于化解产能过剩矛盾的实施意见").contains("000_a2e040fd30cf5b1e.txt");
        assertThat(row(page, "rule-" + SO2)).contains("href=\"/catalog/rules/" + SO2 + "\"").contains("so2_conc")
                .contains("<strong>150</strong>").contains("主城区水泥企业的二氧化硫排放浓度小于或等于150mg/m3");
        assertThat(page).contains("id=\"elimination-table\"").contains("id=\"target-CQ2014-TARGET-UTIL-STEEL-2015\"");
        String tj = body(http.get("/catalog/documents/tj-2013"));
        assertThat(row(tj, "target-TJ2013-TARGET-CAP-STEEL-2017")).contains("产能上限").contains("≤")
                .contains("<strong>2000</strong>").contains("万t").contains("2017-12-31");
        assertThat(tj).contains("本文件没有此类条目。");
        assertThat(http.get("/catalog/documents/no-such-document").statusCode()).isEqualTo(404);
        assertThat(http.get("/catalog/rules/NO-SUCH-RULE").statusCode()).isEqualTo(404);
        // drafts are not shown to readers who do not edit the catalogue
        assertThat(http.get("/catalog/drafts/1").statusCode()).isEqualTo(403);
    }

    @Test
    void targetsByRegionIndustryAndDeadline() {
        Http http = as(Role.OBSERVER);
        String all = body(http.get("/catalog/targets"));
        assertThat(all).contains("TJ2013-TARGET-CAP-CLINKER-2017").contains("CQ2014-TARGET-UTIL-STEEL-2015");
        String tianjin = body(http.get("/catalog/targets?region=120000"));
        assertThat(tianjin).contains("共 3 项").contains("TJ2013-TARGET-CAP-STEEL-2017")
                .doesNotContain("id=\"target-CQ2014-TARGET-UTIL-STEEL-2015\"");
        String steel = body(http.get("/catalog/targets?region=120000&industry=STEEL"));
        assertThat(steel).contains("TJ2013-TARGET-CAP-STEEL-2017").doesNotContain("id=\"target-TJ2013-TARGET-CAP-CLINKER-2017\"");
        // sorted by region, industry, deadline: 重庆 (500000) before 四川 (510000)
        assertThat(all.indexOf("id=\"target-CQ2014-")).isLessThan(all.indexOf("id=\"target-SC2014-"));
    }

    @Test
    void apiReadsThePublishedVersionAndSingleRules() {
        String token = token(Role.ENTERPRISE);
        Http api = Http.api(port);
        JsonNode catalogue = json(api.get("/api/v1/catalog", token));
        assertThat(catalogue.get("version").get("state").asString()).isEqualTo("PUBLISHED");
        assertThat(catalogue.get("documents")).hasSize(DOCUMENTS.size());
        assertThat(catalogue.get("rules").size()).isGreaterThan(100);
        assertThat(catalogue.get("targets").size()).isPositive();

        JsonNode rule = json(api.get("/api/v1/catalog/rules/" + SO2, token));
        assertThat(rule.get("rule").get("limit").asInt()).isEqualTo(150);
        assertThat(rule.get("rule").get("citation").get("text").asString()).startsWith("主城区水泥企业的二氧化硫排放浓度");
        assertThat(rule.get("document").get("number").asString()).isEqualTo("渝府发〔2014〕3号");
        assertThat(rule.get("versions").get(0).get("version").asString())
                .isEqualTo(catalogue.get("version").get("label").asString());

        HttpResponse<String> missing = api.get("/api/v1/catalog/rules/NO-SUCH-RULE", token);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(missing.body()).contains("NO-SUCH-RULE");
        assertThat(api.get("/api/v1/catalog?version=999999", token).statusCode()).isEqualTo(404);
        JsonNode versions = json(api.get("/api/v1/catalog/versions", token));
        assertThat(versions.size()).isPositive();
        assertThat(versions.get(0).has("label")).isTrue();
    }

    @Test
    void pagesSpeakEnglishToo() {
        Http http = as(Role.OBSERVER);
        String page = body(http.get("/catalog?lang=en"));
        assertThat(page).contains("Catalogue coverage").contains("Nationwide");
        String rule = body(http.get("/catalog/rules/" + S_RULE + "?lang=en"));
        assertThat(rule).contains("Secondary source").contains("S secondary source");
        body(http.get("/catalog?lang=zh"));
    }
}
