package org.capgov.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.capgov.identity.Role;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The registry API contract of the issue, through real HTTP on the real database. */
class RegistryApiIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String coordinator;

    @BeforeEach
    void tokens() {
        http = Http.api(port);
        testPeople.ensure(Role.COORDINATOR);
        coordinator = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
    }

    private static String uscc(String region, String body) {
        return Uscc.compose("91", region, body);
    }

    private HttpResponse<String> createEnterprise(String uscc, String region) {
        return http.json("POST", "/api/v1/enterprises", coordinator,
                "{\"uscc\":\"" + uscc + "\",\"name\":\"测试钢铁有限公司" + uscc.substring(10) + "\",\"region\":\"" + region
                        + "\",\"industries\":[\"STEEL\"]}");
    }

    private static final String BF1 = """
            {"code":"BF1","type":"BLAST_FURNACE","parameters":{"volume_m3":350,"purpose":"GENERAL"},"product":"PIG_IRON",
             "annualCapacity":300000,"commissioned":"2008-05-01"}""";

    @Test
    void createEnterpriseAndEquipmentThenQueryCapacity() {
        String code = uscc("500102", "KA000001");
        HttpResponse<String> created = createEnterprise(code, "500102");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"uscc\":\"" + code + "\"").contains("\"status\":\"OPERATING\"");
        assertThat(http.get("/api/v1/enterprises/" + code, coordinator).body()).contains("\"region\":\"500102\"");

        // other tests add capacity in 涪陵 too, so every figure is a difference measured around this test's changes
        double in2020Before = value(capacity("500102", "2020-01-01", null));
        double in2007Before = value(capacity("500102", "2007-01-01", null));
        double in2024Before = value(capacity("500102", "2024-03-01", null));
        double sealedBefore = value(capacity("500102", "2024-03-01", "SEALED"));
        HttpResponse<String> bf = http.json("POST", "/api/v1/enterprises/" + code + "/equipment", coordinator, BF1);
        assertThat(bf.statusCode()).isEqualTo(201);
        assertThat(bf.body()).contains("\"volume_m3\":350").contains("\"purpose\":\"GENERAL\"").contains("\"unit\":\"t\"");

        String after = capacity("500102", "2020-01-01", null);
        assertThat(after).contains("\"product\":\"PIG_IRON\"").contains("\"region\":\"500102\"").contains("\"unit\":\"t\"");
        assertThat(value(after) - in2020Before).isEqualTo(300000);
        assertThat(value(capacity("500000", "2020-01-01", null))).isGreaterThanOrEqualTo(value(after));
        // not yet commissioned in 2007
        assertThat(value(capacity("500102", "2007-01-01", null))).isEqualTo(in2007Before);

        // sealed on 2024-03-01: operating capacity drops from that date on, and the sealed capacity appears
        HttpResponse<String> sealed = http.json("POST", "/api/v1/enterprises/" + code + "/equipment/BF1/status", coordinator,
                "{\"status\":\"SEALED\",\"effectiveDate\":\"2024-03-01\",\"document\":\"涪经信发〔2024〕1号\"}");
        assertThat(sealed.statusCode()).isEqualTo(200);
        assertThat(value(capacity("500102", "2024-02-29", null)) - value(capacity("500102", "2024-03-01", null)))
                .isGreaterThanOrEqualTo(300000);
        assertThat(value(capacity("500102", "2024-03-01", null))).isEqualTo(in2024Before);
        assertThat(value(capacity("500102", "2024-03-01", "SEALED")) - sealedBefore).isEqualTo(300000);
        String history = http.get("/api/v1/enterprises/" + code + "/equipment/BF1/history", coordinator).body();
        assertThat(history).contains("\"status\":\"OPERATING\"").contains("\"effectiveTo\":\"2024-03-01\"")
                .contains("\"status\":\"SEALED\"");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'equipment' and entity_id = :id")
                .param("id", code + "/BF1").query(Long.class).single()).isEqualTo(2);
    }

    private String capacity(String region, String date, String status) {
        HttpResponse<String> r = http.get("/api/v1/capacity?product=PIG_IRON&region=" + region + "&date=" + date
                + (status == null ? "" : "&status=" + status), coordinator);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static double value(String body) {
        return Double.parseDouble(body.replaceAll("(?s).*\"capacity\":([0-9.Ee+]+).*", "$1"));
    }

    @Test
    void badEnterpriseInputIs400NamingTheField() {
        assertField(http.json("POST", "/api/v1/enterprises", coordinator,
                "{\"uscc\":\"91500102MA5U8A1B0\",\"name\":\"x\",\"region\":\"500102\",\"industries\":[\"STEEL\"]}"), "uscc");
        assertField(http.json("POST", "/api/v1/enterprises", coordinator, "{\"uscc\":\"" + uscc("500102", "KA000002")
                + "\",\"name\":\"x\",\"region\":\"599999\",\"industries\":[\"STEEL\"]}"), "region");
        assertField(http.json("POST", "/api/v1/enterprises", coordinator, "{\"uscc\":\"" + uscc("500102", "KA000002")
                + "\",\"name\":\"x\",\"region\":\"500102\",\"industries\":[\"GOLD\"]}"), "industries");
        assertField(http.json("POST", "/api/v1/enterprises", coordinator, "{\"uscc\":\"" + uscc("500102", "KA000002")
                + "\",\"region\":\"500102\",\"industries\":[\"STEEL\"]}"), "name");
        assertThat(http.get("/api/v1/enterprises/" + uscc("500102", "KA000002"), coordinator).statusCode()).isEqualTo(404);
    }

    @Test
    void duplicateIs409AndCheckCharacterNeedsOverride() {
        String code = uscc("500102", "KA000003");
        assertThat(createEnterprise(code, "500102").statusCode()).isEqualTo(201);
        assertThat(createEnterprise(code, "500102").statusCode()).isEqualTo(409);
        String bad = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        HttpResponse<String> refused = createEnterprise(bad, "500102");
        assertField(refused, "uscc");
        assertThat(refused.body()).contains("校验");
        HttpResponse<String> accepted = http.json("POST", "/api/v1/enterprises", coordinator, "{\"uscc\":\"" + bad
                + "\",\"name\":\"例外代码企业\",\"region\":\"500102\",\"industries\":[\"CEMENT\"],\"acceptCheckCharacter\":true}");
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(accepted.body()).contains("\"usccFlag\":\"第 18 位校验码应为");
    }

    @Test
    void badEquipmentInputIs400NamingTheField() {
        String code = uscc("500102", "KA000004");
        createEnterprise(code, "500102");
        String path = "/api/v1/enterprises/" + code + "/equipment";
        assertField(http.json("POST", path, coordinator, BF1.replace("\"volume_m3\":350,", "")), "parameters.volume_m3");
        assertField(http.json("POST", path, coordinator, BF1.replace("BLAST_FURNACE", "TIME_MACHINE")), "type");
        assertField(http.json("POST", path, coordinator, BF1.replace("\"purpose\"", "\"colour\"")), "parameters.colour");
        assertField(http.json("POST", path, coordinator, BF1.replace("\"PIG_IRON\"", "\"CLINKER\"")), "product");
        assertField(http.json("POST", path, coordinator, BF1.replace("300000", "-5")), "annualCapacity");
        assertField(http.json("POST", path, coordinator, BF1.replace("300000", "\"abc\"")), "annualCapacity");
        assertField(http.json("POST", path, coordinator, BF1.replace("350", "-350")), "parameters.volume_m3");
        assertThat(http.get(path, coordinator).body()).isEqualTo("[]");
        assertThat(http.json("POST", path, coordinator, BF1).statusCode()).isEqualTo(201);
        assertThat(http.json("POST", path, coordinator, BF1).statusCode()).isEqualTo(409);
    }

    private static void assertField(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
    }

    @Test
    void gridAccountBelongsToOneEnterpriseAtATime() {
        String a = uscc("500102", "KA000005");
        String b = uscc("500102", "KA000006");
        assertThat(http.json("POST", "/api/v1/enterprises", coordinator, "{\"uscc\":\"" + a
                + "\",\"name\":\"甲\",\"region\":\"500102\",\"industries\":[\"STEEL\"],\"gridAccounts\":[\"5001029900001\"]}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> taken = http.json("POST", "/api/v1/enterprises", coordinator, "{\"uscc\":\"" + b
                + "\",\"name\":\"乙\",\"region\":\"500102\",\"industries\":[\"STEEL\"],\"gridAccounts\":[\"5001029900001\"]}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("5001029900001").contains(a);
        assertThat(http.get("/api/v1/enterprises/" + b, coordinator).statusCode()).as("nothing half-saved").isEqualTo(404);
    }

    @Test
    void usccCheckEndpoint() {
        String ok = http.get("/api/v1/registry/uscc/91512081MA62K0260E/check", coordinator).body();
        assertThat(ok).contains("\"valid\":true").contains("\"structureOk\":true").contains("\"checkCharacterOk\":true")
                .contains("\"organisationCodeOk\":true");
        String bad = http.get("/api/v1/registry/uscc/91350203M0001QAY9B/check", coordinator).body();
        assertThat(bad).contains("\"valid\":false").contains("\"structureOk\":true").contains("\"checkCharacterOk\":false")
                .contains("\"reason\":\"第 18 位");
    }

    @Test
    void scopeDecidesWhoSeesAndChangesWhat() {
        String fuling = uscc("500102", "KA000007");
        String wanzhou = uscc("500101", "KA000008");
        createEnterprise(fuling, "500102");
        createEnterprise(wanzhou, "500101");
        testPeople.ensure(Role.DISTRICT_OFFICER);
        String district = http.token(TestPeople.username(Role.DISTRICT_OFFICER), TestPeople.PASSWORD);
        assertThat(http.get("/api/v1/enterprises/" + fuling, district).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/enterprises/" + wanzhou, district).statusCode()).isEqualTo(404);
        String list = http.get("/api/v1/enterprises?q=915001&size=500", district).body();
        assertThat(list).contains(fuling).doesNotContain(wanzhou);
        HttpResponse<String> outside = http.json("POST", "/api/v1/enterprises", district, "{\"uscc\":\""
                + uscc("500101", "KA000009") + "\",\"name\":\"越权\",\"region\":\"500101\",\"industries\":[\"STEEL\"]}");
        assertThat(outside.statusCode()).isEqualTo(403);

        testPeople.ensure(Role.ENTERPRISE);
        String enterprise = http.token(TestPeople.username(Role.ENTERPRISE), TestPeople.PASSWORD);
        assertThat(http.get("/api/v1/enterprises/" + fuling, enterprise).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/enterprises?size=500", enterprise).body()).doesNotContain(fuling);
    }

    @Test
    void searchFiltersByRegionSubtreeIndustryAndStatus() {
        String steel = uscc("500115", "KA000010");
        createEnterprise(steel, "500115");
        http.json("POST", "/api/v1/enterprises", coordinator, "{\"uscc\":\"" + uscc("500115", "KA000011")
                + "\",\"name\":\"长寿水泥\",\"region\":\"500115\",\"industries\":[\"CEMENT\"]}");
        String body = http.get("/api/v1/enterprises?region=500000&industry=STEEL&q=91500115KA&size=500", coordinator).body();
        assertThat(body).contains(steel).doesNotContain(uscc("500115", "KA000011"));
        assertThat(http.get("/api/v1/enterprises?region=510000&q=91500115KA", coordinator).body()).doesNotContain(steel);
        http.json("POST", "/api/v1/enterprises/" + steel + "/status", coordinator,
                "{\"status\":\"RECTIFYING\",\"document\":\"限期整改通知书\"}");
        assertThat(http.get("/api/v1/enterprises?status=RECTIFYING&q=91500115KA000010", coordinator).body()).contains(steel);
        assertThat(http.get("/api/v1/enterprises?industry=GOLD", coordinator).statusCode()).isEqualTo(400);
    }
}
