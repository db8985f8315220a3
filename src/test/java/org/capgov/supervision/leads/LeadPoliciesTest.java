package org.capgov.supervision.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.capgov.supervision.leads.LeadPolicies.Desk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    private static final String CITY = "/500000/";
    private static final String FULING = "/500000/500102/";
    private static final String FENGDU = "/500000/500230/";

    /** 涪陵 has its own environment and technology bureaus; the city has one bureau per duty and the office. */
    private static final List<Desk> DESKS = List.of(
            new Desk("CQ-JXW", "GOVERNMENT_DEPARTMENT", CITY, Set.of("TECHNOLOGY")),
            new Desk("CQ-STHJJ", "GOVERNMENT_DEPARTMENT", CITY, Set.of("ENVIRONMENT")),
            new Desk("CQ-FZGGW", "GOVERNMENT_DEPARTMENT", CITY, Set.of("ENERGY")),
            new Desk("CQ-SCJGJ", "GOVERNMENT_DEPARTMENT", CITY, Set.of("QUALITY")),
            new Desk("CQ-YJJ", "GOVERNMENT_DEPARTMENT", CITY, Set.of("SAFETY")),
            new Desk("CQ-LDXZB", "COORDINATION_OFFICE", CITY, Set.of()),
            new Desk("FL-JXW", "GOVERNMENT_DEPARTMENT", FULING, Set.of("TECHNOLOGY")),
            new Desk("FL-STHJJ", "GOVERNMENT_DEPARTMENT", FULING, Set.of("ENVIRONMENT")),
            new Desk("FL-GXQ", "MANAGEMENT_COMMITTEE", FULING, Set.of()),
            new Desk("FL-QZF", "DISTRICT_GOVERNMENT", FULING, Set.of()),
            new Desk("FL-OLD", "GOVERNMENT_DEPARTMENT", "/500000/500101/", Set.of("ENERGY")));

    @ParameterizedTest(name = "{0} in 涪陵 → {1}")
    @CsvSource({
            "SUBSTANDARD_STEEL, FL-JXW", "BACKWARD_EQUIPMENT, FL-JXW", "ILLEGAL_CAPACITY, FL-JXW",
            "POLLUTION, FL-STHJJ", "ENERGY, CQ-FZGGW", "QUALITY, CQ-SCJGJ", "SAFETY, CQ-YJJ", "OTHER, FL-QZF"})
    void everyMatterOfThePublicFormGoesToTheNearestDepartmentOfItsDuty(String matter, String department) {
        assertThat(LeadPolicies.route(matter, FULING + "500102001/", DESKS, "CQ-LDXZB")).isEqualTo(department);
    }

    @ParameterizedTest(name = "{0} in 丰都 → {1}")
    @CsvSource({
            "SUBSTANDARD_STEEL, CQ-JXW", "BACKWARD_EQUIPMENT, CQ-JXW", "ILLEGAL_CAPACITY, CQ-JXW",
            "POLLUTION, CQ-STHJJ", "ENERGY, CQ-FZGGW", "QUALITY, CQ-SCJGJ", "SAFETY, CQ-YJJ", "OTHER, CQ-LDXZB"})
    void withoutADistrictBureauTheCitysDepartmentTakesTheLead(String matter, String department) {
        assertThat(LeadPolicies.route(matter, FENGDU, DESKS, "CQ-LDXZB")).isEqualTo(department);
    }

    @Test
    void everyMatterOfTheFormIsCoveredAndOnlyOtherHasNoDuty() {
        assertThat(LeadPolicies.MATTERS).hasSize(8);
        for (String m : LeadPolicies.MATTERS) {
            assertThat(LeadPolicies.dimension(m).isEmpty()).as(m).isEqualTo(m.equals("OTHER"));
        }
    }

    @Test
    void aDutyNobodyHoldsGoesToTheDistrictGovernmentBeforeTheManagementCommitteeThenTheFallback() {
        List<Desk> onlyOwners = DESKS.stream().filter(d -> !d.kind().equals("GOVERNMENT_DEPARTMENT")).toList();
        assertThat(LeadPolicies.route("SAFETY", FULING, onlyOwners, "CQ-LDXZB")).isEqualTo("FL-QZF");
        List<Desk> committee = onlyOwners.stream().filter(d -> !d.kind().equals("DISTRICT_GOVERNMENT")).toList();
        assertThat(LeadPolicies.route("SAFETY", FULING, committee, "CQ-LDXZB")).isEqualTo("FL-GXQ");
        assertThat(LeadPolicies.route("SAFETY", FULING, List.of(), "CQ-LDXZB")).isEqualTo("CQ-LDXZB");
    }

    @Test
    void aDepartmentOfAnotherDistrictNeverTakesTheLead() {
        // the 万州 energy desk does not enclose 涪陵, though it is nearer than the city's by path length
        assertThat(LeadPolicies.route("ENERGY", FULING, DESKS, "CQ-LDXZB")).isEqualTo("CQ-FZGGW");
        assertThat(LeadPolicies.route("POLLUTION", "/500000/500101/", DESKS, "CQ-LDXZB")).isEqualTo("CQ-STHJJ");
    }

    @Test
    void aLeadOfNoDutyInAProvinceWithoutACoordinatingOfficeStaysInThatProvince() {
        List<Desk> tianjin = List.of(
                new Desk("TJ-JXW", "GOVERNMENT_DEPARTMENT", "/120000/", Set.of("TECHNOLOGY", "SAFETY")),
                new Desk("TJ-HBJ", "GOVERNMENT_DEPARTMENT", "/120000/", Set.of("ENVIRONMENT")));
        assertThat(LeadPolicies.route("OTHER", "/120000/120101/", tianjin, "CQ-LDXZB")).isEqualTo("TJ-JXW");
        assertThat(LeadPolicies.route("POLLUTION", "/120000/120101/", tianjin, "CQ-LDXZB")).isEqualTo("TJ-HBJ");
    }
}
