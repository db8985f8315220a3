package org.capgov.supervision.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.shared.Dimension;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lead about pollution goes to the environment bureau of its district (reading S7), and that bureau closes it with
 * the reason the reporter then reads; without a reason nothing changes. Another bureau may not close it.
 */
class LeadClosingIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    PublicLeadService leads;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDistrictsEnvironmentBureauClosesAPollutionLeadWithAReason() {
        testPeople.ensure(TestPeople.person("lead.fl.env", "FL-STHJJ", Role.DEPARTMENT_OFFICER, "500102",
                Set.of(Dimension.ENVIRONMENT), null));
        testPeople.ensure(TestPeople.person("lead.fl.coord", "FL-JXW", Role.DEPARTMENT_OFFICER, "500102",
                Set.of(Dimension.TECHNOLOGY), null));
        Lead lead = SystemActor.call(() -> leads.submit(new PublicLeadService.Submission("POLLUTION", "500102",
                "涪陵区李渡街道河边无名小作坊（关闭测试）", null, null, "夜间冒黑烟", "13800000000", null), List.of(), "WEB"));
        assertThat(lead.departmentCode()).isEqualTo("FL-STHJJ");
        String path = "/supervision/leads/" + lead.trackingNo() + "/close";

        Http other = Http.browser(port);
        other.login("lead.fl.coord", TestPeople.PASSWORD);
        other.post(path, Map.of("reply", "经核查无此情况"));
        assertThat(state(lead)).isEqualTo("RECEIVED");

        Http bureau = Http.browser(port);
        bureau.login("lead.fl.env", TestPeople.PASSWORD);
        bureau.post(path, Map.of("reply", " "));
        assertThat(state(lead)).isEqualTo("RECEIVED");
        bureau.post(path, Map.of("reply", "经现场核查，该作坊已于上月自行拆除"));
        assertThat(state(lead)).isEqualTo("CLOSED");

        String status = Http.browser(port).get("/public/leads/" + lead.trackingNo()).body();
        assertThat(status).contains("经现场核查，该作坊已于上月自行拆除").doesNotContain("13800000000");
    }

    private String state(Lead lead) {
        return jdbc.sql("select state from supervision_lead where tracking_no = :t").param("t", lead.trackingNo())
                .query(String.class).single();
    }
}
