package org.capgov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.capgov.identity.Role;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An enterprise's account only ever receives notices about its own enterprise: never through the district
 * government's department it is registered under, never through its region. Each notice type the platform publishes
 * has its own audience test (PublicReportAudienceIT, OverdueNoticeAudienceIT); the last test here fails when a new
 * type appears without one.
 */
class NoticeAudienceIT extends IntegrationTest {

    static final String OWN = "91500102MA5U8A1B06";
    static final String OTHER = "91500102MA5U8A2C07";

    /**
     * Notice kinds published by the platform, each with the test that proves its audience: PUBLIC_REPORT
     * (PublicReportAudienceIT), CASE_OVERDUE (OverdueNoticeAudienceIT), CASE_STEP (CaseNoticesIT: the enterprise of
     * the case hears of every step, its neighbour of none), CAPACITY_WARNING (CapacityWarningsIT: banks are told,
     * enterprises are not), PLAN_OBJECTION_ANSWERED (PlanObjectionAnswerIT: the objecting enterprise or person alone).
     */
    static final Set<String> KINDS_WITH_AUDIENCE_TEST = Set.of("PUBLIC_REPORT", "CASE_OVERDUE", "CASE_STEP",
            "CAPACITY_WARNING", "PLAN_OBJECTION_ANSWERED");

    /**
     * Notice kinds for officials only: they are addressed to departments and roles, never to an enterprise, so the
     * first two tests here are their audience test (a department's or a role's notice reaches no enterprise account).
     * The last test checks that no file publishing one of them ever addresses an enterprise.
     */
    static final Set<String> KINDS_FOR_OFFICIALS_ONLY = Set.of("POWER_LEAD", "SUPERVISION_CONTRIBUTION",
            "SUPERVISION_DUBAN", "SUPERVISION_DUE_SOON", "SUPERVISION_LEAD", "SUPERVISION_REPORT", "SUPERVISION_TONGBAO",
            "TELEMETRY_QUALITY");

    @Autowired
    NoticeFixtures fixtures;
    @Autowired
    TestPeople people;

    @BeforeEach
    void accounts() {
        people.ensure(TestPeople.person("na.own", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), OWN));
        people.ensure(TestPeople.person("na.other", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), OTHER));
        fixtures.person("na.district", "FL-QZF", Role.DISTRICT_OFFICER, "500102");
    }

    @Test
    void aDepartmentNoticeReachesItsStaffButNotTheEnterprisesRegisteredUnderIt() {
        String key = NoticeFixtures.key();
        fixtures.publish(Notice.of("TEST", "区政府部门通知", "").inRegion(NoticeFixtures.FULING).toDepartments("FL-QZF")
                .once(key));
        assertThat(fixtures.recipients(key)).contains("na.district").doesNotContain("na.own", "na.other");
    }

    @Test
    void theEnterpriseRoleWithoutAnEnterpriseReachesNoEnterprise() {
        String key = NoticeFixtures.key();
        fixtures.publish(Notice.of("TEST", "区域通知", "").inRegion(NoticeFixtures.FULING)
                .toRoles(Role.ENTERPRISE, Role.DISTRICT_OFFICER).once(key));
        assertThat(fixtures.recipients(key)).contains("na.district").doesNotContain("na.own", "na.other");
    }

    @Test
    void aNoticeAboutAnEnterpriseReachesThatEnterpriseAlone() {
        String key = NoticeFixtures.key();
        fixtures.publish(Notice.of("TEST", "关于本企业的通知", "").inRegion(NoticeFixtures.FULING).toDepartments("FL-QZF")
                .toEnterprise(OWN).once(key));
        assertThat(fixtures.recipients(key)).contains("na.own", "na.district").doesNotContain("na.other");
    }

    @Test
    void aNoticeToAPersonByNameReachesThatPersonAlone() {
        String key = NoticeFixtures.key();
        fixtures.publish(Notice.of("TEST", "致本人的通知", "").inRegion(NoticeFixtures.FULING).toPeople("na.district")
                .once(key));
        assertThat(fixtures.recipients(key)).containsExactly("na.district");
    }

    @Test
    void everyNoticeKindPublishedHasAnAudienceTest() throws IOException {
        Pattern kind = Pattern.compile("new Notice\\(\\s*\"([A-Z_]+)\"|Notice\\.of\\(\\s*\"([A-Z_]+)\"");
        Set<String> published = new TreeSet<>();
        List<String> officialKindsAddressingEnterprises = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = kind.matcher(source);
                while (m.find()) {
                    String k = m.group(1) != null ? m.group(1) : m.group(2);
                    published.add(k);
                    if (KINDS_FOR_OFFICIALS_ONLY.contains(k) && source.contains("toEnterprise(")) {
                        officialKindsAddressingEnterprises.add(k + " in " + file.getFileName());
                    }
                }
            }
        }
        assertThat(published).isNotEmpty();
        Set<String> covered = new TreeSet<>(KINDS_WITH_AUDIENCE_TEST);
        covered.addAll(KINDS_FOR_OFFICIALS_ONLY);
        assertThat(covered).as("notice kinds with an audience test").containsAll(published);
        assertThat(officialKindsAddressingEnterprises).as("officials' notice kinds that address an enterprise").isEmpty();
    }
}
