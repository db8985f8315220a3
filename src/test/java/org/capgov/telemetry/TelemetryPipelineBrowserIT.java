package org.capgov.telemetry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.BrowserSession;
import org.capgov.support.IntegrationTest;
import org.capgov.support.MovableClock;
import org.capgov.support.TestPeople;
import org.capgov.telemetry.gateway.TelemetryGateway;
import org.capgov.telemetry.quality.QualityService;
import org.capgov.telemetry.simulator.LoggerSimulator;
import org.capgov.telemetry.validity.AggregationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The online monitoring pipeline end to end: a stack-gas logger registered in lenient mode (Modbus CRC) plays four
 * hours of minute data over real TCP with SO₂ frozen at 40 mg/m³; the averaging pass makes hourly means and feeds
 * them to monitoring as ONLINE_MONITORING measurements with a batch audit entry per hour; the quality pass raises a
 * frozen-value alert that reaches the environment department's inbox; then, in Chromium, the live chart with its limit
 * line and the alert with the chart around it. Screenshots: target/screenshots/telemetry-*.png.
 */
class TelemetryPipelineBrowserIT extends IntegrationTest {

    static final String MN = "PIPELINEGAS0000000000001";
    static final String SILENT_MN = "PIPELINEGAS0000000000002";
    static final String HIGH_MN = "PIPELINEGAS0000000000003";

    @Autowired
    TelemetryGateway gateway;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    AggregationService aggregation;
    @Autowired
    QualityService quality;
    @Autowired
    TestPeople people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @LocalServerPort
    int port;

    static String uscc;
    static LocalDateTime start;
    static List<LoggerSimulator.Outcome> outcomes;

