package org.capgov.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.shared.ChinaTime;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry's forms over real HTTP: a new enterprise, new equipment with its type's parameters, status changes of
 * an enterprise and of an item. A refusal comes back to the form with every problem in Chinese and saves nothing.
 */
class RegistryPagesFormsIT extends IntegrationTest {

    static final String EQUIPPED = RegistryPagesIT.uscc("500102", "P0000021");
    static final String STATUS = RegistryPagesIT.uscc("500102", "P0000022");

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
    @Autowired
    Clock clock;

    Http as(Role role) {
        testPeople.ensure(role);
        Http http = Http.browser(port);
        http.login(TestPeople.username(role), TestPeople.PASSWORD);
        return http;
    }

    /** Posts a form, expects the redirect, and returns the page it leads to (showing the flash message). */
    static String submit(Http http, String path, Map<String, String> fields, String expectedTarget) {
        HttpResponse<String> r = http.post(path, fields);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(location).isEqualTo(expectedTarget);
        return RegistryPagesIT.body(http.get(location));
    }

    long count(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }

    @Test
    void createsAnEnterpriseThroughTheFormAndRefusesBadInputSavingNothing() {
        Http http = as(Role.COORDINATOR);
        String form = RegistryPagesIT.body(http.get("/registry/enterprises/new"));
        assertThat(form).contains("id=\"enterprise-form\"").contains("id=\"industry-STEEL\"").contains("value=\"500238\"")
                .contains("接受校验码例外");

        String code = RegistryPagesIT.uscc("500115", "P0000031");
        String page = submit(http, "/registry/enterprises", Map.of("uscc", code, "name", "长寿表单测试钢铁有限公司",
                "region", "500115", "industries", "STEEL", "legalRepresentative", "李表单", "gridAccounts", "PG-5001150001 PG-5001150002",
                "statusSince", "2019-07-01"), "/registry/enterprises/" + code);
        assertThat(page).contains("id=\"saved\"").contains("长寿表单测试钢铁有限公司").contains("长寿区").contains("李表单")
                .contains("PG-5001150001").contains("PG-5001150002").contains("2019-07-01");

        // three problems at once: check character, no industry, a future date; all are listed and nothing is saved
        String bad = code.substring(0, 17) + (code.charAt(17) == '1' ? '2' : '1');
        String refused = submit(http, "/registry/enterprises", Map.of("uscc", bad, "name", "表单拒绝测试企业", "region", "500115",
                "statusSince", ChinaTime.today(clock).plusDays(2).toString()), "/registry/enterprises/new");
        assertThat(refused).contains("id=\"refusal\"").contains("未保存").contains("发现 3 处问题")
                .contains("统一社会信用代码：统一社会信用代码校验未通过").contains("行业：至少填写一个行业代码")
                .contains("状态生效日期：状态生效日期不能晚于今天")
                // the input is kept
                .contains("value=\"表单拒绝测试企业\"").contains("value=\"" + bad + "\"");
        assertThat(count("select count(*) from enterprise where uscc = :v", bad)).isZero();
        assertThat(count("select count(*) from enterprise where name = :v", "表单拒绝测试企业")).isZero();
        assertThat(RegistryPagesIT.body(http.get("/registry/enterprises/new"))).doesNotContain("id=\"refusal\"");

        // a date the page cannot read is a field problem too
        assertThat(submit(http, "/registry/enterprises", Map.of("uscc", bad, "name", "表单拒绝测试企业", "region", "500115",
                "industries", "STEEL", "statusSince", "1.7.2019"), "/registry/enterprises/new"))
                .contains("状态生效日期：日期“1.7.2019”格式不正确");

        // a duplicate is refused with the reason
        assertThat(submit(http, "/registry/enterprises", Map.of("uscc", code, "name", "重复", "region", "500115",
                "industries", "STEEL"), "/registry/enterprises/new")).contains("id=\"refusal\"").contains(code);

        // a district officer of 涪陵 cannot register an enterprise in 万州
        Http district = as(Role.DISTRICT_OFFICER);
        String wanzhou = RegistryPagesIT.uscc("500101", "P0000032");
        assertThat(submit(district, "/registry/enterprises", Map.of("uscc", wanzhou, "name", "越权表单测试企业",
                "region", "500101", "industries", "CEMENT"), "/registry/enterprises/new"))
                .contains("id=\"refusal\"").contains("500101");
        assertThat(count("select count(*) from enterprise where uscc = :v", wanzhou)).isZero();
        // readers cannot open the form
        assertThat(as(Role.OBSERVER).get("/registry/enterprises/new").statusCode()).isEqualTo(403);
    }

