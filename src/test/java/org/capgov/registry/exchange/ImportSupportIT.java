package org.capgov.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capgov.identity.Role;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the import and export tests share: tokens per role, multipart uploads over real HTTP, waiting for a job, and
 * USCCs no other test uses (body "T" + a per-JVM counter, valid check characters).
 */
abstract class ImportSupportIT extends IntegrationTest {

    static final String ENTERPRISE_HEADER = "统一社会信用代码,企业名称,区划代码,行业代码,地址,法定代表人,上级企业统一社会信用代码,供电户号,"
            + "状态,状态生效日期,接受校验码例外";
    static final String EQUIPMENT_HEADER = "统一社会信用代码,生产线编号,设备编号,设备类型,参数,产品,年产能,投产日期,区划代码,状态,状态生效日期";
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 1_000_000) * 10);
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    Http http;
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void api() {
        http = Http.api(port);
    }

    String token(Role role) {
        return TOKENS.computeIfAbsent(role, r -> {
            testPeople.ensure(r);
            return http.token(TestPeople.username(r), TestPeople.PASSWORD);
        });
    }

    /** A valid USCC registered in {@code region} that no other test uses. */
    static String uscc(String region) {
        return Uscc.compose("91", region, "T" + String.format("%07d", NEXT.incrementAndGet() % 10_000_000));
    }

    static String csv(String header, String... rows) {
        return header + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    static byte[] bytes(String text, Charset charset, boolean bom) {
        byte[] body = text.getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The same rows as an .xlsx sheet (cells split at commas, so no quoted commas); a line of empty cells becomes a row
     * left out, which keeps its number as a blank line of a CSV does.
     */
    static byte[] xlsxOf(String csvText) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("导入");
            String[] lines = csvText.split("\r\n");
            for (int r = 0; r < lines.length; r++) {
                String[] cells = lines[r].split(",", -1);
                if (String.join("", cells).isEmpty()) {
                    continue;
                }
                var row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    if (!cells[c].isEmpty()) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> upload(Role role, String kind, String mode, String fileName, byte[] content) {
        return multipart("/api/v1/imports?kind=" + kind + "&mode=" + mode, Map.of("Authorization", "Bearer " + token(role)),
                Map.of(), fileName, content);
    }

    HttpResponse<String> multipart(String path, Map<String, String> headers, Map<String, String> fields, String fileName,
            byte[] content) {
        String boundary = "capgov-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                        + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(b::header);
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads and waits for the job to end; returns the job as JSON. */
    JsonNode importFile(Role role, String kind, String mode, String fileName, byte[] content) {
        HttpResponse<String> r = upload(role, kind, mode, fileName, content);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(r.headers().firstValue("Location")).isPresent();
        return await(role, json.readTree(r.body()).get("id").asLong());
    }

    JsonNode await(Role role, long id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = http.get("/api/v1/imports/" + id, token(role));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode job = json.readTree(r.body());
            String status = job.get("status").asString();
            if (List.of("SUCCEEDED", "REJECTED", "FAILED").contains(status)) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + id + " did not finish in time");
    }

    /** The job's first errors as row → "column|value|reason" lines, for readable assertions. */
    static Map<Long, List<String>> errors(JsonNode job) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        for (JsonNode e : job.get("errors")) {
            out.computeIfAbsent(e.get("row").asLong(), k -> new java.util.ArrayList<>())
                    .add(e.get("column").asString() + "|" + e.get("value").asString() + "|" + e.get("reason").asString());
        }
        return out;
    }

    long enterprises(String... usccs) {
        return jdbc.sql("select count(*) from enterprise where uscc in (:u)").param("u", List.of(usccs))
                .query(Long.class).single();
    }

    /** Of these enterprises, those whose open status history row matches their status and its date. */
    long withTheirOpenStatus(String[] usccs) {
        return jdbc.sql("""
                select count(*) from enterprise e
                join enterprise_status_history h on h.enterprise_id = e.id and h.effective_to is null
                where e.uscc = any(cast(:u as text[])) and h.status = e.status and h.effective_from = e.status_since
                """).param("u", usccs).query(Long.class).single();
    }

    static String enterpriseRow(String uscc, String name, String region, String industries) {
        return String.join(",", uscc, name, region, industries, "", "", "", "", "", "", "");
    }
}
