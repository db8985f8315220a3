package org.capgov.projects.illegal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capgov.identity.Role;
import org.capgov.shared.ChinaTime;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register filled from a spreadsheet over real HTTP: the template with Chinese headers; a good CSV (UTF-8 and
 * GBK) and .xlsx registered with the measures of their classes; a file with faults refused as a whole with a report
 * naming row, column and reason, nothing stored; the page shows the outcome and the report.
 */
class IllegalProjectImportIT extends IntegrationTest {

    static final String HEADER = "统一社会信用代码*,项目名称*,行业*,建设阶段*,手续情况*,隐瞒不报,工艺装备落后或不达标,查实日期,文号,拆除期限\n";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    IllegalProjectFixtures f;

    @BeforeEach
    void setUp() {
        f = new IllegalProjectFixtures(Http.api(port), json, testPeople);
    }

    @Test
    void theTemplateHasTheChineseHeaders() {
        HttpResponse<String> csv = f.http.get("/api/v1/illegal-projects/template.csv", f.district);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF统一社会信用代码*,项目名称*,行业*,建设阶段*,手续情况*")
                .contains(",土地记录文号,土地记录出具机关,土地记录日期,海域记录文号").contains(",金融记录日期");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        HttpResponse<String> xlsx = f.http.get("/api/v1/illegal-projects/template.xlsx", f.district);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(f.http.get("/api/v1/illegal-projects/template.pdf", f.district).statusCode()).isEqualTo(404);
    }

    @Test
    void goodFilesRegisterEveryRowWithTheMeasuresOfItsClass() throws IOException {
        LocalDate today = ChinaTime.today(clock);
        String a = f.enterprise("500102");
        String b = f.enterprise("500102");
        String csv = HEADER + a + ",导入在建隐瞒项目,钢铁,在建,手续不全,是,否," + today.minusDays(3) + ",涪经信〔2026〕61号,"
                + today.plusDays(30) + "\n"
                + b + ",导入建成不予补办项目,钢铁,建成,国家不予补办,,,," + "涪经信〔2026〕62号," + today.plusDays(60) + "\n";
        HttpResponse<String> r = upload(csv.getBytes(StandardCharsets.UTF_8), "register.csv");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode registered = json.readTree(r.body()).get("registered");
        assertThat(registered).hasSize(2);
        JsonNode first = project(registered.get(0).asString());
        assertThat(first.get("name").asString()).isEqualTo("导入在建隐瞒项目");
        assertThat(first.toString()).contains("HALT").contains("DEMOLISH").contains("STOP_LENDING");
        JsonNode second = project(registered.get(1).asString());
        assertThat(second.toString()).contains("DEMOLISH").contains(today.plusDays(60).toString());

        String c = f.enterprise("500102");
        String gbk = HEADER + c + ",导入GBK项目,钢铁,未开工,手续不全,,,,,\n";
        HttpResponse<String> g = upload(gbk.getBytes(Charset.forName("GBK")), "register-gbk.csv");
        assertThat(g.statusCode()).as(g.body()).isEqualTo(201);
        assertThat(project(json.readTree(g.body()).get("registered").get(0).asString()).get("name").asString())
                .isEqualTo("导入GBK项目");

        String d = f.enterprise("500102");
        HttpResponse<String> x = upload(xlsx(d, "导入表格项目"), "register.xlsx");
        assertThat(x.statusCode()).as(x.body()).isEqualTo(201);
        assertThat(project(json.readTree(x.body()).get("registered").get(0).asString()).get("stage").asString())
                .isEqualTo("NOT_STARTED");
    }

    @Test
    void theRecordsOfOtherAuthoritiesAreTakenAsTypedReferencesAndCheckedLikeTheForm() {
        LocalDate today = ChinaTime.today(clock);
        String refs = HEADER.strip() + ",土地记录文号,土地记录出具机关,土地记录日期,海域记录文号,海域记录出具机关,海域记录日期,"
                + "环保记录文号,环保记录出具机关,环保记录日期,金融记录文号,金融记录出具机关,金融记录日期\n";
        String a = f.enterprise("500102");
        String good = refs + a + ",导入关联记录项目,钢铁,在建,手续不全,,,,,," + "涪规资〔2026〕71号,涪陵区规划和自然资源局,"
                + today.minusDays(9) + ",,,,,,,贷-2026-071,某银行涪陵支行," + today.minusDays(2) + "\n";
        HttpResponse<String> r = upload(good.getBytes(StandardCharsets.UTF_8), "references.csv");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode registered = project(json.readTree(r.body()).get("registered").get(0).asString());
        String references = registered.get("references").toString();
        assertThat(registered.get("references")).hasSize(2);
        assertThat(references).contains("\"LAND\"").contains("涪规资〔2026〕71号").contains("涪陵区规划和自然资源局")
                .contains("\"FINANCE\"").contains("贷-2026-071").doesNotContain("OCEAN");

        String b = f.enterprise("500102");
        String bad = refs + b + ",关联记录有误项目,钢铁,在建,手续不全,,,,,,,,,海域证-1,,2020-01-01,环评-1,某局,"
                + today.plusDays(5) + ",,,\n";
        HttpResponse<String> refused = upload(bad.getBytes(StandardCharsets.UTF_8), "references-bad.csv");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        String errors = json.readTree(refused.body()).get("errors").toString();
        assertThat(errors).contains("\"row\":2,\"column\":\"海域记录出具机关\"")
                .contains("\"row\":2,\"column\":\"环保记录日期\"").contains("日期不能晚于今天");
        assertThat(f.http.get("/api/v1/illegal-projects", f.admin).body()).doesNotContain("关联记录有误项目");
    }