    @Test
    void addsEquipmentWithTheParametersOfItsType() {
        if (!RegistryPagesIT.exists(jdbc, EQUIPPED)) {
            SystemActor.run(() -> enterprises.create(new EnterpriseDraft(EQUIPPED, "涪陵表单测试设备有限公司", "500102",
                    List.of("STEEL", "SHIPBUILDING"), null, null, null, List.of(), List.of(), null, null, null)));
        }
        Http http = as(Role.DISTRICT_OFFICER);
        String base = "/registry/enterprises/" + EQUIPPED + "/equipment";
        String choose = RegistryPagesIT.body(http.get(base + "/new"));
        assertThat(choose).contains("id=\"choose-type-first\"").doesNotContain("id=\"equipment-form\"")
                .contains("hx-get=\"" + base + "/new\"").contains("<option value=\"BLAST_FURNACE\">");
        String furnace = RegistryPagesIT.body(http.get(base + "/new?type=BLAST_FURNACE"));
        assertThat(furnace).contains("id=\"equipment-form\"").contains("name=\"param.volume_m3\"").contains("min=\"1\"")
                .contains("max=\"10000\"").contains("m³").contains("name=\"param.purpose\"")
                .contains("<option value=\"GENERAL\" selected=\"selected\">").contains("value=\"PIG_IRON\"")
                .contains("value=\"FERROALLOY\"").doesNotContain("name=\"param.nominal_t\"");
        String shipyard = RegistryPagesIT.body(http.get(base + "/new?type=SHIPYARD"));
        assertThat(shipyard).contains("type=\"checkbox\"").contains("name=\"_param.has_orders_2y\"")
                .contains("pattern=\"[IV]{1,3}_[0-9]\"");

        Map<String, String> bf = new HashMap<>(Map.of("type", "BLAST_FURNACE", "code", "BF7", "line", "L2",
                "param.volume_m3", "450", "param.purpose", "CAST_IRON_PIPE", "product", "PIG_IRON",
                "annualCapacity", "400000", "commissioned", "2015-01-01", "status", "OPERATING", "region", ""));
        String saved = submit(http, base, bf, base + "/BF7");
        assertThat(saved).contains("id=\"saved\"").contains("450").contains("铸铁管").contains("400,000").contains("2015-01-01");
        Equipment bf7 = SystemActor.call(() -> equipment.get(EQUIPPED, "BF7"));
        assertThat(bf7.parameters()).containsEntry("purpose", "CAST_IRON_PIPE");
        assertThat(new BigDecimal(bf7.parameters().get("volume_m3").toString())).isEqualByComparingTo("450");
        assertThat(bf7.line()).isEqualTo("L2");
        assertThat(bf7.region()).isEqualTo("500102");

        // an unticked checkbox is false even where the type's default is true
        submit(http, base, Map.of("type", "SHIPYARD", "code", "SY1", "product", "SHIP", "annualCapacity", "200000",
                "param.cbt3000_grade", "III_1", "_param.has_orders_2y", "on", "_param.has_site", "on",
                "param.has_site", "true", "_param.has_shoreline", "on", "param.has_shoreline", "true"), base + "/SY1");
        Map<String, Object> ship = SystemActor.call(() -> equipment.get(EQUIPPED, "SY1")).parameters();
        assertThat(ship).containsEntry("has_orders_2y", false).containsEntry("has_site", true)
                .containsEntry("cbt3000_grade", "III_1");

        // out of range and a negative capacity: both named, the input kept, nothing saved
        bf.putAll(Map.of("code", "BF8", "param.volume_m3", "20000", "annualCapacity", "-5"));
        String refused = submit(http, base, bf, base + "/new?type=BLAST_FURNACE");
        assertThat(refused).contains("id=\"refusal\"").contains("发现 2 处问题").contains("有效容积：volume_m3 应在 1 到 10000")
                .contains("年产能：年产能必须大于 0").contains("value=\"BF8\"").contains("value=\"20000\"")
                .contains("<option value=\"CAST_IRON_PIPE\" selected=\"selected\">");
        bf.put("annualCapacity", "abc");
        bf.put("param.volume_m3", "450");
        assertThat(submit(http, base, bf, base + "/new?type=BLAST_FURNACE")).contains("年产能：“abc”不是有效的数字");
        assertThat(count("select count(*) from equipment where code = :v", "BF8")).isZero();
        // the enterprise page lists what was added
        assertThat(RegistryPagesIT.body(http.get("/registry/enterprises/" + EQUIPPED))).contains("BF7").contains("SY1")
                .contains("船舶建造设施").contains("III_1");
    }

