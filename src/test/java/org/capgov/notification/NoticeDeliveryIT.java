package org.capgov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.capgov.identity.Role;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Who receives a notice: department members and role holders whose region covers the notice's; nobody else. */
class NoticeDeliveryIT extends IntegrationTest {

    private static final String DEPT = "NT-DELIVERY";
    private static final String OTHER_DEPT = "NT-OTHER";

    @Autowired
    NoticeFixtures fixtures;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void people() {
        fixtures.department(DEPT);
        fixtures.department(OTHER_DEPT);
        fixtures.person("nd.member", DEPT, Role.DEPARTMENT_OFFICER, "500102");
        fixtures.person("nd.member2", DEPT, Role.OBSERVER, "500102");
        fixtures.person("nd.other", OTHER_DEPT, Role.DEPARTMENT_OFFICER, "500102");
        fixtures.person("nd.fl.district", "FL-QZF", Role.DISTRICT_OFFICER, "500102");
        fixtures.person("nd.wz.district", "CQ-JXW", Role.DISTRICT_OFFICER, "500101");
        fixtures.person("nd.cq.coord", "CQ-JXW", Role.COORDINATOR, "500000");
        fixtures.person("nd.fl.coord", "FL-JXW", Role.COORDINATOR, "500102");
        fixtures.person("nd.tj.coord", "TJ-FGW", Role.COORDINATOR, "120000");
        fixtures.person("nd.cq.observer", "CQ-LDXZB", Role.OBSERVER, "500000");
        fixtures.person("nd.fl.disabled", "FL-QZF", Role.DISTRICT_OFFICER, "500102");
        fixtures.setEnabled("nd.fl.disabled", false);
    }

    private Notice overdue(String key) {
        return Notice.of("CASE_OVERDUE", "整改期限已过", "测试企业的整改期限已过。").linkingTo("/inbox")
                .inRegion(NoticeFixtures.FULING).toDepartments(DEPT)
                .toRoles(Role.DISTRICT_OFFICER, Role.COORDINATOR).once(key);
    }

    @Test
    void reachesDepartmentMembersAndTheDistrictAndCoordinatorsCoveringTheRegion() {
        String key = NoticeFixtures.key();
        fixtures.publish(overdue(key));
        List<String> reached = fixtures.recipients(key);
        assertThat(reached).contains("nd.member", "nd.member2", "nd.fl.district", "nd.cq.coord", "nd.fl.coord")
                .doesNotContain("nd.other", "nd.wz.district", "nd.tj.coord", "nd.cq.observer", "nd.fl.disabled");
        assertThat(reached).doesNotHaveDuplicates();
    }

    @Test
    void aDistrictNoticeDoesNotReachAnotherDistrictsOfficers() {
        String key = NoticeFixtures.key();
        fixtures.publish(Notice.of("TEST", "万州区通知", "仅万州区").inRegion("/500000/500101/")
                .toRoles(Role.DISTRICT_OFFICER).once(key));
        assertThat(fixtures.recipients(key)).contains("nd.wz.district").doesNotContain("nd.fl.district", "nd.cq.coord");
    }

    @Test
    void departmentsAloneReachOnlyTheirMembers() {
        String key = NoticeFixtures.key();
        fixtures.publish(Notice.of("TEST", "部门通知", "").toDepartments(OTHER_DEPT).once(key));
        assertThat(fixtures.recipients(key)).containsExactly("nd.other");
    }

    @Test
    void theSameDedupKeyIsDeliveredOncePerPerson() {
        String key = NoticeFixtures.key();
        fixtures.publish(overdue(key));
        int first = fixtures.recipients(key).size();
        fixtures.publish(overdue(key));
        fixtures.publish(overdue(key).toDepartments(OTHER_DEPT));
        List<String> reached = fixtures.recipients(key);
        assertThat(reached).doesNotHaveDuplicates().contains("nd.other").hasSize(first + 1);
    }

    @Test
    void withoutDedupKeyEveryPublicationIsDelivered() {
        String title = "无去重键 " + NoticeFixtures.key();
        Notice notice = Notice.of("TEST", title, "").toDepartments(OTHER_DEPT);
        fixtures.publish(notice);
        fixtures.publish(notice);
        assertThat(fixtures.recipientsOfTitle(title)).containsExactly("nd.other", "nd.other");
    }

    @Test
    void aRolledBackCauseLeavesNoNotice() {
        String key = NoticeFixtures.key();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            events.publishEvent(overdue(key));
            assertThat(fixtures.recipients(key)).contains("nd.member");
            status.setRollbackOnly();
        });
        assertThat(fixtures.recipients(key)).isEmpty();
    }

    @Test
    void withoutSmtpNoEmailIsQueued() {
        fixtures.setEmail("nd.member", "nd.member@example.gov.cn");
        String key = NoticeFixtures.key();
        fixtures.publish(overdue(key));
        assertThat(fixtures.recipients(key)).contains("nd.member");
        assertThat(fixtures.mails(key)).isZero();
    }

    @Test
    void aLinkOutsideTheApplicationIsRefused() {
        assertThatThrownBy(() -> fixtures.publish(Notice.of("TEST", "外部链接", "").linkingTo("https://example.com/x")
                .toDepartments(OTHER_DEPT))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fixtures.publish(Notice.of("TEST", "外部链接", "").linkingTo("//example.com/x")
                .toDepartments(OTHER_DEPT))).isInstanceOf(IllegalArgumentException.class);
    }
}
