package org.capgov.supervision.leads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Routing of leads by matter (readings S7, S8) and the steps of their handling. */
class LeadPoliciesTest {

    @Test
    void substandardSteelAndBackwardEquipmentGoToTheTechnologyDepartment() {
        assertThat(LeadPolicies.dimension("SUBSTANDARD_STEEL")).contains("TECHNOLOGY");
        assertThat(LeadPolicies.dimension("BACKWARD_EQUIPMENT")).contains("TECHNOLOGY");
        assertThat(LeadPolicies.dimension("POLLUTION")).contains("ENVIRONMENT");
        assertThat(LeadPolicies.dimension("OTHER")).isEmpty();
    }

    @Test
    void everyMatterHasAList() {
        for (String m : LeadPolicies.MATTERS) {
            assertThat(LeadPolicies.list(m)).isNotBlank();
        }
        assertThat(LeadPolicies.list("SUBSTANDARD_STEEL")).isEqualTo("SUBSTANDARD_STEEL");
        assertThat(LeadPolicies.list("BACKWARD_EQUIPMENT")).isEqualTo("BACKWARD_CAPACITY");
    }

    @Test
    void aLeadIsRegisteredOnlyAfterVerificationAndClosedLeadsStayClosed() {
        assertThat(LeadPolicies.next("RECEIVED", "REGISTER")).isEmpty();
        assertThat(LeadPolicies.next("RECEIVED", "VERIFY")).contains("VERIFYING");
        assertThat(LeadPolicies.next("VERIFYING", "REGISTER")).contains("REGISTERED");
        assertThat(LeadPolicies.next("RECEIVED", "CLOSE")).contains("CLOSED");
        assertThat(LeadPolicies.allowed("CLOSED")).isEmpty();
        assertThat(LeadPolicies.allowed("REGISTERED")).isEmpty();
        assertThat(LeadPolicies.open("VERIFYING")).isTrue();
        assertThat(LeadPolicies.open("REGISTERED")).isFalse();
    }
}
