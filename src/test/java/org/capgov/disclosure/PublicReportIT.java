package org.capgov.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.notification.Notice;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Reports from the public: the anonymous form, routing to the record's owner, the public status, the officers' work. */
@RecordApplicationEvents
class PublicReportIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    PublicReportService reports;
    @Autowired
    PublicReportRateLimit rateLimit;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void freshAllowance() {
        // every test here submits from the same address
        rateLimit.reset();
    }

    @Test
    void anAnonymousReportIsRoutedToTheDistrictAndTrackedToItsPublicReply() {
        String code = PublicFixtures.steelWorks(enterprises, equipment, "500102", "举报测试钢铁有限公司甲");
        testPeople.ensure(Role.DISTRICT_OFFICER);
        PublicVisitor visitor = new PublicVisitor(port);
        assertThat(visitor.get("/public/enterprises/" + code).body()).contains("/public/enterprises/" + code + "/report");
        assertThat(visitor.get("/public/enterprises/" + code + "/report").statusCode()).isEqualTo(200);
        HttpResponse<String> sent = visitor.post("/public/enterprises/" + code + "/report", Map.of("category", "WRONG_STATUS",
                "text", "该高炉已于去年拆除，名录仍显示在产。", "contact", "13900001111", "website", ""), true);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String location = sent.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/public/reports/JB-");
        String trackingNo = location.substring(location.lastIndexOf('/') + 1);

        HttpResponse<String> status = visitor.get("/public/reports/" + trackingNo);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains(trackingNo, "已收到您的报告", "区人民政府", "data-state=\"RECEIVED\"")
                .doesNotContain("13900001111", "该高炉已于去年拆除");
        assertThat(jdbc.sql("select department_code || '|' || contact from public_report where tracking_no = :t")
                .param("t", trackingNo).query(String.class).single()).isEqualTo("FL-QZF|13900001111");

        // the district officer of 涪陵 (区人民政府) finds it in the inbox and works it; the contact is shown to them
        assertThat(jdbc.sql("""
                select count(*) from notification n join person p on p.id = n.person_id
                where p.username = :u and n.link = :link and n.kind = 'PUBLIC_REPORT'
                """).param("u", TestPeople.username(Role.DISTRICT_OFFICER)).param("link", "/reports/" + trackingNo)
                .query(Long.class).single()).isEqualTo(1);
        Http district = Http.browser(port);
        district.login(TestPeople.username(Role.DISTRICT_OFFICER), TestPeople.PASSWORD);
        assertThat(district.get("/reports").body()).contains(trackingNo);
        assertThat(district.get("/reports/" + trackingNo).body()).contains("13900001111", "该高炉已于去年拆除");
        // START before ASSIGN is refused and changes nothing
        district.post("/reports/" + trackingNo + "/actions", Map.of("action", "START"));
        assertThat(state(trackingNo)).isEqualTo("RECEIVED");
        assertThat(district.post("/reports/" + trackingNo + "/actions", Map.of("action", "ASSIGN")).statusCode()).isEqualTo(302);
        assertThat(district.post("/reports/" + trackingNo + "/actions", Map.of("action", "START")).statusCode()).isEqualTo(302);
        // a reply is required to close, and it is what the public sees
        district.post("/reports/" + trackingNo + "/actions", Map.of("action", "RESOLVE", "note", "内部：已核实"));
        assertThat(state(trackingNo)).isEqualTo("IN_PROGRESS");
        district.post("/reports/" + trackingNo + "/actions", Map.of("action", "RESOLVE", "reply", "经核实已更正名录状态。",
                "note", "内部备注不公开"));
        assertThat(state(trackingNo)).isEqualTo("RESOLVED");
        String closed = new PublicVisitor(port).get("/public/reports/" + trackingNo).body();
        assertThat(closed).contains("已办结", "经核实已更正名录状态。").doesNotContain("内部备注不公开", "内部：已核实");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'public_report' and entity_id = :t")
                .param("t", trackingNo).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void reportsGoToTheOwnerOfTheRegionAndNotifyIt() {
        String fuling = PublicFixtures.steelWorks(enterprises, equipment, "500102", "举报测试钢铁有限公司乙");
        String liangjiang = PublicFixtures.steelWorks(enterprises, equipment, "509001", "举报测试钢铁有限公司丙");
        String wanzhou = PublicFixtures.steelWorks(enterprises, equipment, "500101", "举报测试钢铁有限公司丁");
        assertThat(submit(fuling).departmentCode()).isEqualTo("FL-QZF");
        assertThat(submit(liangjiang).departmentCode()).isEqualTo("CQ-LJXQ");
        // 万州 has no district government in the department table: the city coordinating office owns the record
        PublicReport w = submit(wanzhou);
        assertThat(w.departmentCode()).isEqualTo(PublicReportService.FALLBACK_OWNER);
        assertThat(events.stream(Notice.class).filter(n -> n.link().equals("/reports/" + w.trackingNo())))
                .singleElement().satisfies(n -> {
                    assertThat(n.departmentCodes()).containsExactly("CQ-LDXZB");
                    assertThat(n.regionPath()).isEqualTo("/500000/500101/");
                    assertThat(n.title()).contains(w.trackingNo());
                });
        // forwarding notifies the new owner
        SystemActor.run(() -> reports.act(w.trackingNo(), new PublicReportService.Action("FORWARD", null, "属生态环境事项",
                "CQ-STHJJ", null)));
        assertThat(events.stream(Notice.class).filter(n -> n.departmentCodes().contains("CQ-STHJJ"))
                .filter(n -> n.link().equals("/reports/" + w.trackingNo()))).hasSize(1);
        assertThat(reports.status(w.trackingNo()).state()).isEqualTo("RECEIVED");
    }

    @Test
    void officersSeeTheReportsOfTheirDepartmentAndRegionOnly() {
        String code = PublicFixtures.steelWorks(enterprises, equipment, "500102", "举报测试钢铁有限公司戊");
        String trackingNo = submit(code).trackingNo();
        testPeople.ensure(TestPeople.person("t.lj.district", "CQ-LJXQ", Role.DISTRICT_OFFICER, "509001", Set.of(), null));
        Http otherRegion = Http.browser(port);
        otherRegion.login("t.lj.district", TestPeople.PASSWORD);
        assertThat(otherRegion.get("/reports").body()).doesNotContain(trackingNo);
        assertThat(otherRegion.get("/reports/" + trackingNo).statusCode()).isEqualTo(404);
        assertThat(otherRegion.post("/reports/" + trackingNo + "/actions", Map.of("action", "ASSIGN")).statusCode()).isEqualTo(404);
        // a city department officer sees the reports of its own department only
        Http env = session(Role.DEPARTMENT_OFFICER);
        assertThat(env.get("/reports").body()).doesNotContain(trackingNo);
        assertThat(env.get("/reports/" + trackingNo).statusCode()).isEqualTo(404);
        // the coordinator sees every report in the city; the observer reads but cannot act
        Http coordinator = session(Role.COORDINATOR);
        assertThat(coordinator.get("/reports").body()).contains(trackingNo);
        Http observer = session(Role.OBSERVER);
        assertThat(observer.get("/reports/" + trackingNo).statusCode()).isEqualTo(200);
        assertThat(observer.post("/reports/" + trackingNo + "/actions", Map.of("action", "ASSIGN")).statusCode()).isEqualTo(403);
        assertThat(session(Role.ENTERPRISE).get("/reports").statusCode()).isEqualTo(403);
        assertThat(state(trackingNo)).isEqualTo("RECEIVED");

        // forwarded to the district environment bureau, the report leaves the district government's list
        coordinator.post("/reports/" + trackingNo + "/actions", Map.of("action", "FORWARD", "department", "FL-STHJJ"));
        assertThat(jdbc.sql("select department_code from public_report where tracking_no = :t").param("t", trackingNo)
                .query(String.class).single()).isEqualTo("FL-STHJJ");
        assertThat(session(Role.DISTRICT_OFFICER).get("/reports/" + trackingNo).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputHoneypotAndMissingCsrfStoreNothing() {
        String code = PublicFixtures.steelWorks(enterprises, equipment, "500102", "举报测试钢铁有限公司己");
        PublicVisitor visitor = new PublicVisitor(port);
        visitor.get("/public/enterprises/" + code + "/report");
        String path = "/public/enterprises/" + code + "/report";
        HttpResponse<String> empty = visitor.post(path, Map.of("category", "OTHER", "text", "  "), true);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("请填写报告内容");
        HttpResponse<String> tooLong = visitor.post(path, Map.of("category", "OTHER", "text", "字".repeat(2001)), true);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("不能超过 2000 字");
        assertThat(visitor.post(path, Map.of("category", "NONSENSE", "text", "x"), true).statusCode()).isEqualTo(400);
        HttpResponse<String> bot = visitor.post(path, Map.of("category", "OTHER", "text", "spam", "website", "http://spam"), true);
        assertThat(bot.statusCode()).isEqualTo(400);
        assertThat(visitor.post(path, Map.of("category", "OTHER", "text", "no token"), false).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from public_report where uscc = :u").param("u", code).query(Long.class).single())
                .isZero();
        assertThat(visitor.post(path, Map.of("category", "OTHER", "text", "字".repeat(2000)), true).statusCode()).isEqualTo(302);
        assertThat(new PublicVisitor(port).get("/public/reports/JB-NOSUCHNUMBER").statusCode()).isEqualTo(404);
    }

    @Test
    void oneAddressMayFileOnlySoManyReportsAnHour() {
        String code = PublicFixtures.steelWorks(enterprises, equipment, "500102", "举报测试钢铁有限公司庚");
        PublicVisitor visitor = new PublicVisitor(port);
        visitor.get("/public/enterprises/" + code + "/report");
        String path = "/public/enterprises/" + code + "/report";
        for (int i = 0; i < rateLimit.perHour(); i++) {
            assertThat(visitor.post(path, Map.of("category", "OTHER", "text", "第 " + i + " 份"), true).statusCode()).isEqualTo(302);
        }
        HttpResponse<String> refused = visitor.post(path, Map.of("category", "OTHER", "text", "再一份"), true);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("提交过于频繁");
        assertThat(jdbc.sql("select count(*) from public_report where uscc = :u").param("u", code).query(Long.class).single())
                .isEqualTo(rateLimit.perHour());
    }

    private PublicReport submit(String uscc) {
        return reports.submit(uscc, new PublicReportService.Submission("WRONG_DATA", "产能数据有误", null, null, null), "203.0.113.7");
    }

    private Http session(Role role) {
        testPeople.ensure(role);
        Http http = Http.browser(port);
        http.login(TestPeople.username(role), TestPeople.PASSWORD);
        return http;
    }

    private String state(String trackingNo) {
        return jdbc.sql("select state from public_report where tracking_no = :t").param("t", trackingNo)
                .query(String.class).single();
    }
}
