package org.capgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NavigationGroupsTest {

    @Test
    void eachPageOpensTheGroupOfItsWork() {
        assertThat(NavigationGroups.of("/registry/enterprises/91500102MA5U8A1B06")).isEqualTo("registry");
        assertThat(NavigationGroups.of("/regions")).isEqualTo("registry");
        assertThat(NavigationGroups.of("/compliance/findings")).isEqualTo("standards");
        assertThat(NavigationGroups.of("/enforcement/cases/12")).isEqualTo("enforcement");
        assertThat(NavigationGroups.of("/credit/check")).isEqualTo("enforcement");
        assertThat(NavigationGroups.of("/capacity/warnings")).isEqualTo("capacity");
        assertThat(NavigationGroups.of("/ledger")).isEqualTo("projects");
        assertThat(NavigationGroups.of("/pricing/objections")).isEqualTo("pricing");
        assertThat(NavigationGroups.of("/telemetry/alerts")).isEqualTo("monitoring");
        assertThat(NavigationGroups.of("/supervision/tasks/3")).isEqualTo("supervision");
        assertThat(NavigationGroups.of("/public/capacity-warnings")).isEqualTo("disclosure");
        assertThat(NavigationGroups.of("/admin/people")).isEqualTo("system");
        assertThat(NavigationGroups.of("/swagger-ui.html")).isEqualTo("system");
    }

    @Test
    void theHomePageAndPagesOfNoGroupBelongToNone() {
        assertThat(NavigationGroups.of("/")).isNull();
        assertThat(NavigationGroups.of("/inbox")).isNull();
        assertThat(NavigationGroups.of(null)).isNull();
        // a prefix is a whole segment: /capacity-x is not /capacity, /publications not /public
        assertThat(NavigationGroups.of("/capacity-x")).isNull();
        assertThat(NavigationGroups.of("/publications")).isNull();
    }
}
