package org.capgov.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Who accepts an annual report (reading S11): the level above a district; the city records the ministries' reply. */
class ReportingChainPoliciesTest {

    @Test
    void aDistrictsReportIsDecidedOverTheCity() {
        assertThat(ReportingChainPolicies.decidedOver("/500000/500102/", "DISTRICT")).isEqualTo("/500000/");
        assertThat(ReportingChainPolicies.decidedOver("/500000/509001/509001001/", "DISTRICT"))
                .isEqualTo("/500000/509001/");
    }

    @Test
    void theCitysReportIsRecordedByTheCityItself() {
        assertThat(ReportingChainPolicies.decidedOver("/500000/", "CITY")).isEqualTo("/500000/");
    }

    @Test
    void theRootHasNoParentAndAMalformedPathIsRefused() {
        assertThat(ReportingChainPolicies.parent("/500000/")).isEqualTo("/500000/");
        assertThatThrownBy(() -> ReportingChainPolicies.parent("500000")).isInstanceOf(IllegalArgumentException.class);
    }
}
