package org.capgov.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audience of PUBLIC_REPORT: the owning (or forwarded-to) department's staff. No enterprise account receives it,
 * neither the reported company's (the report may be about it, and its sender is confidential) nor, above all, another
 * company's registered under the same district government.
 */
class PublicReportAudienceIT extends IntegrationTest {

    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    PublicReportService reports;
    @Autowired
    PublicReportRateLimit rateLimit;
    @Autowired
    TestPeople people;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPublicReportReachesTheDistrictsStaffAndNoEnterprise() {
        rateLimit.reset();
        String reported = PublicFixtures.steelWorks(enterprises, equipment, "500102", "受众测试钢铁有限公司甲");
        String neighbour = PublicFixtures.steelWorks(enterprises, equipment, "500102", "受众测试钢铁有限公司乙");
        people.ensure(TestPeople.person("pa.reported", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), reported));
        people.ensure(TestPeople.person("pa.neighbour", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), neighbour));
        people.ensure(TestPeople.person("pa.eco", "CQ-STHJJ", Role.ENTERPRISE, "500102", Set.of(), neighbour));
        people.ensure(Role.DISTRICT_OFFICER);

        PublicReport r = reports.submit(reported, new PublicReportService.Submission("WRONG_DATA", "产能数据有误", null,
                null, null), "203.0.113.9");
        assertThat(r.departmentCode()).isEqualTo("FL-QZF");
        assertThat(recipients(r.trackingNo())).contains(TestPeople.username(Role.DISTRICT_OFFICER))
                .doesNotContain("pa.reported", "pa.neighbour", "pa.eco");

        SystemActor.run(() -> reports.act(r.trackingNo(), new PublicReportService.Action("FORWARD", null, "属生态环境事项",
                "CQ-STHJJ", null)));
        assertThat(recipients(r.trackingNo())).doesNotContain("pa.reported", "pa.neighbour", "pa.eco");
    }

    private List<String> recipients(String trackingNo) {
        return jdbc.sql("""
                select p.username from notification n join person p on p.id = n.person_id
                where n.kind = 'PUBLIC_REPORT' and n.link = :link order by p.username
                """).param("link", "/reports/" + trackingNo).query(String.class).list();
    }
}
