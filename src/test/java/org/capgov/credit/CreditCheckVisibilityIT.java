package org.capgov.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A credit check is seen by its caller and by the overseers (coordinator, observer, administrator) whose scope covers
 * the enterprise checked; a coordinator of another district, or another bank, gets 404 (issue 14, item 9).
 */
class CreditCheckVisibilityIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    private String token(String username, String department, Role role, String region) {
        people.ensure(TestPeople.person(username, department, role, region, Set.of(), null));
        return Http.api(port).token(username, TestPeople.PASSWORD);
    }

    @Test
    void aBanksCheckIsSeenByItsCallerAndTheOverseersOfTheEnterprisesRegionOnly() {
        Enterprise e = new CreditFixtures(enterprises, events, transaction).enterprise("500102");
        String bank = token("t.cv-bank", "CQ-RHFH", Role.FINANCIAL_INSTITUTION, "500000");
        String body = Http.api(port).get("/api/v1/credit/check?uscc=" + e.uscc(), bank).body();
        Matcher m = Pattern.compile("\"checkId\":\"([^\"]+)\"").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        String path = "/api/v1/credit/checks/" + m.group(1);

        assertThat(Http.api(port).get(path, bank).statusCode()).isEqualTo(200);
        assertThat(Http.api(port).get(path, token("t.cv-fl-coord", "FL-JXW", Role.COORDINATOR, "500102"))
                .statusCode()).isEqualTo(200);
        assertThat(Http.api(port).get(path, token("t.cv-cq-observer", "CQ-LDXZB", Role.OBSERVER, "500000"))
                .statusCode()).isEqualTo(200);
        assertThat(Http.api(port).get(path, token("t.cv-wz-coord", "CQ-JXW", Role.COORDINATOR, "500101"))
                .statusCode()).isEqualTo(404);
        assertThat(Http.api(port).get(path, token("t.cv-other-bank", "CQ-RHFH", Role.FINANCIAL_INSTITUTION, "500000"))
                .statusCode()).isEqualTo(404);
    }
}
