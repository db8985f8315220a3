package org.capgov.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audience of CAPACITY_WARNING: industry departments, coordinators and financial institutions of the region. A
 * warning is about a product in a region, not about one enterprise: no enterprise account receives it, not even
 * that of a works whose output made the warning.
 */
class CapacityWarningAudienceIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCapacityWarningReachesNoEnterprise() {
        Enterprise works = new CapacityFixtures(enterprises, equipment).cementWorks("500241", 365_000,
                LocalDate.of(2010, 1, 1));
        people.ensure(TestPeople.person("cw.works", "CQ-JXW", Role.ENTERPRISE, "500241", Set.of(), works.uscc()));
        people.ensure(Role.COORDINATOR);
        people.ensure(Role.FINANCIAL_INSTITUTION);
        String coordinator = Http.api(port).token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        HttpResponse<String> r = Http.api(port).json("POST", "/api/v1/output", coordinator,
                OutputReportsIT.report(works.uscc(), "CLINKER", "2025-07", "23715", "t", "STATISTICS"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(Http.api(port).json("POST", "/api/v1/capacity/warnings/evaluate?period=2025-07", coordinator, "")
                .statusCode()).isEqualTo(200);

        assertThat(jdbc.sql("select count(*) from notification where kind = 'CAPACITY_WARNING'").query(Long.class)
                .single()).isPositive();
        assertThat(jdbc.sql("""
                select count(*) from notification n join membership m on m.person_id = n.person_id
                where n.kind = 'CAPACITY_WARNING' and m.role = 'ENTERPRISE'
                """).query(Long.class).single()).isZero();
    }
}
