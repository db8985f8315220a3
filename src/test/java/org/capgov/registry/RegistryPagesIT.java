package org.capgov.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry's reading pages over real HTTP: search with filters, paging and sorting; the enterprise page with
 * equipment parameters, capacity, status and audit history; the equipment page; the region figures; the
 * equipment-type reference; and data scope (a district officer of 涪陵 does not see 万州).
 */
class RegistryPagesIT extends IntegrationTest {

    static final String FL_STEEL = uscc("500102", "P0000001");
    static final String WZ_GLASS = uscc("500101", "P0000002");
    static final String WX_CEMENT = uscc("500238", "P0000003");
    static final String WX_COKING = uscc("500238", "P0000004");
    static final int PAGED = 23;

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    JdbcClient jdbc;

    static String uscc(String region, String body8) {
        return Uscc.compose("91", region, body8);
    }

    static String paged(int n) {
        return uscc("500102", String.format("P10000%02d", n));
    }

    @BeforeEach
    void data() {
        fixture(enterprises, equipment, jdbc);
    }

    /** The enterprises and equipment these tests read, created once per database through the services. */
    static synchronized void fixture(EnterpriseService enterprises, EquipmentService equipment, JdbcClient jdbc) {
        if (exists(jdbc, WX_COKING)) {
            return;
        }
        SystemActor.run(() -> {
            enterprises.create(new EnterpriseDraft(FL_STEEL, "涪陵页面测试钢铁有限公司", "500102", List.of("STEEL", "COKING"),
                    "重庆市涪陵区李渡工业园 1 号", "张页面", null, List.of(), List.of("PG-5001020001"), "OPERATING",
                    LocalDate.of(2010, 1, 1), null));
            equipment.create(FL_STEEL, new EquipmentDraft("BF1", "L1", "BLAST_FURNACE",
                    Map.of("volume_m3", 1200, "purpose", "FOUNDRY_IRON"), "PIG_IRON", new BigDecimal("1000000"),
                    LocalDate.of(2010, 5, 1), null, null, null));
            equipment.create(FL_STEEL, new EquipmentDraft("CV1", "L1", "CONVERTER", Map.of("nominal_t", 120), "CRUDE_STEEL",
                    new BigDecimal("1500000"), LocalDate.of(2011, 3, 1), null, null, null));
            enterprises.changeStatus(FL_STEEL, new StatusChange("RECTIFYING", LocalDate.of(2024, 3, 1),
                    "涪经信发〔2024〕9号", "限期整改"));
            enterprises.create(new EnterpriseDraft(WZ_GLASS, "万州页面测试玻璃有限公司", "500101", List.of("FLAT_GLASS"),
                    null, null, null, List.of(), List.of(), null, null, null));
            equipment.create(WZ_GLASS, new EquipmentDraft("GL1", null, "GLASS_LINE",
                    Map.of("process", "FLOAT", "melt_t_per_d", 600), "FLAT_GLASS", new BigDecimal("5000000"), null, null,
                    null, null));
            for (int n = 1; n <= PAGED; n++) {
                enterprises.create(new EnterpriseDraft(paged(n), String.format("页面分页测试企业%02d", n), "500102",
                        List.of("CEMENT"), null, null, null, List.of(), List.of(), null, null, null));
            }
            enterprises.create(new EnterpriseDraft(WX_CEMENT, "巫溪页面测试水泥有限公司", "500238", List.of("CEMENT"),
                    null, null, null, List.of(), List.of(), null, null, null));
            equipment.create(WX_CEMENT, new EquipmentDraft("K1", null, "CEMENT_KILN",
                    Map.of("process", "NSP", "clinker_t_per_d", 2500), "CLINKER", new BigDecimal("775000"), null, null,
                    null, null));
            equipment.create(WX_CEMENT, new EquipmentDraft("M1", null, "CEMENT_MILL", Map.of("diameter_m", 3.8), "CEMENT",
                    new BigDecimal("1000000"), null, null, null, null));
            equipment.create(WX_CEMENT, new EquipmentDraft("M2", null, "CEMENT_MILL", Map.of("diameter_m", 2.2), "CEMENT",
                    new BigDecimal("500000"), null, null, "SEALED", LocalDate.of(2020, 6, 30)));
            enterprises.create(new EnterpriseDraft(WX_COKING, "巫溪页面测试焦化有限公司", "500238", List.of("COKING", "STEEL"),
                    null, null, null, List.of(), List.of(), "SUSPENDED", LocalDate.of(2022, 1, 1), null));
            equipment.create(WX_COKING, new EquipmentDraft("C1", null, "COKE_OVEN",
                    Map.of("chamber_height_m", 4.3, "charging", "STAMP"), "COKE", new BigDecimal("600000"), null, null,
                    null, null));
            equipment.create(WX_COKING, new EquipmentDraft("R1", null, "ROLLING_MILL", Map.of("mill_type", "MODERN"),
                    "STEEL_PRODUCTS", new BigDecimal("300000"), null, null, null, null));
        });
    }