    @Test
    void aFileWithFaultsIsRefusedAsAWholeWithARowByRowReport() {
        String a = f.enterprise("500102");
        String csv = HEADER + a + ",不应登记的项目,钢铁,在建,手续不全,,,,,\n"
                + a + ",阶段有误项目,钢铁,半拉子,手续不全,,,,,\n"
                + "91500102MA00000000,企业不存在项目,钢铁,在建,手续不全,,,,,\n"
                + a + ",不应登记的项目,钢铁,在建,手续不全,,,,,\n"
                + a + ",是否有误项目,钢铁,在建,手续不全,也许,,,,\n"
                + a + ",缺少拆除期限项目,钢铁,建成,国家不予补办,,,,,\n";
        HttpResponse<String> r = upload(csv.getBytes(StandardCharsets.UTF_8), "faults.csv");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.get("detail").asString()).contains("未登记任何项目");
        assertThat(problem.get("field").asString()).isEqualTo("file");
        String errors = problem.get("errors").toString();
        assertThat(errors).contains("\"row\":3,\"column\":\"建设阶段*\"").contains("\"row\":4,\"column\":\"统一社会信用代码*\"")
                .contains("\"row\":5,\"column\":\"项目名称*\"").contains("与第 2 行")
                .contains("\"row\":6,\"column\":\"隐瞒不报\"").contains("\"row\":7,\"column\":\"拆除期限\"");
        assertThat(errors).doesNotContain("\"row\":2,");
        assertThat(f.http.get("/api/v1/illegal-projects", f.admin).body()).doesNotContain("不应登记的项目");

        HttpResponse<String> noColumn = upload(("统一社会信用代码*,项目名称*\n" + a + ",缺列项目\n")
                .getBytes(StandardCharsets.UTF_8), "columns.csv");
        assertThat(noColumn.statusCode()).isEqualTo(400);
        assertThat(noColumn.body()).contains("缺少必填列").contains("\"row\":1");
        HttpResponse<String> empty = f.http.json("POST", "/api/v1/illegal-projects/import", f.district, "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"field\":\"file\"");
    }

    @Test
    void thePageShowsTheTemplateLinksTheOutcomeAndTheReport() {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = "username=" + TestPeople.username(Role.DISTRICT_OFFICER) + "&password="
                + URLEncoder.encode(TestPeople.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + csrf(send(browser, get("/login")).body());
        send(browser, HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(login)));
        String page = send(browser, get("/illegal-projects/import")).body();
        assertThat(page).contains("违规项目导入").contains("/illegal-projects/import/template.csv").contains("手续情况*");
        assertThat(send(browser, get("/illegal-projects")).body()).contains("/illegal-projects/import");

        String a = f.enterprise("500102");
        String bad = HEADER + a + ",页面导入项目,钢铁,在建,手续不明,,,,,\n";
        HttpResponse<String> refused = send(browser, pageUpload(csrf(page), bad));
        assertThat(refused.statusCode()).isEqualTo(302);
        String report = send(browser, get("/illegal-projects/import")).body();
        assertThat(report).contains("未登记任何项目").contains("id=\"import-errors\"").contains("手续不明");

        String good = HEADER + a + ",页面导入项目,钢铁,在建,手续不全,,,,,\n";
        send(browser, pageUpload(csrf(report), good));
        String done = send(browser, get("/illegal-projects/import")).body();
        assertThat(done).contains("已登记 1 个违规项目").contains("id=\"import-registered\"");
    }

    private JsonNode project(String number) {
        HttpResponse<String> r = f.http.get("/api/v1/illegal-projects/" + number, f.admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static byte[] xlsx(String uscc, String name) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("违规项目");
            String[] header = HEADER.strip().split(",");
            String[] row = {uscc, name, "钢铁", "未开工", "手续不全", "否", "否", "", "", ""};
            for (int r = 0; r < 2; r++) {
                var line = sheet.createRow(r);
                String[] cells = r == 0 ? header : row;
                for (int c = 0; c < cells.length; c++) {
                    line.createCell(c).setCellValue(cells[c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private HttpResponse<String> upload(byte[] content, String fileName) {
        String boundary = "----capgov-illegal-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/api/v1/illegal-projects/import"))
                .header("Authorization", "Bearer " + f.district)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder pageUpload(String csrf, String csv) {
        String boundary = "----capgov-illegal-page-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"page.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri("/illegal-projects/import")).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrf(String page) {
        Matcher m = CSRF_INPUT.matcher(page);
        assertThat(m.find()).as("CSRF field").isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
