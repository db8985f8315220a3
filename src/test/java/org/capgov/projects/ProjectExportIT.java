package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Projects and replacement plans downloaded as CSV and .xlsx over real HTTP, from the API and from the pages: Chinese
 * headers, names instead of codes, numbers as numbers in the workbook, and only what the caller's scope holds.
 */
class ProjectExportIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;

    @Test
    void exportsCarryNamesNotCodesAndFollowTheScope() throws Exception {
        LedgerFixtures f = new LedgerFixtures(Http.api(port), json, testPeople);
        String owner = f.enterprise("500102", LedgerFixtures.converter("EX1", 1_000_000),
                LedgerFixtures.converter("EX2", 1_000_000));
        HttpResponse<String> submitted = f.http.json("POST", "/api/v1/projects", f.admin,
                ProjectPlanApiIT.project(owner, "导出测试转炉项目", 1_500_000));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        long project = json.readTree(submitted.body()).get("project").get("id").asLong();
        HttpResponse<String> plan = f.http.json("POST", "/api/v1/replacement-plans", f.admin, "{\"project\":" + project
                + ",\"retired\":[{\"uscc\":\"" + owner + "\",\"equipmentRef\":\"EX1\"},{\"uscc\":\"" + owner
                + "\",\"equipmentRef\":\"EX2\"}],\"confirmingAuthority\":\"重庆市经济和信息化委员会\"}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        String code = json.readTree(plan.body()).get("plan").get("code").asString();

        HttpResponse<String> csv = f.http.get("/api/v1/projects/export.csv", f.admin);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(csv.body()).startsWith("\uFEFF项目编号,项目名称,统一社会信用代码,企业名称");
        String line = line(csv.body(), "导出测试转炉项目");
        assertThat(line).contains(owner).contains(",新建,钢铁,粗钢,1500000,0,").contains(",核准,2021-07-01,申报,").contains("须置换")
                .doesNotContain("CRUDE_STEEL").doesNotContain("NEEDS_REPLACEMENT").doesNotContain("DECLARED");
        assertThat(f.http.get("/api/v1/projects/export.csv?status=COMMISSIONED", f.admin).body())
                .doesNotContain("导出测试转炉项目");

        HttpResponse<String> plans = f.http.get("/api/v1/replacement-plans/export.csv", f.admin);
        assertThat(plans.statusCode()).isEqualTo(200);
        assertThat(plans.body()).startsWith("\uFEFF方案编号,项目编号,项目名称");
        String planLine = line(plans.body(), code + ",");
        assertThat(planLine).contains("导出测试转炉项目").contains("EX1").contains("EX2").contains("待公示")
                .contains("重庆市经济和信息化委员会").doesNotContain("DRAFT");

        List<List<String>> sheet = xlsx(bytes("/api/v1/replacement-plans/export.xlsx", f.admin));
        assertThat(sheet.get(0)).startsWith("方案编号", "项目编号", "项目名称");
        List<String> row = sheet.stream().filter(r -> r.get(0).equals(code)).findFirst().orElseThrow();
        assertThat(row).contains("导出测试转炉项目", "粗钢", "2000000", "待公示");
        List<List<String>> projects = xlsx(bytes("/api/v1/projects/export.xlsx", f.admin));
        assertThat(projects.get(0)).startsWith("项目编号", "项目名称");
        assertThat(projects.stream().anyMatch(r -> r.contains("导出测试转炉项目"))).isTrue();

        // another enterprise sees only its own
        String other = f.enterprise("500102");
        String login = "t.export-" + other.toLowerCase();
        testPeople.ensure(TestPeople.person(login, "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), other));
        String token = f.http.token(login, TestPeople.PASSWORD);
        HttpResponse<String> own = f.http.get("/api/v1/projects/export.csv", token);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).startsWith("\uFEFF项目编号").doesNotContain("导出测试转炉项目");
        assertThat(f.http.get("/api/v1/replacement-plans/export.csv", token).body()).doesNotContain(code + ",");

        // the pages link the same downloads
        Http browser = Http.browser(port);
        browser.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        assertThat(browser.get("/projects").body()).contains("/projects/export.csv").contains("/plans/export.xlsx");
        HttpResponse<String> page = browser.get("/projects/export.csv");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("导出测试转炉项目");
        assertThat(browser.get("/plans/export.csv").body()).contains(code);
    }

    private static String line(String csv, String containing) {
        return csv.lines().filter(l -> l.contains(containing)).findFirst().orElseThrow(
                () -> new AssertionError("no line with " + containing + " in\n" + csv));
    }

    private byte[] bytes(String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        return r.body();
    }

    private static List<List<String>> xlsx(byte[] content) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            for (Row r : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (Cell c : r) {
                    cells.add(switch (c.getCellType()) {
                        case NUMERIC -> java.math.BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros()
                                .toPlainString();
                        default -> c.getStringCellValue();
                    });
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