    static boolean exists(JdbcClient jdbc, String uscc) {
        return jdbc.sql("select count(*) from enterprise where uscc = :u").param("u", uscc).query(Long.class).single() > 0;
    }

    Http as(Role role) {
        testPeople.ensure(role);
        Http http = Http.browser(port);
        http.login(TestPeople.username(role), TestPeople.PASSWORD);
        return http;
    }

    static String body(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** Results rows: the USCCs linked in the result table, in order. */
    static List<String> resultCodes(String page) {
        String table = page.substring(page.indexOf("id=\"enterprise-table\""));
        Matcher m = Pattern.compile("/registry/enterprises/([0-9A-Z]{18})\">\\1</a>").matcher(table);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The HTML of the element with this id up to the end of its row or table. */
    static String row(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element " + id).isGreaterThanOrEqualTo(0);
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    void searchFiltersPagesAndSorts() {
        Http http = as(Role.COORDINATOR);
        String first = body(http.get("/registry/enterprises?q=%E9%A1%B5%E9%9D%A2%E5%88%86%E9%A1%B5%E6%B5%8B%E8%AF%95"));
        assertThat(first).contains("共 23 家企业").contains("第 1 / 2 页").contains("id=\"page-next\"")
                .doesNotContain("id=\"page-previous\"");
        assertThat(resultCodes(first)).hasSize(20).startsWith(paged(1), paged(2));
        String second = body(http.get("/registry/enterprises?q=%E9%A1%B5%E9%9D%A2%E5%88%86%E9%A1%B5%E6%B5%8B%E8%AF%95&page=1"));
        assertThat(resultCodes(second)).containsExactly(paged(21), paged(22), paged(23));
        assertThat(second).contains("id=\"page-previous\"").doesNotContain("id=\"page-next\"");

        // a USCC prefix, sorted by code descending, 50 a page
        String byCode = body(http.get("/registry/enterprises?q=91500102P10000&sort=uscc&desc=true&size=50"));
        assertThat(resultCodes(byCode)).hasSize(PAGED).startsWith(paged(23), paged(22)).endsWith(paged(1));
        assertThat(byCode).contains("共 23 家企业");
        // the export links carry the same query
        assertThat(byCode).contains("/registry/enterprises/export.csv?q=91500102P10000&amp;sort=uscc&amp;desc=true")
                .contains("/registry/enterprises/export.xlsx?q=91500102P10000&amp;sort=uscc&amp;desc=true")
                .contains("href=\"/registry/imports\"");

        String q = "q=%E9%A1%B5%E9%9D%A2%E6%B5%8B%E8%AF%95"; // 页面测试
        assertThat(resultCodes(body(http.get("/registry/enterprises?" + q + "&region=500101")))).containsExactly(WZ_GLASS);
        assertThat(resultCodes(body(http.get("/registry/enterprises?" + q + "&region=500000&sort=region"))))
                .containsExactly(WZ_GLASS, FL_STEEL, WX_CEMENT, WX_COKING);
        assertThat(resultCodes(body(http.get("/registry/enterprises?" + q + "&industry=COKING"))))
                .containsExactlyInAnyOrder(FL_STEEL, WX_COKING);
        assertThat(resultCodes(body(http.get("/registry/enterprises?" + q + "&status=RECTIFYING")))).containsExactly(FL_STEEL);
        assertThat(resultCodes(body(http.get("/registry/enterprises?" + q
                + "&product=PIG_IRON&capacityMin=900000&capacityMax=1100000")))).containsExactly(FL_STEEL);
        assertThat(resultCodes(body(http.get("/registry/enterprises?" + q + "&product=PIG_IRON&capacityMin=2000000")))).isEmpty();
        // without a product the range applies to all operating capacity: 1 000 000 + 1 500 000
        assertThat(resultCodes(body(http.get("/registry/enterprises?" + q + "&capacityMin=2400000&capacityMax=2600000"))))
                .containsExactly(FL_STEEL);

        // a malformed page or size is the first page and the default size, as on every other list (ListFilters)
        String pageAbc = body(http.get("/registry/enterprises?q=%E9%A1%B5%E9%9D%A2%E5%88%86%E9%A1%B5%E6%B5%8B%E8%AF%95"
                + "&page=abc&size=x7"));
        assertThat(resultCodes(pageAbc)).hasSize(20).startsWith(paged(1), paged(2));
        assertThat(pageAbc).contains("第 1 / 2 页");
        assertThat(resultCodes(body(http.get("/registry/enterprises?q=91500102P10000&page=-3&size=33"))))
                .hasSize(20).startsWith(paged(1));
        assertThat(resultCodes(body(http.get("/registry/enterprises?q=91500102P10000&page=%201%20&size=50"))))
                .isEmpty();

        // bad filters are explained on the page, not an error page
        String bad = body(http.get("/registry/enterprises?industry=GOLD"));
        assertThat(bad).contains("id=\"search-refusal\"").contains("GOLD");
        assertThat(body(http.get("/registry/enterprises?capacityMin=abc"))).contains("id=\"search-refusal\"")
                .contains("在产产能下限：“abc”不是有效的数字");
    }

    @Test
    void enterprisePageShowsIdentityEquipmentCapacityHistoryAndAudit() {
        Http http = as(Role.COORDINATOR);
        String page = body(http.get("/registry/enterprises/" + FL_STEEL));
        assertThat(page).contains("涪陵页面测试钢铁有限公司").contains(FL_STEEL).doesNotContain("id=\"uscc-flag\"")
                .contains("href=\"/regions/500102\"").contains("涪陵区").contains("焦化、钢铁").contains("张页面")
                .contains("重庆市涪陵区李渡工业园 1 号").contains("PG-5001020001").contains("href=\"/registry/regions/500102\"");
        String bf1 = page.substring(page.indexOf("id=\"equipment-table\""));
        assertThat(bf1).contains("BF1").contains("L1").contains("高炉").contains("有效容积").contains("1,200")
                .contains("m³").contains("用途").contains("铸造生铁").contains("1,000,000").contains("2010-05-01")
                .contains("CV1").contains("转炉").contains("公称容量").contains("120").contains("1,500,000")
                .contains("href=\"/registry/enterprises/" + FL_STEEL + "/equipment/BF1\"");
        String capacity = page.substring(page.indexOf("id=\"enterprise-capacity\""));
        assertThat(capacity).contains("生铁").contains("粗钢");
        String history = page.substring(page.indexOf("id=\"status-history\""), page.indexOf("id=\"status-change\""));
        assertThat(history).contains("整改中").contains("2024-03-01").contains("涪经信发〔2024〕9号").contains("限期整改")
                .contains("正常生产").contains("2010-01-01").contains("登记");
        assertThat(history.indexOf("整改中")).as("newest first").isLessThan(history.indexOf("正常生产"));
        String audit = page.substring(page.indexOf("id=\"audit-history\""));
        assertThat(audit).contains("新增").contains("修改").contains("设备 " + FL_STEEL + "/BF1").contains("企业 " + FL_STEEL);
        assertThat(page).contains("id=\"status-form\"").contains("id=\"add-equipment\"");
        assertThat(page).contains("href=\"/registry/equipment/export.csv?enterprise=" + FL_STEEL + "\"");

        String item = body(http.get("/registry/enterprises/" + FL_STEEL + "/equipment/BF1"));
        String parameters = item.substring(item.indexOf("id=\"parameter-table\""));
        assertThat(parameters).contains("volume_m3").contains("有效容积").contains("1,200").contains("m³")
                .contains("purpose").contains("铸造生铁");
        assertThat(item).contains("id=\"equipment-capacity\"").contains("1,000,000").contains("在产")
                .contains("href=\"/registry/enterprises/" + FL_STEEL + "\"");
        assertThat(item.substring(item.indexOf("id=\"status-history\""))).contains("2010-05-01");

        // readers without the right to write see no forms
        String observed = body(as(Role.OBSERVER).get("/registry/enterprises/" + FL_STEEL));
        assertThat(observed).doesNotContain("id=\"status-form\"").doesNotContain("id=\"add-equipment\"");
        // English labels
        String english = body(http.get("/registry/enterprises/" + FL_STEEL + "?lang=en"));
        assertThat(english).contains("Blast furnace").contains("Effective volume").contains("foundry iron")
                .contains("Status history");
        http.get("/?lang=zh-CN");
    }

    @Test
    void aFlaggedCodeCarriesAVisibleWarning() {
        String good = uscc("500102", "P0000009");
        String flagged = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        if (!exists(jdbc, flagged)) {
            SystemActor.run(() -> enterprises.create(new EnterpriseDraft(flagged, "校验码例外测试企业", "500102",
                    List.of("OTHER"), null, null, null, List.of(), List.of(), null, null, true)));
        }
        String page = body(as(Role.COORDINATOR).get("/registry/enterprises/" + flagged));
        assertThat(page).contains("id=\"uscc-flag\"").contains("校验码例外").contains("第 18 位校验码应为");
    }

    @Test
    void regionPageShowsCapacityPerProductAndIndustryAndCounts() {
        String page = body(as(Role.COORDINATOR).get("/registry/regions/500238"));
        assertThat(page).contains("巫溪县产能概况").doesNotContain("id=\"partial-scope\"")
                .contains("href=\"/registry/enterprises?region=500238\"").containsPattern("查看本区域企业（\\d+ 家）");
        assertThat(row(page, "product-CLINKER")).contains("水泥熟料").contains("775,000").contains(">t<");
        // the sealed mill (500 000) does not count
        assertThat(row(page, "product-CEMENT")).contains("1,000,000");
        assertThat(row(page, "product-COKE")).contains("600,000");
        assertThat(row(page, "product-STEEL_PRODUCTS")).contains("300,000");
        assertThat(page).doesNotContain("id=\"product-PIG_IRON\"");
        // the same figures as the capacity service gives for the whole subtree
        Map<org.capgov.shared.Product, BigDecimal> service = SystemActor.call(() -> equipment.operatingByProduct("500238"));
        assertThat(service).containsKeys(org.capgov.shared.Product.CLINKER, org.capgov.shared.Product.CEMENT,
                org.capgov.shared.Product.COKE, org.capgov.shared.Product.STEEL_PRODUCTS);
        service.forEach((product, capacity) -> assertThat(row(page, "product-" + product))
                .contains(RegistryPageController.format(capacity)));
        assertThat(row(page, "capacity-CEMENT-CLINKER")).contains("水泥").contains("775,000");
        assertThat(row(page, "capacity-CEMENT-CEMENT")).contains("1,000,000");
        assertThat(row(page, "capacity-COKING-COKE")).contains("焦化").contains("600,000");
        assertThat(row(page, "capacity-STEEL-STEEL_PRODUCTS")).contains("钢铁").contains("300,000");
        String cement = row(page, "industry-CEMENT");
        assertThat(cement).contains("status=OPERATING\">1</a>").contains("fw-semibold\">1<");
        assertThat(row(page, "industry-COKING")).contains("status=SUSPENDED\">1</a>");
        assertThat(row(page, "industry-STEEL")).contains("status=SUSPENDED\">1</a>");
        // chart data for registry-region.js
        assertThat(page).contains("id=\"capacity-chart\"").contains("data-chart=\"{").contains("id=\"count-chart\"")
                .contains("/js/registry-region.js").contains("echarts.min.js");

        // a district officer of 涪陵 sees none of 巫溪's figures, and is told the figures are partial
        String district = body(as(Role.DISTRICT_OFFICER).get("/registry/regions/500238"));
        assertThat(district).contains("id=\"partial-scope\"").doesNotContain("775,000").contains("该区域暂无在产设备");
        // the whole city includes 巫溪 and 涪陵
        String city = body(as(Role.OBSERVER).get("/registry/regions/500000"));
        assertThat(city).contains("id=\"product-PIG_IRON\"").contains("id=\"product-CLINKER\"");
        assertThat(as(Role.OBSERVER).get("/registry/regions/999999").statusCode()).isEqualTo(404);
        // an enterprise account's figures cover its own enterprise only, not the district's
        String own = body(as(Role.ENTERPRISE).get("/registry/regions/500102"));
        BigDecimal ownIron = jdbc.sql("select coalesce(sum(q.annual_capacity), 0) from equipment q join enterprise e "
                + "on e.id = q.enterprise_id where e.uscc = :u and q.product = 'PIG_IRON' and q.status = 'OPERATING' "
                + "and q.region_path like '/500000/500102/%'").param("u", TestPeople.BY_ROLE.get(Role.ENTERPRISE).enterpriseUscc())
                .query(BigDecimal.class).single();
        if (ownIron.signum() == 0) {
            assertThat(own).doesNotContain("id=\"product-PIG_IRON\"");
        } else {
            assertThat(row(own, "product-PIG_IRON")).contains(RegistryPageController.format(ownIron));
        }
    }

    @Test
    void equipmentTypeReferenceListsEveryTypeWithParameters() {
        String page = body(as(Role.FINANCIAL_INSTITUTION).get("/registry/equipment-types"));
        for (EquipmentType t : EquipmentType.values()) {
            assertThat(page).contains("id=\"type-" + t.name() + "\"");
            for (ParameterSpec p : t.parameters()) {
                assertThat(page).contains("<code>" + p.code() + "</code>");
            }
        }
        String bf = page.substring(page.indexOf("id=\"type-BLAST_FURNACE\""), page.indexOf("id=\"type-CONVERTER\""));
        assertThat(bf).contains("高炉").contains("钢铁").contains("生铁").contains("有效容积").contains("m³")
                .contains("1 – 10000").contains("铸造生铁").contains("普通炼钢生铁");
        String glass = page.substring(page.indexOf("id=\"type-GLASS_LINE\""));
        assertThat(glass).contains("重量箱").contains("浮法");
        String ship = page.substring(page.indexOf("id=\"type-SHIPYARD\""));
        assertThat(ship).contains("载重吨").contains("[IV]{1,3}_[0-9]").contains("近两年有订单");
    }

    @Test
    void scopeKeepsADistrictOfficerToTheDistrict() {
        Http district = as(Role.DISTRICT_OFFICER);
        String found = body(district.get("/registry/enterprises?q=%E9%A1%B5%E9%9D%A2%E6%B5%8B%E8%AF%95"));
        assertThat(resultCodes(found)).contains(FL_STEEL).doesNotContain(WZ_GLASS, WX_CEMENT);
        assertThat(resultCodes(body(district.get("/registry/enterprises?q=" + WZ_GLASS)))).isEmpty();
        assertThat(district.get("/registry/enterprises/" + WZ_GLASS).statusCode()).isEqualTo(404);
        assertThat(district.get("/registry/enterprises/" + WZ_GLASS + "/equipment/GL1").statusCode()).isEqualTo(404);
        assertThat(body(district.get("/registry/enterprises/" + FL_STEEL))).contains("涪陵页面测试钢铁有限公司");
        // an enterprise account sees only its own enterprise; a bank has no registry pages at all
        assertThat(as(Role.ENTERPRISE).get("/registry/enterprises/" + FL_STEEL).statusCode()).isEqualTo(404);
        assertThat(as(Role.FINANCIAL_INSTITUTION).get("/registry/enterprises").statusCode()).isEqualTo(403);
    }
}
