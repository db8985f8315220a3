package org.capgov.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code %} and {@code _} typed into a search match only themselves, in every text search (issue 14, item 8). */
class LikeWildcardSearchIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    TestPeople people;

    @Test
    void aPercentOrUnderscoreFindsOnlyNamesContainingIt() {
        PublicFixtures.steelWorks(enterprises, equipment, "500102", "通配符测试钢铁有限公司");
        String percent = PublicFixtures.steelWorks(enterprises, equipment, "500102", "百分之百%钢铁有限公司");
        people.ensure(Role.COORDINATOR);
        String token = Http.api(port).token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);

        String all = Http.api(port).get("/api/v1/enterprises?q=", token).body();
        assertThat(total(all)).isGreaterThan(1);
        String registry = Http.api(port).get("/api/v1/enterprises?q=%25", token).body();
        assertThat(total(registry)).isEqualTo(1);
        assertThat(registry).contains(percent);
        assertThat(total(Http.api(port).get("/api/v1/enterprises?q=_", token).body())).isZero();

        String open = Http.api(port).get("/api/v1/public/enterprises?q=%25").body();
        assertThat(total(open)).isEqualTo(1);
        assertThat(open).contains(percent);
        assertThat(total(Http.api(port).get("/api/v1/public/enterprises?q=_").body())).isZero();

        people.ensure(TestPeople.person("t.like_under", "CQ-JXW", Role.OBSERVER, "500000", Set.of(), null));
        String found = Http.api(port).get("/api/v1/people?q=_", token).body();
        assertThat(found).contains("t.like_under").doesNotContain("\"t.coordinator\"");
    }

    private static long total(String json) {
        var m = java.util.regex.Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