    @BeforeEach
    void played() throws Exception {
        if (uscc != null) {
            return;
        }
        people.ensure(Role.COORDINATOR);
        people.ensure(Role.DEPARTMENT_OFFICER);
        uscc = Uscc.compose("91", "500102", "T2120077");
        SystemActor.run(() -> {
            enterprises.create(new EnterpriseDraft(uscc, "测试在线监测水泥管道有限公司", "500102", List.of("CEMENT"), null, null,
                    null, null, null, null, null, null));
            equipment.create(uscc, new EquipmentDraft("KILN1", null, "CEMENT_KILN", Map.of("process", "NSP", "clinker_t_per_d", 3000), "CLINKER",
                    new BigDecimal("1000000"), LocalDate.of(2012, 5, 1), null, null, null));
        });
        Http http = Http.api(port);
        String token = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        for (String mn : List.of(MN, SILENT_MN, HIGH_MN)) {
            HttpResponse<String> r = http.json("POST", "/api/v1/telemetry/loggers", token, "{\"mn\":\"" + mn
                    + "\",\"password\":\"654321\",\"st\":\"31\",\"uscc\":\"" + uscc + "\",\"equipmentRef\":\"KILN1\","
                    + "\"factors\":{\"a21026\":\"so2_conc\",\"a21002\":\"nox_conc\",\"a34013\":\"pm_conc\"},"
                    + "\"monitoringPoint\":\"STACK\",\"tolerances\":[\"MODBUS_CRC\"]}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        // four whole hours of minute data ending at least an hour ago, so that every hour can be averaged
        start = LocalDateTime.now(clock.withZone(ChinaTime.ZONE)).truncatedTo(ChronoUnit.HOURS).minusHours(5);
        LoggerSimulator sim = new LoggerSimulator("localhost", gateway.port());
        outcomes = sim.playAll(List.of(
                LoggerSimulator.stackGas(MN, "654321", 40, true, LoggerSimulator.Fault.MODBUS_CRC)), start, 240);
        // one hour far above any SO2 limit of the catalogue: an exceedance with its raw packets
        sim.play(LoggerSimulator.stackGas(HIGH_MN, "654321", 900, false, LoggerSimulator.Fault.NONE), start, 60);
        aggregation.run();
        quality.run();
    }

    @Test
    void minuteDataBecomeHourlyMeasurementsAuditedBatchesAndAFrozenValueAlert() {
        LoggerSimulator.Outcome o = outcomes.get(0);
        assertThat(o.replies()).hasSize(240).allMatch(r -> r.contains("CN=9014"));
        long loggerId = jdbc.sql("select id from telemetry_logger where mn = :mn").param("mn", MN).query(Long.class)
                .single();
        // every packet needed the Modbus tolerance, and each use was counted
        assertThat(jdbc.sql("select uses from telemetry_tolerance_use where logger_id = :id and tolerance = 'MODBUS_CRC'")
                .param("id", loggerId).query(Long.class).single()).isEqualTo(240L);
        assertThat(jdbc.sql("select count(*) from telemetry_packet where logger_id = :id and raw_sha256 is not null")
                .param("id", loggerId).query(Long.class).single()).isEqualTo(240L);
        // four valid hourly means of SO2, each 40, each a measurement from online monitoring
        List<Map<String, Object>> hours = jdbc.sql("""
                select a.mean, a.valid_count, a.valid, m.source, m.value, m.attributes::text as attrs
                from telemetry_aggregate a join measurement m on m.id = a.measurement_id
                where a.logger_id = :id and a.period = 'HOUR' and a.factor = 'a21026' order by a.period_start""")
                .param("id", loggerId).query().listOfRows();
        assertThat(hours).hasSize(4);
        assertThat(hours).allSatisfy(h -> {
            assertThat(((Number) h.get("mean")).doubleValue()).isEqualTo(40.0);
            assertThat(h.get("valid_count")).isEqualTo(60);
            assertThat(h.get("source")).isEqualTo("ONLINE_MONITORING");
            assertThat(new BigDecimal(h.get("value").toString())).isEqualByComparingTo("40");
            assertThat(h.get("attrs").toString()).contains("HOURLY_MEAN").contains(MN);
        });
        // one audit entry per logger-hour, naming the packets by a hash over their hashes
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'telemetry_batch' and entity_id like :mn")
                .param("mn", MN + "@%").query(Long.class).single()).isEqualTo(4L);
        // the frozen SO2 became an alert, delivered to the environment department's officer
        assertThat(jdbc.sql("""
                select count(*) from telemetry_quality_alert where logger_id = :id and policy = 'FROZEN_VALUE'
                  and factor = 'a21026'""").param("id", loggerId).query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("""
                select count(*) from notification n join person p on p.id = n.person_id
                where p.username = :u and n.kind = 'TELEMETRY_QUALITY' and n.title like :mn""")
                .param("u", TestPeople.username(Role.DEPARTMENT_OFFICER)).param("mn", "%" + MN + "%")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1L);
        // a second pass finds the same alert and raises nothing new
        assertThat(quality.run()).isZero();
    }

    @Test
    void liveChartAndFrozenValueAlertInTheBrowser() {
        BrowserSession.assumeChromium("TelemetryPipelineBrowserIT");
        Path shots = Path.of("target", "screenshots");
        shots.toFile().mkdirs();
        String base = "http://localhost:" + port;
        try (BrowserSession browser = BrowserSession.open(port)) {
            Page page = browser.login(TestPeople.username(Role.DEPARTMENT_OFFICER));

            page.click("#nav-telemetry");
            assertThat(page.locator("#logger-" + MN)).containsText("在线");
            assertThat(page.locator("#logger-" + MN)).containsText("Modbus 校验码");
            assertThat(page.locator("#logger-" + SILENT_MN)).containsText("从未上线");
            page.click("#logger-" + MN + " a");
            assertThat(page.locator("#logger-tolerances")).containsText("已用 240 次");
            // the SO2 chart: 240 points, a line, and the limit of the catalogue as a dashed line
            assertThat(page.locator("#chart-a21026 figcaption")).containsText("240 个数据");
            assertThat(page.locator("#chart-a21026 polyline.chart-line")).hasCount(1);
            assertThat(page.locator("#chart-a21026 line.chart-limit")).hasCount(1);
            assertThat(page.locator("#chart-a21026 .chart-limit-text")).containsText("限值");
            // four hours of four factors: the oxygen is averaged too, though it maps to no metric
            assertThat(page.locator("#hourly-table tbody tr")).hasCount(16);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("telemetry-live.png")).setFullPage(true));

            page.click("#nav-telemetry-alerts");
            assertThat(page.locator("#alert-table tr[data-policy=FROZEN_VALUE]").first()).containsText("二氧化硫");
            page.locator("#alert-table tr[data-policy=FROZEN_VALUE] a").first().click();
            assertThat(page.locator("#alert-title")).hasText("数值长时间不变");
            assertThat(page.locator("#alert-detail")).containsText("恒为 40");
            assertThat(page.locator("#chart-a21026 rect.chart-window")).hasCount(1);
            assertThat(page.locator("#chart-a21026 polyline.chart-line")).hasCount(1);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("telemetry-alert.png")).setFullPage(true));

            page.navigate(base + "/telemetry/overview");
            assertThat(page.locator("#district-500102")).isVisible();

            // the enterprise page itself lists the exceedance with its limit, rule and citation, and opens onto the
            // raw packets behind it
            page.navigate(base + "/registry/enterprises/" + uscc);
            assertThat(page.locator("#online-exceedance-table tr.online-exceedance")).hasCount(1);
            assertThat(page.locator("#online-exceedance-0")).containsText("小时均值");
            assertThat(page.locator("#online-exceedance-0")).containsText("900.");
            assertThat(page.locator("#online-exceedance-0")).containsText("mg/m³");
            assertThat(page.locator("#online-exceedance-0")).containsText(HIGH_MN);
            assertThat(page.locator("#online-exceedance-0 a[href*='/catalog/rules/']")).hasCount(1);
            assertThat(page.locator("#online-exceedance-0 .online-citation")).not().isEmpty();
            assertThat(page.locator(".online-evidence .online-packets").first()).not().isVisible();
            page.locator(".online-evidence summary").first().click();
            assertThat(page.locator(".online-evidence .online-packets tbody tr")).hasCount(60);
            assertThat(page.locator(".online-evidence .online-packets").first()).containsText("MN=" + HIGH_MN);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("telemetry-enterprise-page.png"))
                    .setFullPage(true));
            page.navigate(base + "/registry/enterprises/" + uscc + "?lang=en");
            assertThat(page.locator("#online-exceedances h2")).containsText("Online monitoring exceedances");
            assertThat(page.locator("#online-exceedance-0")).containsText("Hourly mean");
            page.navigate(base + "/registry/enterprises/" + uscc + "?lang=zh");
            page.click("#enterprise-telemetry a");
            assertThat(page.locator("#exceedance-table tbody tr")).hasCount(1);
            assertThat(page.locator("#exceedance-table")).containsText("二氧化硫");
            assertThat(page.locator("#exceedance-table")).containsText(HIGH_MN);
            page.locator("#exceedance-table a").first().click();
            assertThat(page.locator("#raw-packets tbody tr")).hasCount(60);
            assertThat(page.locator("#raw-packets")).containsText("MN=" + HIGH_MN);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("telemetry-exceedance.png"))
                    .setFullPage(true));
        }
    }
}
