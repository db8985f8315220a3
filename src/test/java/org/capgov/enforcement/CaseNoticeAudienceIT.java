package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.shared.ChinaTime;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audience of CASE_OVERDUE: the case's department, the district officers and coordinators covering its region.
 * Enterprise accounts registered under the department or in the region receive nothing. Also CASE_STEP: the case's
 * own enterprise is told, no other.
 */
class CaseNoticeAudienceIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeadlineSweep sweep;
    @Autowired
    Clock clock;

    @Test
    void anOverdueNoticeReachesOfficersAndNoEnterprise() {
        CaseFixtures f = new CaseFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String other = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        people.ensure(TestPeople.person("oa.own", "FL-JXW", Role.ENTERPRISE, "500102", Set.of(), uscc));
        people.ensure(TestPeople.person("oa.other", "FL-JXW", Role.ENTERPRISE, "500102", Set.of(), other));
        people.ensure(TestPeople.person("oa.district", "FL-QZF", Role.DISTRICT_OFFICER, "500102", Set.of(), null));
        f.opened(f.coordinator, uscc, "ENERGY", "2024-08-31", null);

        sweep.sweep(ChinaTime.today(clock));
        List<String> reached = jdbc.sql("""
                select distinct p.username from notification n join person p on p.id = n.person_id
                where n.kind = 'CASE_OVERDUE' and n.dedup_key like 'CASE_OVERDUE:FL-JXW:%' and n.region_path = :path
                order by 1
                """).param("path", "/500000/500102/").query(String.class).list();
        assertThat(reached).contains("oa.district").doesNotContain("oa.own", "oa.other");
    }

    /** CASE_STEP: the enterprise the case is about is told by its USCC; another enterprise of the district is not. */
    @Test
    void aCaseStepReachesTheCasesOwnEnterpriseAndNoOther() {
        CaseFixtures f = new CaseFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String other = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        people.ensure(TestPeople.person("oa.step-own", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), uscc));
        people.ensure(TestPeople.person("oa.step-other", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), other));
        String id = f.opened(f.coordinator, uscc, "ENERGY", "2024-08-31", null).get("id").asString();

        List<String> reached = jdbc.sql("""
                select distinct p.username from notification n join person p on p.id = n.person_id
                where n.kind = 'CASE_STEP' and n.link = :link order by 1
                """).param("link", "/enforcement/cases/" + id).query(String.class).list();
        assertThat(reached).contains("oa.step-own").doesNotContain("oa.step-other");
    }
}
