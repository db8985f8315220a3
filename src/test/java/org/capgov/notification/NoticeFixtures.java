package org.capgov.notification;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.capgov.identity.DepartmentService;
import org.capgov.identity.Person;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.shared.Dimension;
import org.capgov.support.TestPeople;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Departments, people and published notices for the notification tests (idempotent: the database is shared). */
@Component
class NoticeFixtures {

    /** 涪陵区 */
    static final String FULING = "/500000/500102/";

    private final DepartmentService departments;
    private final TestPeople people;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    NoticeFixtures(DepartmentService departments, TestPeople people, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, JdbcClient jdbc) {
        this.departments = departments;
        this.people = people;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    /** A department of 涪陵区 of its own, so that its members are known exactly. */
    String department(String code) {
        boolean exists = jdbc.sql("select count(*) from department where code = :c").param("c", code)
                .query(Long.class).single() > 0;
        if (!exists) {
            SystemActor.run(() -> departments.create(code, "测试通知部门 " + code, null, "Test " + code, "500102",
                    "GOVERNMENT_DEPARTMENT", Set.of(Dimension.ENERGY), "测试"));
        }
        return code;
    }

    Person person(String username, String department, Role role, String region) {
        return people.ensure(TestPeople.person(username, department, role, region, Set.of(),
                role == Role.ENTERPRISE ? "91500102MA5U8A1B06" : null));
    }

    /** Publishes inside a committed transaction, as a publishing module does. */
    void publish(Notice notice) {
        transactions.executeWithoutResult(status -> events.publishEvent(notice));
    }

    static String key() {
        return "测试:" + UUID.randomUUID();
    }

    /** Usernames holding a notice with this dedup key (one entry per inbox row). */
    List<String> recipients(String dedupKey) {
        return jdbc.sql("select p.username from notification n join person p on p.id = n.person_id "
                + "where n.dedup_key = :k order by p.username").param("k", dedupKey).query(String.class).list();
    }

    List<String> recipientsOfTitle(String title) {
        return jdbc.sql("select p.username from notification n join person p on p.id = n.person_id "
                + "where n.title = :t order by p.username").param("t", title).query(String.class).list();
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.sql("update person set enabled = :e where username = :u").param("e", enabled).param("u", username).update();
    }

    void setEmail(String username, String email) {
        jdbc.sql("update person set email = :e where username = :u").param("e", email).param("u", username).update();
    }

    long mails(String dedupKey) {
        return jdbc.sql("select count(*) from notification_mail m join notification n on n.id = m.notification_id "
                + "where n.dedup_key = :k").param("k", dedupKey).query(Long.class).single();
    }
}
