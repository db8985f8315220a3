package org.capgov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
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

/** Measurement import from CSV (UTF-8, GBK) and .xlsx: all or nothing, with a row-by-row report. */
class MeasurementImportIT extends IntegrationTest {

    private static final String HEADER = "统一社会信用代码,设备编号,指标,数值,单位,时间,期间开始,期间结束,来源,有效性,属性（k=v;k=v）,文件编号\n";

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

    final JsonMapper json = JsonMapper.builder().build();
    String coordinator;

    @BeforeEach
    void token() {
        testPeople.ensure(Role.COORDINATOR);
        coordinator = Http.api(port).token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
    }

    private long count(Enterprise e) {
        return jdbc.sql("select count(*) from measurement where enterprise_id = :id").param("id", e.id())
                .query(Long.class).single();
    }

    private HttpResponse<String> upload(String name, String csv, Charset charset) {
        return MeasurementFixtures.upload(port, coordinator, name, csv.getBytes(charset));
    }

    @Test
    void importsAGoodFileWithOneAuditEntryPerEnterprise() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000201");
        String u = e.uscc();
        String csv = HEADER
                + u + ",BF1,so2_conc,0.16,g/m3,2016-06-30 10:00,,,INSPECTION,,,渝环监〔2016〕12号\n"
                + u + ",,fugitive_dust_conc,5.5,,2016-06-30T10:00:00+08:00,,,监督检查,有效,workshop=ENCLOSED;monitoring_point=BOUNDARY,\n"
                + "\n"
                + u + ",,bf_energy,396,kgce/t,,2015-01-01,2015-12-31,ENERGY_AUDIT,VALID,,\"审计报告, 2016\"\n"
                + u + ",,req_environmental_equipment,是,,,,2016-06-30,SAFETY_CHECK,,,\n";
        HttpResponse<String> r = upload("measurements.csv", csv, StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("imported").asLong()).isEqualTo(4);
        assertThat(body.get("charset").asString()).isEqualTo("UTF-8");
        assertThat(count(e)).isEqualTo(4);
        JsonNode items = json.readTree(Http.api(port).get("/api/v1/enterprises/" + u + "/measurements?metric=so2_conc",
                coordinator).body()).get("items");
        assertThat(items.get(0).get("value").decimalValue()).isEqualByComparingTo("160");
        assertThat(items.get(0).get("measuredAt").asString()).isEqualTo("2016-06-30T10:00:00+08:00");
        assertThat(items.get(0).get("equipmentCode").asString()).isEqualTo("BF1");
        JsonNode dust = json.readTree(Http.api(port).get("/api/v1/enterprises/" + u + "/measurements?metric=fugitive_dust_conc",
                coordinator).body()).get("items").get(0);
        assertThat(dust.get("attributes").get("workshop").asString()).isEqualTo("ENCLOSED");
        assertThat(dust.get("source").asString()).isEqualTo("INSPECTION");
        assertThat(jdbc.sql("select summary from audit_entry where entity_type = 'measurement' and entity_id = :u")
                .param("u", u).query(String.class).list()).singleElement().asString().startsWith("导入测量值 4 条");
    }

    @Test
    void oneBadRowRefusesTheWholeFileWithARowByRowReport() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000202");
        String u = e.uscc();
        String csv = HEADER
                + u + ",BF1,so2_conc,160,mg/m3,2016-06-30 10:00,,,INSPECTION,,,\n"
                + u + ",BF1,so2_conc,1.2,kg/t,2016-06-30 11:00,,,INSPECTION,,,\n"
                + u + ",BF1,so2_conc,170,mg/m3,2016-06-30 12:00,,,INSPECTION,,,\n"
                + "91500102MA00000000,BF1,so2_conc,=1+1,,,,2016-06-30,INSPECTION,,,\n";
        HttpResponse<String> r = upload("bad.csv", csv, StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("code").asString()).isEqualTo("error.measurement.importRejected");
        assertThat(body.get("errorCount").asLong()).isEqualTo(3);
        JsonNode first = body.get("errors").get(0);
        assertThat(first.get("row").asLong()).isEqualTo(3);
        assertThat(first.get("column").asString()).isEqualTo("单位");
        assertThat(first.get("value").asString()).isEqualTo("kg/t");
        assertThat(first.get("reason").asString()).contains("量纲");
        assertThat(body.get("errors").get(1).get("row").asLong()).isEqualTo(5);
        assertThat(body.get("errors").get(1).get("column").asString()).isEqualTo("数值");
        assertThat(body.get("errors").get(2).get("column").asString()).isEqualTo("统一社会信用代码");
        assertThat(count(e)).isZero();
    }

    @Test
    void readsGbkCsvAndTheCodeNamesOfTheColumns() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000203");
        String csv = "uscc,equipment_code,metric,value,unit,measured_at,source,attributes\n"
                + e.uscc() + ",BF2,nox_conc,88,毫克每立方米,2016-06-30 10:00,在线监测,\n";
        HttpResponse<String> unknownUnit = upload("gbk.csv", csv, Charset.forName("GBK"));
        assertThat(unknownUnit.statusCode()).isEqualTo(400);
        assertThat(unknownUnit.body()).contains("毫克每立方米");
        HttpResponse<String> r = upload("gbk.csv", csv.replace("毫克每立方米", "mg/m3") + e.uscc()
                + ",,fugitive_dust_conc,3,μg/m3,2016-06-30 10:00,在线监测,workshop=无完整厂房\n", Charset.forName("GBK"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json.readTree(r.body()).get("charset").asString()).isEqualTo("GBK");
        assertThat(count(e)).isEqualTo(2);
        String stored = jdbc.sql("select attributes::text || ' ' || value || ' ' || source from measurement "
                + "where enterprise_id = :id and metric = 'fugitive_dust_conc'").param("id", e.id()).query(String.class).single();
        assertThat(stored).isEqualTo("{\"workshop\": \"OPEN\"} 0.003000 ONLINE_MONITORING");
    }

    @Test
    void readsXlsx() throws IOException {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000204");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("测量值");
            List<List<Object>> rows = List.of(
                    List.of("统一社会信用代码", "设备编号", "指标", "数值", "期间开始", "期间结束", "来源"),
                    List.of(e.uscc(), "BF1", "bf_energy", 401.5, "2015-01-01", "2015-12-31", "ENERGY_AUDIT"),
                    List.of(e.uscc(), "BF2", "bf_energy", 399, "2015-01-01", "2015-12-31", "ENERGY_AUDIT"));
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(i);
                for (int j = 0; j < rows.get(i).size(); j++) {
                    Object v = rows.get(i).get(j);
                    if (v instanceof Number n) {
                        row.createCell(j).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(j).setCellValue((String) v);
                    }
                }
            }
            book.write(out);
        }
        HttpResponse<String> r = MeasurementFixtures.upload(port, coordinator, "energy.xlsx", out.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json.readTree(r.body()).get("format").asString()).isEqualTo("XLSX");
        assertThat(jdbc.sql("select sum(value) from measurement where enterprise_id = :id").param("id", e.id())
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("800.5");
    }

    @Test
    void refusesAnUnknownHeaderAndAnEmptyUploadAndServesTheTemplate() {
        HttpResponse<String> header = upload("x.csv", "统一社会信用代码,指标,数值,来源,风向\n", StandardCharsets.UTF_8);
        assertThat(header.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(header.body()).get("errors").get(0);
        assertThat(error.get("row").asLong()).isEqualTo(1);
        assertThat(error.get("reason").asString()).contains("风向");
        assertThat(upload("x.csv", "统一社会信用代码,指标,数值\n", StandardCharsets.UTF_8).body()).contains("来源");
        assertThat(MeasurementFixtures.upload(port, coordinator, "empty.csv", new byte[0]).statusCode()).isEqualTo(400);
        HttpResponse<String> template = Http.api(port).get("/api/v1/measurements/template.csv", coordinator);
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.body()).startsWith("\uFEFF统一社会信用代码,设备编号,指标,数值,单位,时间");
    }
}
