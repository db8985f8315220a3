package org.capgov.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.capgov.support.Http;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;

/** The capacity pages over real HTTP: the output form, utilisation, evaluation, warnings, public page, target board. */
class CapacityPagesIT extends CapacityFixtures {

    @Test
    void anOfficerReportsThroughTheFormAndTheWarningReachesThePages() {
        Enterprise works = cementWorks("500237", 365_000, LocalDate.of(2010, 1, 1));
        Http coordinator = session(Role.COORDINATOR);

        HttpResponse<String> wrongUnit = coordinator.post("/capacity/output", Map.of("uscc", works.uscc(),
                "product", "CLINKER", "month", "2025-07", "quantity", "100", "unit", "重量箱", "source", "STATISTICS"));
        assertThat(wrongUnit.statusCode()).isEqualTo(302);
        assertThat(coordinator.get("/capacity/output?uscc=" + works.uscc()).body()).contains("不是同一量纲");
        HttpResponse<String> taken = coordinator.post("/capacity/output", Map.of("uscc", works.uscc(),
                "product", "CLINKER", "month", "2025-07", "quantity", "2.1", "unit", "万t", "source", "STATISTICS"));
        assertThat(taken.statusCode()).isEqualTo(302);
        String form = coordinator.get("/capacity/output?uscc=" + works.uscc()).body();
        assertThat(form).contains("已接收").contains("水泥熟料").contains("21000 t").contains("统计部门");

        // 21,000 of 31,000 t is 67.7 %: severe overcapacity
        String page = coordinator.get("/capacity?product=CLINKER&region=500237&period=2025-07").body();
        assertThat(page).contains("id=\"utilisation-value\">67.7%<").contains("巫山县").doesNotContain("CLINKER<");

        assertThat(coordinator.post("/capacity/warnings/evaluate", Map.of("period", "2025-07")).statusCode()).isEqualTo(302);
        String list = coordinator.get("/capacity/warnings?region=500237&status=OPEN").body();
        assertThat(list).contains("评估完成").contains("产能严重过剩").contains("巫山县").contains("2025-07");
        long id = jdbc.sql("select id from capacity_warning where region_code = '500237' and product = 'CLINKER'")
                .query(Long.class).single();
        String detail = session(Role.FINANCIAL_INSTITUTION).get("/capacity/warnings/" + id).body();
        assertThat(detail).contains("产能严重过剩").contains("渝府发〔2014〕3号").contains("二、（八）").contains("67.7%");

        String open = Http.browser(port).get("/public/capacity-warnings").body();
        assertThat(open).contains("巫山县").contains("产能严重过剩").contains("不公布（报送企业过少）")
                .doesNotContain(works.uscc()).doesNotContain(works.name()).contains("57");

        String bad = coordinator.get("/capacity?product=CLINKER&region=500237&period=2025-Q7").body();
        assertThat(bad).contains("报告期 2025-Q7 无效");
    }

    @Test
    void theTargetBoardShowsChineseStatusesAndExportsAWorkbook() throws Exception {
        Http observer = session(Role.OBSERVER);
        String board = observer.get("/capacity/targets?region=500000&asOf=2018-12-31").body();
        assertThat(board).contains("CQ2014-TARGET-UTIL-STEEL-2018").contains("产能利用率").contains("钢铁")
                .contains("渝府发〔2014〕3号").containsAnyOf("无数据", "已完成", "未完成");
        assertThat(board).doesNotContain(">NO_DATA<").doesNotContain(">MISSED<");

        String token = Http.api(port).token(TestPeople.username(Role.OBSERVER), TestPeople.PASSWORD);
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + "/capacity/targets.xlsx?region=500000&asOf=2018-12-31")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("目标编号");
            assertThat(sheet.getLastRowNum()).isEqualTo(19);
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isIn("已完成", "进度正常", "有风险", "未完成", "无数据");
        }
    }
}
