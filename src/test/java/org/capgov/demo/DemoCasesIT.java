package org.capgov.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The demo story, told in a district of its own (沙坪坝区) by the coordinator: one case in every state of the
 * rectification flow, with the statuses, lists and notices that follow; the first case is overdue.
 */
class DemoCasesIT extends IntegrationTest {

    static final String REGION = "500106";

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    DemoCases story;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyStateOfTheFlowIsThereAfterTheStory() {
        people.ensure(Role.COORDINATOR);
        Http api = Http.api(port);
        String token = api.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        for (int i = 0; i < DemoCases.PLOTS.size(); i++) {
            String uscc = Uscc.compose("91", REGION, String.format("D%07d", 7_000 + i));
            HttpResponse<String> r = api.json("POST", "/api/v1/enterprises", token, "{\"uscc\":\"" + uscc
                    + "\",\"name\":\"演示故事企业" + i + "\",\"region\":\"" + REGION
                    + "\",\"industries\":[\"STEEL\"],\"statusSince\":\"2010-01-01\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            HttpResponse<String> q = api.json("POST", "/api/v1/enterprises/" + uscc + "/equipment", token, """
                    {"code":"BF1","type":"BLAST_FURNACE","parameters":{"volume_m3":350,"purpose":"GENERAL"},
                     "product":"PIG_IRON","annualCapacity":300000,"commissioned":"2005-05-01"}""");
            assertThat(q.statusCode()).as(q.body()).isEqualTo(201);
        }
        UserDetails coordinator = users.loadUserByUsername(TestPeople.username(Role.COORDINATOR));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                coordinator, null, coordinator.getAuthorities()));
        try {
            assertThat(story.tell(REGION, null)).isEqualTo(DemoCases.PLOTS.size());
        } finally {
            SecurityContextHolder.clearContext();
        }
        Map<String, Long> byState = new java.util.HashMap<>();
        jdbc.sql("select state, count(*) from enforcement_case where region_path like '/500000/" + REGION + "/%' group by 1")
                .query(rs -> {
                    byState.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(byState.keySet()).containsExactlyInAnyOrderElementsOf(List.of("NOTICE_ISSUED", "EXTENSION_REQUESTED",
                "RECTIFICATION_SUBMITTED", "RECTIFIED", "RECTIFICATION_FAILED", "CLOSURE_PROPOSED", "CLOSURE_APPROVED",
                "EXIT_IN_PROGRESS", "EXIT_VERIFIED", "ANNOUNCED"));
        assertThat(jdbc.sql("select count(*) from enforcement_case where region_path like '/500000/" + REGION
                + "/%' and closed_on is null and deadline < current_date").query(Long.class).single()).isPositive();
        // the step after the announcement: the enterprise has exited; the deadline history kept its extension
        assertThat(jdbc.sql("select count(*) from enterprise where region_path like '/500000/" + REGION
                + "/%' and status = 'EXITED'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from case_event v join enforcement_case c on c.id = v.case_id"
                + " where c.region_path like '/500000/" + REGION + "/%' and v.action = 'GRANT_EXTENSION'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
