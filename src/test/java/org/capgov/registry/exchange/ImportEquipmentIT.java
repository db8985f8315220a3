package org.capgov.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.capgov.registry.Equipment;

/** Equipment imports, .xlsx uploads, the error report, the templates and the upload page. */
class ImportEquipmentIT extends ImportSupportIT {

    private String enterprise(String region) {
        String u = uscc(region);
        JsonNode job = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "owner.csv",
                utf8(csv(ENTERPRISE_HEADER, enterpriseRow(u, "设备导入测试企业" + u.substring(10), region, "STEEL;CEMENT"))));
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        return u;
    }

    @Test
    void anUnregisteredEnterpriseAloneIsFoundAfterTheMergeAndNamed() {
        String owner = enterprise("500102");
        String stranger = uscc("500102");
        // no other error: "insert only" merges first, notices the row without its enterprise and then names it
        JsonNode job = importFile(Role.COORDINATOR, "EQUIPMENT", "INSERT_ONLY", "stranger.csv", utf8(csv(EQUIPMENT_HEADER,
                String.join(",", owner, "", "BF-1", "BLAST_FURNACE", "volume_m3=450", "PIG_IRON", "100000", "", "", "", ""),
                String.join(",", stranger, "", "BF-1", "BLAST_FURNACE", "volume_m3=450", "PIG_IRON", "100000", "", "", "",
                        ""))));
        assertThat(job.get("status").asString()).isEqualTo("REJECTED");
        assertThat(errors(job)).containsOnlyKeys(3L);
        assertThat(errors(job).get(3L)).containsExactly("统一社会信用代码|" + stranger + "|企业未登记；请先导入或登记该企业，再导入其设备");
        assertThat(equipment(owner)).isZero();
    }

    private long equipment(String uscc) {
        return jdbc.sql("select count(*) from equipment q join enterprise e on e.id = q.enterprise_id where e.uscc = :u")
                .param("u", uscc).query(Long.class).single();
    }

    @Test
    void equipmentImportsWithLinesHistoryAndDefaultsAndUpsertChangesIt() {
        String u = enterprise("500102");
        String file = csv(EQUIPMENT_HEADER,
                String.join(",", u, "L1", "BF-1", "BLAST_FURNACE", "volume_m3=450;purpose=GENERAL", "PIG_IRON", "400000",
                        "2008-05-01", "", "", ""),
                String.join(",", u, "L1", "CV-1", "CONVERTER", "nominal_t=120", "CRUDE_STEEL", "1200000", "2010-01-01", "500110",
                        "IDLE", "2020-06-01"),
                String.join(",", u, "", "KILN-1", "cement_kiln", "process=NSP;clinker_t_per_d=2500", "CLINKER", "775000", "", "",
                        "", ""));
        JsonNode job = importFile(Role.COORDINATOR, "EQUIPMENT", "INSERT_ONLY", "设备.csv", utf8(file));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("inserted").asLong()).isEqualTo(3);
        assertThat(jdbc.sql("""
                select q.code || ' ' || coalesce(l.code, '-') || ' ' || q.region_code || ' ' || q.status || ' '
                       || (q.parameters ->> 'purpose') || ' ' || q.annual_capacity
                from equipment q join enterprise e on e.id = q.enterprise_id left join production_line l on l.id = q.line_id
                where e.uscc = :u and q.code = 'BF-1'""").param("u", u).query(String.class).single())
                .isEqualTo("BF-1 L1 500102 OPERATING GENERAL 400000.00");
        assertThat(jdbc.sql("select q.region_code || ' ' || q.status || ' ' || q.status_since from equipment q "
                + "join enterprise e on e.id = q.enterprise_id where e.uscc = :u and q.code = 'CV-1'").param("u", u)
                .query(String.class).single()).isEqualTo("500110 IDLE 2020-06-01");
        assertThat(jdbc.sql("select count(*) from equipment_status_history h join equipment q on q.id = h.equipment_id "
                + "join enterprise e on e.id = q.enterprise_id where e.uscc = :u").param("u", u).query(Long.class).single())
                .isEqualTo(3);

        JsonNode again = importFile(Role.COORDINATOR, "EQUIPMENT", "INSERT_ONLY", "设备.csv", utf8(file));
        assertThat(again.get("status").asString()).isEqualTo("REJECTED");
        assertThat(again.get("errorCount").asLong()).isEqualTo(3);
        assertThat(errors(again).get(2L).get(0)).startsWith("设备编号|BF-1|该企业已有此编号的设备");

        String change = csv("统一社会信用代码,设备编号,设备类型,参数,产品,年产能,状态,状态生效日期",
                String.join(",", u, "BF-1", "BLAST_FURNACE", "volume_m3=450", "PIG_IRON", "380000", "SEALED", "2025-03-01"),
                String.join(",", u, "BF-9", "BLAST_FURNACE", "volume_m3=1080", "PIG_IRON", "900000", "", ""));
        JsonNode upserted = importFile(Role.COORDINATOR, "EQUIPMENT", "UPSERT", "change.csv", utf8(change));
        assertThat(upserted.get("status").asString()).as(upserted.toString()).isEqualTo("SUCCEEDED");
        assertThat(upserted.get("updated").asLong()).isEqualTo(1);
        assertThat(upserted.get("inserted").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select q.status || ' ' || q.annual_capacity || ' ' || coalesce(l.code, '-') from equipment q "
                + "join enterprise e on e.id = q.enterprise_id left join production_line l on l.id = q.line_id "
                + "where e.uscc = :u and q.code = 'BF-1'").param("u", u).query(String.class).single())
                .isEqualTo("SEALED 380000.00 L1");
        assertThat(equipment(u)).isEqualTo(4);
    }

    @Test
    void anXlsxUploadImportsAndItsFormulaCellsAreRefused() throws IOException {
        String u = enterprise("500102");
        byte[] good = xlsx(new String[] {"统一社会信用代码", "设备编号", "设备类型", "参数", "产品", "年产能", "投产日期"},
                new Object[] {u, "EAF-1", "EAF", "nominal_t=100;transformer_kva=90000", "CRUDE_STEEL", 800000d, "2012-03-04"});
        JsonNode job = importFile(Role.COORDINATOR, "EQUIPMENT", "INSERT_ONLY", "设备.xlsx", good);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("fileFormat").asString()).isEqualTo("XLSX");
        assertThat(equipment(u)).isEqualTo(1);

        byte[] formula = xlsx(new String[] {"统一社会信用代码", "设备编号", "设备类型", "参数", "产品", "年产能"},
                new Object[] {u, "EAF-2", "EAF", "nominal_t=100;transformer_kva=90000", "CRUDE_STEEL", "=400000*2"});
        JsonNode refused = importFile(Role.COORDINATOR, "EQUIPMENT", "INSERT_ONLY", "formula.xlsx", formula);
        assertThat(refused.get("status").asString()).isEqualTo("REJECTED");
        assertThat(errors(refused).get(2L).get(0)).startsWith("年产能|=400000*2|单元格是公式");
        assertThat(equipment(u)).isEqualTo(1);

        // the error report of the refused job, as .xlsx
        HttpResponse<byte[]> report = bytes("/api/v1/imports/" + refused.get("id").asLong() + "/errors.xlsx",
                Map.of("Authorization", "Bearer " + token(Role.COORDINATOR)));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Disposition").orElse("")).contains("errors.xlsx");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
            Sheet errors = book.getSheet("错误明细");
            assertThat(errors.getRow(0).getCell(3).getStringCellValue()).isEqualTo("原因");
            assertThat(errors.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(2);
            assertThat(errors.getRow(1).getCell(1).getStringCellValue()).isEqualTo("年产能");
            // the offending formula is shown as text, never as a formula again
            assertThat(errors.getRow(1).getCell(2).getStringCellValue()).isEqualTo("'=400000*2");
            assertThat(book.getSheet("导入概况").getRow(1).getCell(1).getStringCellValue()).isEqualTo("formula.xlsx");
        }
    }

    @Test
    void templatesAreDownloadableWithChineseHeadersAndCodeSheets() throws IOException {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token(Role.DISTRICT_OFFICER));
        HttpResponse<byte[]> xlsx = bytes("/api/v1/imports/templates/enterprises.xlsx", auth);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("统一社会信用代码");
            assertThat(book.getSheet("代码说明")).isNotNull();
            assertThat(book.getSheet("填写说明")).isNotNull();
        }
        HttpResponse<byte[]> csv = bytes("/api/v1/imports/templates/EQUIPMENT.csv", auth);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + EQUIPMENT_HEADER + "\r\n");
        String codes = new String(bytes("/api/v1/imports/templates/codes.csv", auth).body(), StandardCharsets.UTF_8);
        assertThat(codes).contains("BLAST_FURNACE,高炉").contains("volume_m3").contains("500102,涪陵区").contains("STEEL,钢铁");
        assertThat(bytes("/api/v1/imports/templates/people.csv", auth).statusCode()).isEqualTo(400);
    }

    @Test
    void theUploadPageImportsAndTheJobPageShowsTheOutcomeAndErrors() throws IOException, InterruptedException {
        Http browser = Http.browser(port);
        testPeople.ensure(Role.DISTRICT_OFFICER);
        browser.login(TestPeople.username(Role.DISTRICT_OFFICER), TestPeople.PASSWORD);
        String page = browser.get("/registry/imports").body();
        assertThat(page).contains("import-form").contains("templates/enterprises.xlsx");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String cookie = sessionCookie(browser);
        String good = uscc("500102");
        String outside = uscc("500110");
        HttpResponse<String> posted = multipart("/registry/imports", Map.of("Cookie", cookie),
                Map.of("_csrf", csrf.group(1), "kind", "ENTERPRISES", "mode", "INSERT_ONLY"), "页面.csv",
                utf8(csv(ENTERPRISE_HEADER, enterpriseRow(good, "页面导入企业", "500102", "STEEL"),
                        enterpriseRow(outside, "区外企业", "500110", "STEEL"))));
        assertThat(posted.statusCode()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/registry/imports/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        await(Role.COORDINATOR, id);
        String jobPage = browser.get("/registry/imports/" + id).body();
        assertThat(jobPage).contains("有错误，未导入").contains("区划 500110 不在您的数据范围内").contains("errors.xlsx")
                .doesNotContain("hx-trigger");
        assertThat(browser.get("/registry/imports/" + id + "/progress").body()).contains("import-errors");
        assertThat(enterprises(good, outside)).isZero();
        // without a file the form comes back with the reason
        HttpResponse<String> empty = browser.post("/registry/imports", Map.of("kind", "ENTERPRISES"));
        assertThat(empty.statusCode()).isEqualTo(302);
        assertThat(browser.get("/registry/imports").body()).contains("请选择要导入的文件");
    }

    private static String sessionCookie(Http browser) {
        try {
            var field = Http.class.getDeclaredField("client");
            field.setAccessible(true);
            var client = (java.net.http.HttpClient) field.get(browser);
            var manager = (java.net.CookieManager) client.cookieHandler().orElseThrow();
            return manager.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(c -> c.getName() + "=" + c.getValue()).findFirst().orElseThrow();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> bytes(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(b::header);
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] xlsx(String[] header, Object[] row) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("设备");
            var h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            var r = sheet.createRow(1);
            for (int i = 0; i < row.length; i++) {
                if (row[i] instanceof Double d) {
                    r.createCell(i).setCellValue(d);
                } else if (row[i] instanceof String s && s.startsWith("=")) {
                    r.createCell(i).setCellFormula(s.substring(1));
                } else {
                    r.createCell(i).setCellValue((String) row[i]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
