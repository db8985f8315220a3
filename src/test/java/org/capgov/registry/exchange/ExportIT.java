package org.capgov.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.support.Http;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EnterpriseDraft;

/** Exports: CSV and .xlsx with the rows of the filter, in the caller's scope, re-importable, formulas neutralised. */
class ExportIT extends ImportSupportIT {

    @Autowired
    EnterpriseService enterpriseService;

    String tag;
    String fuling;
    String qijiang;

    @BeforeEach
    void data() {
        tag = "导出测试" + uscc("500102").substring(10, 17);
        fuling = uscc("500102");
        qijiang = uscc("500110");
        JsonNode e = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "export-owners.csv", utf8(csv(ENTERPRISE_HEADER,
                String.join(",", fuling, tag + "涪陵钢铁", "500102", "STEEL", "涪陵区1号", "李四", "", "", "OPERATING",
                        "2016-01-01", ""),
                enterpriseRow(qijiang, tag + "綦江水泥", "500110", "CEMENT"))));
        assertThat(e.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode q = importFile(Role.COORDINATOR, "EQUIPMENT", "INSERT_ONLY", "export-equipment.csv", utf8(csv(EQUIPMENT_HEADER,
                String.join(",", fuling, "L1", "BF-1", "BLAST_FURNACE", "volume_m3=450;purpose=FOUNDRY_IRON", "PIG_IRON",
                        "400000", "2008-05-01", "", "", ""),
                String.join(",", qijiang, "", "KILN-1", "CEMENT_KILN", "process=NSP;clinker_t_per_d=2500", "CLINKER",
                        "775000", "", "", "", ""))));
        assertThat(q.get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void csvAndXlsxHoldTheFilteredRowsInTheImportColumns() throws IOException {
        HttpResponse<byte[]> csv = get("/api/v1/enterprises/export.csv?q=" + enc(tag), token(Role.COORDINATOR));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()[0]).isEqualTo((byte) 0xEF);
        List<List<String>> rows = csv(csv.body());
        assertThat(rows.get(0).subList(0, 11)).containsExactly(ENTERPRISE_HEADER.split(","));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).startsWith(fuling, tag + "涪陵钢铁", "500102", "STEEL", "涪陵区1号", "李四", "", "", "OPERATING",
                "2016-01-01", "否", "涪陵区");
        assertThat(column(rows, 0)).containsExactlyInAnyOrder(fuling, qijiang);

        HttpResponse<byte[]> xlsx = get("/api/v1/enterprises/export.xlsx?q=" + enc(tag) + "&industry=cement",
                token(Role.COORDINATOR));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("统一社会信用代码");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(qijiang);
        }
        String audit = jdbc.sql("select summary from audit_entry where action = 'EXPORT' and entity_type = 'enterprise' "
                + "order by id desc limit 1").query(String.class).single();
        assertThat(audit).contains("XLSX").contains("1 条");
    }

    @Test
    void aDistrictOfficerOf500102GetsOnly500102Rows() throws IOException {
        List<List<String>> rows = csv(get("/api/v1/enterprises/export.csv", token(Role.DISTRICT_OFFICER)).body());
        assertThat(rows.size()).isGreaterThan(1);
        assertThat(column(rows, 2)).containsOnly("500102");
        assertThat(column(rows, 0)).contains(fuling).doesNotContain(qijiang);

        HttpResponse<byte[]> xlsx = get("/api/v1/enterprises/export.xlsx?q=" + enc(tag), token(Role.DISTRICT_OFFICER));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<String> usccs = new ArrayList<>();
            for (Row r : book.getSheetAt(0)) {
                usccs.add(r.getCell(0).getStringCellValue());
            }
            assertThat(usccs).containsExactly("统一社会信用代码", fuling);
        }
        List<List<String>> equipment = csv(get("/api/v1/equipment/export.csv?enterprise=" + qijiang,
                token(Role.DISTRICT_OFFICER)).body());
        assertThat(equipment).hasSize(1);

        // the same through the page link, with a session
        Http browser = Http.browser(port);
        browser.login(TestPeople.username(Role.DISTRICT_OFFICER), TestPeople.PASSWORD);
        HttpResponse<String> page = browser.get("/registry/enterprises/export.csv?q=" + enc(tag));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(fuling).doesNotContain(qijiang);
        assertThat(browser.get("/registry/equipment/export.csv?region=500102&product=PIG_IRON").body())
                .contains(fuling + ",L1,BF-1,BLAST_FURNACE,purpose=FOUNDRY_IRON;volume_m3=450,PIG_IRON,400000,2008-05-01,500102")
                .doesNotContain(qijiang);
    }

    @Test
    void anExportCanBeImportedAgainUnchanged() {
        byte[] enterprises = get("/api/v1/enterprises/export.csv?q=" + enc(tag), token(Role.COORDINATOR)).body();
        JsonNode e = importFile(Role.COORDINATOR, "ENTERPRISES", "UPSERT", "export.csv", enterprises);
        assertThat(e.get("status").asString()).as(e.toString()).isEqualTo("SUCCEEDED");
        assertThat(e.get("updated").asLong()).isEqualTo(2);
        byte[] equipment = get("/api/v1/equipment/export.xlsx?enterprise=" + fuling, token(Role.COORDINATOR)).body();
        JsonNode q = importFile(Role.COORDINATOR, "EQUIPMENT", "UPSERT", "equipment.xlsx", equipment);
        assertThat(q.get("status").asString()).as(q.toString()).isEqualTo("SUCCEEDED");
        assertThat(q.get("updated").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select q.parameters ->> 'purpose' from equipment q join enterprise x on x.id = q.enterprise_id "
                + "where x.uscc = :u").param("u", fuling).query(String.class).single()).isEqualTo("FOUNDRY_IRON");
    }

    @Test
    void formulaLookingTextIsNeutralisedAndBadFiltersAreRefusedBeforeAnyByte() {
        String u = uscc("500102");
        SystemActor.run(() -> enterpriseService.create(new EnterpriseDraft(u, tag + "公式地址企业", "500102", List.of("STEEL"),
                "=HYPERLINK(\"http://evil\")", "@负责人", null, null, null, null, null, null)));
        String body = new String(get("/api/v1/enterprises/export.csv?q=" + u, token(Role.ADMIN)).body(),
                StandardCharsets.UTF_8);
        assertThat(body).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",'@负责人,");

        HttpResponse<byte[]> bad = get("/api/v1/enterprises/export.csv?industry=PLASTIC", token(Role.ADMIN));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(bad.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(get("/api/v1/equipment/export.csv?type=ROCKET", token(Role.ADMIN)).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/enterprises/export.csv", token(Role.FINANCIAL_INSTITUTION)).statusCode()).isEqualTo(403);
    }

    private HttpResponse<byte[]> get(String path, String token) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<List<String>> csv(byte[] body) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true)
                .ofCsvRecord(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            reader.forEach(r -> rows.add(r.getFields()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static List<String> column(List<List<String>> rows, int i) {
        return rows.subList(1, rows.size()).stream().map(r -> r.get(i)).toList();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
