package org.capgov.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;

/**
 * The audience of CAPACITY_WARNING: industry departments, coordinators and financial institutions of the region. A
 * warning is about a product in a region, not about one enterprise: no enterprise account receives it, not even
 * that of a works whose output made the warning.
 */
class CapacityWarningAudienceIT extends CapacityFixtures {

    @Test
    void aCapacityWarningReachesNoEnterprise() {
        Enterprise works = cementWorks("500241", 365_000, LocalDate.of(2010, 1, 1));
        people.ensure(TestPeople.person("cw.works", "CQ-JXW", Role.ENTERPRISE, "500241", Set.of(), works.uscc()));
        people.ensure(Role.FINANCIAL_INSTITUTION);
        String coordinator = token(Role.COORDINATOR);
        reportClinker(coordinator, works, "2025-07", "23715");
        evaluate(coordinator, "2025-07");

        assertThat(jdbc.sql("select count(*) from notification where kind = 'CAPACITY_WARNING'").query(Long.class)
                .single()).isPositive();
        assertThat(jdbc.sql("""
                select count(*) from notification n join membership m on m.person_id = n.person_id
                where n.kind = 'CAPACITY_WARNING' and m.role = 'ENTERPRISE'
                """).query(Long.class).single()).isZero();
    }
}
