package org.capgov.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.capgov.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The output import over real HTTP: a good CSV stored as current revisions (a month already reported becomes
 * revision 2, two rows of one month in the file follow each other), a bad file refused whole with a row-by-row
 * report naming each problem, the capacity rule applied set-wise, scope, the templates with Chinese headers and the
 * upload page. Enterprises of 垫江县 (500231: the good file, whose utilisation is checked) and 丰都县
 * (500230), created by this class only.
 */
class OutputImportIT extends CapacityFixtures {

    private HttpResponse<String> upload(String token, String fileName, byte[] content) {
        return upload("/api/v1/output/import", token, null, fileName, content);
    }

    private HttpResponse<String> upload(String path, String token, Http session, String fileName, byte[] content) {
        String boundary = "----capgov-output-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long current(Enterprise e) {
        return jdbc.sql("select count(*) from output_report where enterprise_id = :id and current").param("id", e.id())
                .query(Long.class).single();
    }

    private long all(Enterprise e) {
        return jdbc.sql("select count(*) from output_report where enterprise_id = :id").param("id", e.id())
                .query(Long.class).single();
    }

    @Test
    void aGoodFileIsStoredAsRevisionsAndAudited() {
        Enterprise a = cementWorks("500231", 365_000, LocalDate.of(2010, 1, 1));
        Enterprise b = cementWorks("500231", 365_000, LocalDate.of(2025, 7, 16));
        String coordinator = token(Role.COORDINATOR);
        reportClinker(coordinator, a, "2025-06", "20000");
        String csv = "统一社会信用代码,产品（代码或名称，如 水泥熟料）,月份（yyyy-MM）,产量,单位,来源,说明\n"
                + a.uscc() + ",水泥熟料,2025-06,2.5,万t,统计部门,\n"
                + a.uscc() + ",CLINKER,2025-07,23715,t,STATISTICS,\n"
                + b.uscc() + ",CLINKER,2025-07,8000,,,首月\n"
                + b.uscc() + ",CLINKER,2025-07,9000,t,INSPECTION,核查更正\n";
        HttpResponse<String> r = upload(coordinator, "产量.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode ok = json.readTree(r.body());
        assertThat(ok.get("imported").asLong()).isEqualTo(4);
        assertThat(ok.get("enterprises").asLong()).isEqualTo(2);

        JsonNode june = json.readTree(http.get("/api/v1/output?uscc=" + a.uscc() + "&from=2025-06&to=2025-06", coordinator)
                .body()).get("items");
        assertThat(june).hasSize(1);
        assertThat(june.get(0).get("revision").asInt()).isEqualTo(2);
        assertThat(june.get(0).get("quantity").decimalValue()).isEqualByComparingTo("25000");
        assertThat(june.get(0).get("source").asString()).isEqualTo("STATISTICS");
        assertThat(june.get(0).get("monthCapacity").decimalValue()).isEqualByComparingTo("30000");
        JsonNode bJuly = json.readTree(http.get("/api/v1/output?uscc=" + b.uscc() + "&revisions=true", coordinator).body())
                .get("items");
        assertThat(bJuly).hasSize(2);
        assertThat(bJuly.get(0).get("current").asBoolean()).isTrue();
        assertThat(bJuly.get(0).get("quantity").decimalValue()).isEqualByComparingTo("9000");
        assertThat(bJuly.get(0).get("monthCapacity").decimalValue()).isEqualByComparingTo("16000");
        assertThat(bJuly.get(1).get("source").asString()).isEqualTo("SELF_REPORT");
        // utilisation reads the imported figures: (23,715 + 9,000) ÷ (31,000 + 16,000)
        JsonNode u = json.readTree(http.get("/api/v1/capacity/utilisation?product=CLINKER&region=500231&period=2025-07",
                coordinator).body());
        assertThat(u.get("output").decimalValue()).isEqualByComparingTo("32715");
        assertThat(u.get("capacity").decimalValue()).isEqualByComparingTo("47000");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'output_report' and entity_id in (:a, :b) "
                + "and summary like '导入产量%'").param("a", a.uscc()).param("b", b.uscc()).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aBadFileStoresNothingAndEveryRowAtFaultIsReported() {
        Enterprise a = cementWorks("500230", 365_000, LocalDate.of(2010, 1, 1));
        Enterprise idle = cementWorks("500230", 365_000, LocalDate.of(2010, 1, 1));
        String coordinator = token(Role.COORDINATOR);
        String csv = "统一社会信用代码,产品,月份,产量,单位,来源\n"
                + a.uscc() + ",CLINKER,2025-05,20000,t,STATISTICS\n"          // 2: good
                + a.uscc() + ",GOLD,2025-05,1,t,STATISTICS\n"                 // 3: product
                + a.uscc() + ",CLINKER,2099-01,1,t,STATISTICS\n"              // 4: future month
                + a.uscc() + ",CLINKER,2025-05,-3,t,STATISTICS\n"             // 5: negative
                + a.uscc() + ",CLINKER,2025-05,1,重量箱,STATISTICS\n"          // 6: unit of another dimension
                + "91500231Y0000000X,CLINKER,2025-05,1,t,STATISTICS\n"        // 7: unknown enterprise
                + a.uscc() + ",CLINKER,2025-05,=1+1,t,STATISTICS\n"           // 8: formula
                + a.uscc() + ",CLINKER,2025-05,lots,t,STATISTICS\n"           // 9: not a number
                + a.uscc() + ",CLINKER,2025-05,1,t,GUESS\n";                  // 10: source
        HttpResponse<String> r = upload(coordinator, "bad.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.get("detail").asString()).contains("未导入任何数据");
        assertThat(problem.get("field").asString()).isEqualTo("file");
        assertThat(problem.get("errorCount").asLong()).isEqualTo(8);
        JsonNode errors = problem.get("errors");
        String[][] expected = {{"3", "产品"}, {"4", "月份"}, {"5", "产量"}, {"6", "单位"}, {"7", "统一社会信用代码"},
                {"8", "产量"}, {"9", "产量"}, {"10", "来源"}};
        for (int i = 0; i < expected.length; i++) {
            assertThat(errors.get(i).get("row").asLong()).as(errors.toString()).isEqualTo(Long.parseLong(expected[i][0]));
            assertThat(errors.get(i).get("column").asString()).as(errors.toString()).isEqualTo(expected[i][1]);
            assertThat(errors.get(i).get("reason").asString()).containsPattern("\\p{IsHan}");
        }
        assertThat(all(a)).isZero();

        // every row well-formed, one above 1.5 × its month's capacity: refused after loading, nothing kept
        String absurd = "统一社会信用代码,产品,月份,产量\n" + a.uscc() + ",CLINKER,2025-05,20000\n"
                + idle.uscc() + ",CLINKER,2025-05,46501\n";
        HttpResponse<String> above = upload(coordinator, "above.csv", absurd.getBytes(StandardCharsets.UTF_8));
        assertThat(above.statusCode()).as(above.body()).isEqualTo(400);
        JsonNode aboveErrors = json.readTree(above.body()).get("errors");
        assertThat(aboveErrors).hasSize(1);
        assertThat(aboveErrors.get(0).get("row").asLong()).isEqualTo(3);
        assertThat(aboveErrors.get(0).get("reason").asString()).contains("1.5 倍");
        assertThat(all(a) + all(idle)).isZero();

        HttpResponse<String> header = upload(coordinator, "h.csv", "统一社会信用代码,产品,产量,颜色\n".getBytes(StandardCharsets.UTF_8));
        assertThat(header.statusCode()).isEqualTo(400);
        assertThat(header.body()).contains("颜色").contains("月份");
        assertThat(upload(coordinator, "empty.csv", new byte[0]).statusCode()).isEqualTo(400);
    }

    @Test
    void aDistrictImportsOnlyInItsSubtreeAndAnEnterpriseOnlyItsOwnSelfReports() {
        Enterprise elsewhere = cementWorks("500230", 365_000, LocalDate.of(2010, 1, 1));
        String csv = "统一社会信用代码,产品,月份,产量,单位,来源\n" + elsewhere.uscc() + ",CLINKER,2025-05,100,t,INSPECTION\n";
        HttpResponse<String> district = upload(token(Role.DISTRICT_OFFICER), "d.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(district.statusCode()).isEqualTo(400);
        assertThat(json.readTree(district.body()).get("errors").get(0).get("reason").asString()).contains("数据范围");
        HttpResponse<String> enterprise = upload(token(Role.ENTERPRISE), "e.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(enterprise.statusCode()).isEqualTo(400);
        assertThat(all(elsewhere)).isZero();
        assertThat(upload(token(Role.FINANCIAL_INSTITUTION), "f.csv", csv.getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(403);
        assertThat(current(elsewhere)).isZero();
    }

    @Test
    void theTemplatesCarryChineseHeadersAndThePageImportsAnXlsx() throws Exception {
        Http coordinator = session(Role.COORDINATOR);
        HttpResponse<String> csv = coordinator.get("/capacity/output/import/template.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("统一社会信用代码").contains("月份（yyyy-MM）").contains("产量");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/output/template.xlsx"))
                .header("Authorization", "Bearer " + token(Role.COORDINATOR)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("统一社会信用代码");
        }
        assertThat(coordinator.get("/capacity/output/import").body()).contains("产量导入").contains("output-import-form");
        assertThat(http.get("/api/v1/output/template.pdf", token(Role.COORDINATOR)).statusCode()).isEqualTo(404);

        Enterprise works = cementWorks("500230", 365_000, LocalDate.of(2010, 1, 1));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("产量");
            String[] header = {"统一社会信用代码", "产品", "月份", "产量", "单位"};
            for (int i = 0; i < header.length; i++) {
                sheet.createRow(0);
            }
            var h = sheet.getRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(works.uscc());
            row.createCell(1).setCellValue("水泥熟料");
            row.createCell(2).setCellValue("2025-04");
            row.createCell(3).setCellValue(21000);
            row.createCell(4).setCellValue("t");
            book.write(file);
        }
        HttpResponse<String> r = upload(token(Role.COORDINATOR), "产量.xlsx", file.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(current(works)).isEqualTo(1);
    }
}