    @Test
    void changesTheStatusOfAnEnterpriseAndOfAnItemWithAPastEffectiveDate() {
        if (!RegistryPagesIT.exists(jdbc, STATUS)) {
            SystemActor.run(() -> {
                enterprises.create(new EnterpriseDraft(STATUS, "涪陵表单测试状态有限公司", "500102", List.of("STEEL"), null,
                        null, null, List.of(), List.of(), "OPERATING", LocalDate.of(2015, 1, 1), null));
                equipment.create(STATUS, new EquipmentDraft("CV9", null, "CONVERTER", Map.of("nominal_t", 40), "CRUDE_STEEL",
                        new BigDecimal("300000"), LocalDate.of(2015, 1, 1), null, null, null));
            });
        }
        Http http = as(Role.COORDINATOR);
        String page = "/registry/enterprises/" + STATUS;
        String changed = submit(http, page + "/status", Map.of("status", "SUSPENDED", "effectiveDate", "2025-01-10",
                "document", "涪经信发〔2025〕3号", "note", "停产检修"), page);
        String history = changed.substring(changed.indexOf("id=\"status-history\""), changed.indexOf("id=\"status-change\""));
        assertThat(changed).contains("id=\"saved\"");
        assertThat(history).contains("停产").contains("2025-01-10").contains("涪经信发〔2025〕3号").contains("停产检修")
                .contains("正常生产").contains("2015-01-01");

        // before the current status, in the future, unreadable: refused next to the form, nothing saved
        String before = submit(http, page + "/status", Map.of("status", "CLOSED", "effectiveDate", "2020-01-01"), page);
        assertThat(before.substring(before.indexOf("id=\"status-change\""))).contains("id=\"refusal\"").contains("2025-01-10")
                .contains("value=\"2020-01-01\"");
        String tomorrow = ChinaTime.today(clock).plusDays(1).toString();
        assertThat(submit(http, page + "/status", Map.of("status", "CLOSED", "effectiveDate", tomorrow), page))
                .contains("id=\"refusal\"");
        assertThat(submit(http, page + "/status", Map.of("status", "CLOSED", "effectiveDate", "10/01/2025"), page))
                .contains("生效日期：日期“10/01/2025”格式不正确");
        Enterprise now = SystemActor.call(() -> enterprises.get(STATUS));
        assertThat(now.status()).isEqualTo(EnterpriseStatus.SUSPENDED);
        assertThat(now.statusSince()).isEqualTo(LocalDate.of(2025, 1, 10));

        String item = page + "/equipment/CV9";
        String water = submit(as(Role.DISTRICT_OFFICER), item + "/status", Map.of("status", "WATER_CUT",
                "effectiveDate", "2025-02-01", "document", "断水通知书 2025-07"), item);
        assertThat(water).contains("id=\"saved\"");
        assertThat(water.substring(water.indexOf("id=\"status-history\""))).contains("断水").contains("2025-02-01")
                .contains("断水通知书 2025-07").contains("在产");
        assertThat(SystemActor.call(() -> equipment.get(STATUS, "CV9")).status()).isEqualTo(EquipmentStatus.WATER_CUT);

        // readers may not change anything; an unknown enterprise is 404
        assertThat(as(Role.OBSERVER).post(page + "/status", Map.of("status", "CLOSED")).statusCode()).isEqualTo(403);
        assertThat(http.post("/registry/enterprises/" + RegistryPagesIT.uscc("500102", "P0000099") + "/status",
                Map.of("status", "CLOSED")).statusCode()).isEqualTo(404);
    }
}
