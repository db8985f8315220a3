package org.capgov.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capgov.enforcement.CaseAction;
import org.capgov.enforcement.CaseKind;
import org.capgov.enforcement.CaseState;
import org.capgov.enforcement.ExitMeasure;
import org.capgov.enforcement.lists.ListFixtures;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.Equipment;
import org.capgov.registry.EquipmentService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public pages, downloads and JSON API, anonymously over real HTTP: same rows everywhere, Chinese refusals. */
class PublicListPagesIT extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterpriseService;
    @Autowired
    EquipmentService equipmentService;
    @Autowired
    JdbcClient jdbc;

    Enterprise yellow;
    Enterprise red;
    Enterprise emitter;
    Enterprise exited;

    @BeforeEach
    void data() {
        ListFixtures f = new ListFixtures(enterpriseService, equipmentService, jdbc);
        yellow = f.enterprise("500102", "公开名单测验整改钢铁");
        f.open(yellow, CaseKind.RECTIFICATION, "ENERGY", null, d("2004-02-29"), d("2004-08-29"), "CQ-JXW");
        f.open(yellow, CaseKind.RECTIFICATION, "SAFETY", null, d("2004-03-01"), d("2004-09-01"), "CQ-YJJ");
        red = f.enterprise("500102", "公开名单测验关停水泥");
        String closed = f.open(red, CaseKind.RECTIFICATION, "QUALITY", null, d("2003-01-10"), d("2003-07-10"), "CQ-SCJGJ");
        f.act(closed, CaseAction.VERIFY_FAILED, CaseState.RECTIFICATION_FAILED, d("2003-08-01"), null, null, null);
        f.act(closed, CaseAction.APPROVE_CLOSURE, CaseState.CLOSURE_APPROVED, d("2004-01-15"), "涪府发〔2004〕2号", null, null);
        exited = f.enterprise("500102", "公开名单测验退出铁厂");
        Equipment bf = f.blastFurnace(exited, "BF-9", "180000");
        String exit = f.open(exited, CaseKind.EXIT, "TECHNOLOGY", bf.id(), d("2004-01-02"), d("2004-06-30"), "CQ-JXW");
        long event = f.act(exit, CaseAction.RECORD_EXIT_MEASURE, CaseState.EXIT_IN_PROGRESS, d("2004-02-01"), null, null, null);
        f.measure(exit, event, bf.id(), ExitMeasure.POWER_UNIT_REMOVED, d("2004-02-01"), "180000", "PIG_IRON");
        f.act(exit, CaseAction.VERIFY_EXIT, CaseState.EXIT_VERIFIED, d("2004-03-01"), null, null, null);
        f.act(exit, CaseAction.ANNOUNCE, CaseState.ANNOUNCED, d("2004-03-10"), "涪经信公告〔2004〕1号", null, null);
        emitter = f.enterprise("500102", "公开名单测验超标排放玻璃");
        String env = f.open(emitter, CaseKind.RECTIFICATION, "ENVIRONMENT", null, d("2004-01-20"), d("2004-02-20"),
                "FL-STHJJ");
        f.act(env, CaseAction.VERIFY_FAILED, CaseState.RECTIFICATION_FAILED, d("2004-02-25"), null, null, null);
    }

    /** Seed 001 四、(三) "区生态环境局要定期公布超标排放企业名单，以及超标排放严重的企业名单": pages, navigation, API, download. */
    @Test
    void theOverLimitListsArePublishedBesideTheOthers() throws IOException {
        Http visitor = Http.browser(port);
        assertThat(visitor.get("/public").body()).contains("超标排放企业名单", "/public/lists/over-limit",
                "/public/lists/serious-over-limit");
        String page = visitor.get("/public/lists/over-limit?region=500102&asOf=2004-03-01&size=200").body();
        assertThat(page).contains("超标排放企业名单", "id=\"nav-over-limit\"", emitter.name(), "2004-01-20",
                "重庆市涪陵区生态环境局", "自 2004-02-25").doesNotContain(yellow.name());
        assertThat(visitor.get("/public/lists/serious-over-limit?region=500102&asOf=2004-02-24&size=200").body())
                .doesNotContain(emitter.name());
        assertThat(visitor.get("/public/lists/serious-over-limit?region=500102&asOf=2004-02-25&size=200").body())
                .contains(emitter.name());
        JsonNode api = JSON.readTree(Http.api(port)
                .get("/api/v1/public/lists/serious-over-limit?region=500102&asOf=2004-03-01&size=200").body());
        assertThat(api.get("list").asString()).isEqualTo("SERIOUS_OVER_LIMIT");
        assertThat(find(api, emitter.uscc()).get("cases").get(0).get("seriousSince").asString()).isEqualTo("2004-02-25");
        String csv = visitor.get("/public/lists/over-limit.csv?region=500102&asOf=2004-03-01").body();
        assertThat(csv).contains("超标排放严重").contains(emitter.uscc());
    }

    @Test
    void anonymousVisitorsSeeTheListsWithFiltersAndTheLoginPageLinksToThem() {
        Http visitor = Http.browser(port);
        assertThat(visitor.get("/login").body()).contains("href=\"/public\"");
        HttpResponse<String> index = visitor.get("/public");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("限期整改名单（黄牌）", "/public/lists/red", "/public/lists/exits")
                .doesNotContain("企业与装备名录");

        HttpResponse<String> page = visitor.get("/public/lists/yellow?region=500102&asOf=2004-03-01&size=200");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(yellow.name(), "2004-08-29", "重庆市应急管理局", "截至 2004-03-01")
                .doesNotContain(red.name());
        // links made in the controller, not by link expressions: the enterprise page, downloads, filters and navigation
        assertThat(page.body()).contains("href=\"/public/enterprises/" + yellow.uscc() + "\"",
                "href=\"/public/lists/yellow.csv?region=500102&amp;asOf=2004-03-01\"", "action=\"/public/lists/yellow\"",
                "href=\"/public/lists/exits\"");
        assertThat(visitor.get("/public/lists/red?region=500102&asOf=2004-03-10&size=200").body())
                .contains(red.name(), "涪府发〔2004〕2号", "至当年12月31日止").doesNotContain(exited.name());
        String exits = visitor.get("/public/lists/exits?region=500102&year=2004&size=200").body();
        assertThat(exits).contains(exited.name(), "BF-9", "拆除动力装置", "涪经信公告〔2004〕1号", "退出产能合计");
        assertThat(Http.browser(port).get("/public/lists/exits?year=2004&lang=en").body()).contains("Annual exit list");

        HttpResponse<String> bad = visitor.get("/public/lists/yellow?asOf=2004-02-30");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("截至日期 2004-02-30 无效");
        assertThat(visitor.get("/public/lists/green").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/public/lists/yellow.csv?region=123").statusCode()).isEqualTo(400);
    }

    @Test
    void theAnonymousApiAnswersWithPagesAndChineseProblems() {
        Http api = Http.api(port);
        HttpResponse<String> r = api.get("/api/v1/public/lists/yellow?region=500102&asOf=2004-03-01&size=200");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("asOf").asString()).isEqualTo("2004-03-01");
        assertThat(body.get("region").asString()).isEqualTo("500102");
        JsonNode row = find(body, yellow.uscc());
        assertThat(row.get("enterprise").get("name").asString()).isEqualTo(yellow.name());
        assertThat(row.get("enterprise").has("legalRepresentative")).isFalse();
        assertThat(row.get("cases")).hasSize(2);
        assertThat(row.get("cases").get(1).get("deadline").asString()).isEqualTo("2004-08-29");

        JsonNode exits = JSON.readTree(api.get("/api/v1/public/lists/exits?region=500102&year=2004&size=200").body());
        assertThat(exits.get("year").asInt()).isEqualTo(2004);
        assertThat(exits.get("capacityByProduct").get("PIG_IRON").decimalValue()).isGreaterThanOrEqualTo(
                new java.math.BigDecimal("180000"));

        problem(api.get("/api/v1/public/lists/purple"), 404, null, "名单 purple 不存在");
        problem(api.get("/api/v1/public/lists/yellow?asOf=yesterday"), 400, "asOf", "截至日期 yesterday 无效");
        problem(api.get("/api/v1/public/lists/exits?year=abc"), 400, "year", "年度 abc 无效");
        problem(api.get("/api/v1/public/lists/red?region=990000"), 400, "region", "区划代码 990000 不存在");
        problem(api.get("/api/v1/public/lists/red?page=-2"), 400, "page", null);
        problem(api.get("/api/v1/public/lists/red?size=1000"), 400, "size", null);
    }

    @Test
    void downloadsHoldTheSameRowsAsTheApi() throws IOException {
        String filter = "region=500102&asOf=2004-03-01";
        List<String> expected = new ArrayList<>();
        for (JsonNode e : allRows("yellow", filter)) {
            for (JsonNode c : e.get("cases")) {
                expected.add(e.get("enterprise").get("uscc").asString() + "|" + c.get("caseId").asString() + "|"
                        + c.get("deadline").asString());
            }
        }
        assertThat(expected).anyMatch(s -> s.startsWith(yellow.uscc()));

        HttpResponse<byte[]> csv = bytes("/public/lists/yellow.csv?" + filter);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(csv.body()[0]).isEqualTo((byte) 0xEF);
        List<List<String>> rows = csv(csv.body());
        assertThat(rows.get(0)).startsWith("统一社会信用代码", "企业名称", "区划代码", "所在区划", "案件编号", "整改维度");
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0) + "|" + r.get(4) + "|" + r.get(7)).toList())
                .containsExactlyElementsOf(expected);

        HttpResponse<byte[]> xlsx = bytes("/public/lists/yellow.xlsx?" + filter);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<String> sheetRows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("统一社会信用代码");
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    sheetRows.add(text.formatCellValue(row.getCell(0)) + "|" + text.formatCellValue(row.getCell(4)) + "|"
                            + text.formatCellValue(row.getCell(7)));
                }
            }
        }
        assertThat(sheetRows).containsExactlyElementsOf(expected);

        List<String> exits = new ArrayList<>();
        for (JsonNode e : allRows("exits", "region=500102&year=2004")) {
            exits.add(e.get("caseId").asString() + "|" + (e.get("equipmentCode").isNull() ? "" : e.get("equipmentCode").asString()));
        }
        List<List<String>> exitCsv = csv(bytes("/public/lists/exits.csv?region=500102&year=2004").body());
        assertThat(exitCsv.get(0)).contains("退出产能", "退出措施", "公告日期");
        assertThat(exitCsv.subList(1, exitCsv.size()).stream().map(r -> r.get(4) + "|" + r.get(5)).toList())
                .containsExactlyElementsOf(exits);
        assertThat(exitCsv).anyMatch(r -> r.get(0).equals(exited.uscc()) && r.get(8).equals("180000")
                && r.get(10).equals("拆除动力装置"));
    }

    @Test
    void theChartsCountTheWholeFilteredListLikeTheApi() {
        for (String[] list : new String[][] {{"yellow", "asOf=2004-03-01"}, {"exits", "year=2004"},
                {"red", "asOf=2004-03-10"}, {"over-limit", "asOf=2004-03-01"}}) {
            java.util.Map<String, String> regionOf = new java.util.HashMap<>();
            for (JsonNode row : allRows(list[0], list[1])) {
                regionOf.put(row.get("enterprise").get("uscc").asString(),
                        row.get("enterprise").get("regionName").asString());
            }
            java.util.Map<String, Long> expected = new java.util.TreeMap<>();
            regionOf.values().forEach(r -> expected.merge(r, 1L, Long::sum));
            String page = Http.browser(port).get("/public/lists/" + list[0] + "?" + list[1]).body();
            assertThat(expected).as(list[0]).isNotEmpty();
            assertThat(figureTable(page, 0)).as(list[0]).isEqualTo(expected);
            java.util.Map<String, Long> byIndustry = figureTable(page, 1);
            assertThat(byIndustry).as(list[0]).containsKey("钢铁");
            assertThat(byIndustry.values().stream().mapToLong(Long::longValue).sum()).as(list[0])
                    .isGreaterThanOrEqualTo(regionOf.size());
        }
    }

    /** The n-th table of the charts' data: label → count. */
    private static java.util.Map<String, Long> figureTable(String page, int n) {
        String tables = page.substring(page.indexOf("id=\"figures-table\""));
        String table = tables.split("<table")[n + 1];
        table = table.substring(0, table.indexOf("</table>"));
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<tr><td>([^<]+)</td><td class=\"text-end\">(\\d+)</td></tr>").matcher(table);
        while (m.find()) {
            out.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return out;
    }

    private List<JsonNode> allRows(String list, String filter) {
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = JSON.readTree(Http.api(port).get("/api/v1/public/lists/" + list + "?" + filter
                    + "&size=200&page=" + page).body());
            body.get("rows").forEach(rows::add);
            if ((long) (page + 1) * 200 >= body.get("total").asLong()) {
                return rows;
            }
        }
    }

    private static JsonNode find(JsonNode body, String uscc) {
        for (JsonNode row : body.get("rows")) {
            if (row.get("enterprise").get("uscc").asString().equals(uscc)) {
                return row;
            }
        }
        throw new AssertionError(uscc + " not in " + body);
    }

    private static void problem(HttpResponse<String> r, int status, String field, String detail) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(r.body());
        if (field != null) {
            assertThat(body.get("field").asString()).isEqualTo(field);
        }
        if (detail != null) {
            assertThat(body.get("detail").asString()).contains(detail);
        }
    }

    private HttpResponse<byte[]> bytes(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<List<String>> csv(byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text)) {
            reader.forEach(r -> rows.add(r.getFields()));
        }
        return rows;
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
