package org.capgov.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
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
 * The findings and audit downloads (CSV and .xlsx) carry names, not codes: Chinese headers, 技术装备 not
 * TECHNOLOGY, 不合规 not NONCOMPLIANT, 复二重线材 not DOUBLE_DUO_WIRE, 导出 not EXPORT; only the ids people type
 * (rule and document ids, USCCs) stay.
 */
class LabelledExportsIT extends IntegrationTest {

    /** lower_snake or UPPER_SNAKE, or a lone upper-case word of four letters or more, as a whole cell or in text. */
    static final Pattern CODE = Pattern.compile("(?<![\\w/.-])(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+"
            + "|[A-Z]{4,})(?![\\w/.-])");
    static final String MILL = """
            {"code":"RM1","type":"ROLLING_MILL","parameters":{"mill_type":"DOUBLE_DUO_WIRE","special_steel":false},
             "product":"STEEL_PRODUCTS","annualCapacity":120000,"commissioned":"2004-03-01"}""";

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;

    String steel = ComplianceRunIT.uscc("500102", "H1600001");

    @Test
    void findingsDownloadsNameEveryCode() throws Exception {
        Http http = Http.api(port);
        testPeople.ensure(Role.COORDINATOR);
        String token = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        ComplianceRunIT.enterprise(http, token, steel, "500102", "STEEL", ComplianceRunIT.BF_350, MILL);
        long run = ComplianceRunIT.run(http, token, json, "2016-09-30", true).get("id").asLong();

        HttpResponse<String> csv = http.get("/api/v1/compliance/findings/export.csv?run=" + run + "&uscc=" + steel, token);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        List<List<String>> rows = csv(csv.body());
        assertThat(rows.get(0)).startsWith("评价编号", "统一社会信用代码", "企业名称").contains("规则编号", "维度", "结论", "要求");
        assertThat(rows).hasSizeGreaterThan(2);
        List<String> cells = rows.stream().flatMap(List::stream).toList();
        assertThat(cells).contains("技术", "不合规", "淘汰类", "CQ2014-STEEL-TECH-BF-VOLUME", "复二重线材")
                .doesNotContain("TECHNOLOGY", "NONCOMPLIANT", "ELIMINATED", "VIOLATION", "DOUBLE_DUO_WIRE");
        assertThat(cells).anySatisfy(c -> assertThat(c).isEqualTo("m³"));
        assertThat(cells).anySatisfy(c -> assertThat(c).startsWith("≥ ").endsWith(" m³"));
        assertNoCodes(rows, List.of());

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + "/api/v1/compliance/findings/export.xlsx?run=" + run + "&uscc=" + steel))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        List<List<String>> sheet = xlsx(xlsx.body());
        assertThat(sheet).hasSameSizeAs(rows);
        assertThat(sheet.get(0)).isEqualTo(rows.get(0));
        assertNoCodes(sheet, List.of());
    }

    @Test
    void auditDownloadNamesActionsAndObjects() {
        Http browser = Http.browser(port);
        testPeople.ensure(Role.COORDINATOR);
        browser.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        // the download itself is audited, so the trail holds at least one 导出 entry of a finding or an audit
        HttpResponse<String> csv = browser.get("/audit/export.csv?actor=" + TestPeople.username(Role.COORDINATOR));
        assertThat(csv.statusCode()).isEqualTo(200);
        List<List<String>> rows = csv(csv.body());
        List<String> header = rows.get(0);
        assertThat(header).containsExactly("编号", "时间", "操作人", "来源地址", "操作", "对象类型", "对象", "区划路径", "说明",
                "变更前", "变更后", "哈希", "封存序号", "封存状态");
        assertThat(rows).hasSizeGreaterThan(1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> {
            assertThat(r.get(4)).as("操作").matches(".*\\p{IsHan}.*");
            assertThat(r.get(5)).as("对象类型").matches("|.*\\p{IsHan}.*");
            assertThat(r.get(13)).as("封存状态").isIn("已封存", "待封存");
        });
        assertThat(rows.stream().map(r -> r.get(4))).contains("登录").doesNotContain("LOGIN", "CREATE", "EXPORT");
        // the recorded states stay the JSON that was hashed (the hash chain is checked against it)
        assertNoCodes(rows, List.of("变更前", "变更后", "说明"));
    }

    /** Fails on any cell (outside the named columns) holding a code pattern; user names and ids are no codes. */
    static void assertNoCodes(List<List<String>> rows, List<String> exempt) {
        List<String> header = rows.get(0);
        List<String> found = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            for (int i = 0; i < row.size() && i < header.size(); i++) {
                if (exempt.contains(header.get(i)) || header.get(i).equals("操作人")) {
                    continue;
                }
                if (CODE.matcher(row.get(i)).find()) {
                    found.add(header.get(i) + ": " + row.get(i));
                }
            }
        }
        assertThat(found).as("cells with codes").isEmpty();
    }

    static List<List<String>> csv(String body) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(body.replace("\uFEFF", ""))) {
            reader.forEach(r -> rows.add(r.getFields()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    static List<List<String>> xlsx(byte[] body) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(row.getCell(i) == null ? "" : text.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
