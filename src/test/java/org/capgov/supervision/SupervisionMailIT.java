package org.capgov.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.identity.DepartmentService;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.notification.MailDrain;
import org.capgov.shared.ChinaTime;
import org.capgov.support.IntegrationTest;
import org.capgov.support.MovableClock;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reminders before a deadline and 督办 on an overdue task reach the lead department by inbox and by e-mail (reading
 * S4), against an embedded SMTP server: the tasks of 彭水县 (500243, used by no other supervision test), a bureau of
 * its own whose officer has an address. As in the notification module's own mail test, the SMTP settings are added to
 * the shared context's environment for this test only.
 */
class SupervisionMailIT extends IntegrationTest {

    static final String REGION = "500243";
    static final String DEPARTMENT = "PS-MAIL";
    static final String ADDRESS = "ps.mail@example.gov.cn";
    private static final String SOURCE = "supervision-mail-test";
    private static GreenMail smtp;

    @Autowired
    TaskService tasks;
    @Autowired
    SupervisionClock supervisionClock;
    @Autowired
    DepartmentService departments;
    @Autowired
    TestPeople people;
    @Autowired
    ConfigurableEnvironment environment;
    @Autowired
    MailDrain mail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void mailOn() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", smtp.getSmtp().getPort());
        settings.put("capgov.notification.mail.max-attempts", 1);
        settings.put("capgov.notification.mail.link-base", "https://capgov.example.gov.cn/");
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, settings));
    }

    @AfterEach
    void mailOff() {
        environment.getPropertySources().remove(SOURCE);
    }

    @Test
    void remindersAndDubanGoOutByInboxAndEmail() throws Exception {
        if (jdbc.sql("select count(*) from department where code = :c").param("c", DEPARTMENT).query(Long.class)
                .single() == 0) {
            SystemActor.run(() -> departments.create(DEPARTMENT, "重庆市彭水县经济和信息化委员会（邮件测试）", "县经济信息委",
                    "Pengshui Economy and Information Technology Commission", REGION, "GOVERNMENT_DEPARTMENT",
                    Set.of(), "邮件测试"));
        }
        people.ensure(TestPeople.person("ps.mail", DEPARTMENT, Role.DISTRICT_OFFICER, REGION, Set.of(), null));
        jdbc.sql("update person set email = :e where username = 'ps.mail'").param("e", ADDRESS).update();
        LocalDate today = ChinaTime.today(clock);
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Task soon = task("彭水即将到期的任务" + suffix, today.plusDays(12));
        Task late = task("彭水逾期的任务" + suffix, today.minusDays(5));
        assertThat(soon.standing()).isEqualTo("DUE_SOON");
        assertThat(late.standing()).isEqualTo("OVERDUE");

        SupervisionClock.Result result = SystemActor.call(() -> supervisionClock.sweep(today, "/500000/" + REGION + "/"));
        assertThat(result.reminders()).isGreaterThanOrEqualTo(1);
        assertThat(result.duban()).isGreaterThanOrEqualTo(1);

        String remindKey = "SUPERVISION_DUE_SOON:" + soon.id() + ":" + soon.period();
        String dubanKey = "SUPERVISION_DUBAN:" + late.id() + ":" + late.period();
        for (String key : List.of(remindKey, dubanKey)) {
            assertThat(inbox(key)).as(key).contains("ps.mail");
            assertThat(jdbc.sql("select m.recipient from notification_mail m join notification n"
                    + " on n.id = m.notification_id where n.dedup_key = :k").param("k", key).query(String.class)
                    .list()).as(key).containsExactly(ADDRESS);
        }

        mail.sendDue();
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage reminder = received("【产能治理平台】任务即将到期：" + soon.title());
        MimeMessage duban = received("【产能治理平台】督办：");
        assertThat(Arrays.stream(reminder.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactly(ADDRESS);
        assertThat(reminder.getContent().toString()).contains(soon.due().toString())
                .contains("https://capgov.example.gov.cn/supervision/tasks/" + soon.id());
        assertThat(duban.getSubject()).contains(late.title());
        assertThat(duban.getContent().toString()).contains("逾期").contains("立即办理")
                .contains("https://capgov.example.gov.cn/supervision/tasks/" + late.id());
        for (String key : List.of(remindKey, dubanKey)) {
            assertThat(jdbc.sql("select m.status from notification_mail m join notification n"
                    + " on n.id = m.notification_id where n.dedup_key = :k").param("k", key).query(String.class)
                    .single()).as(key).isEqualTo("SENT");
        }

        // a second sweep the same day sends nothing again
        SystemActor.call(() -> supervisionClock.sweep(today, "/500000/" + REGION + "/"));
        assertThat(jdbc.sql("select count(*) from notification_mail m join notification n on n.id = m.notification_id"
                + " where n.dedup_key in (:a, :b)").param("a", remindKey).param("b", dubanKey).query(Long.class)
                .single()).isEqualTo(2);
    }

    private Task task(String title, LocalDate deadline) {
        return SystemActor.call(() -> tasks.publish(tasks.createDraft(new TaskInput("彭水县邮件测试文件", "一", title,
                "按期完成。", List.of(DEPARTMENT), List.of(), REGION, deadline.toString(), null, null)).id()));
    }

    private List<String> inbox(String key) {
        return jdbc.sql("select p.username from notification n join person p on p.id = n.person_id"
                + " where n.dedup_key = :k").param("k", key).query(String.class).list();
    }

    private static MimeMessage received(String subjectStart) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith(subjectStart)
                && Arrays.toString(recipients(m)).contains(ADDRESS)).reduce((a, b) -> b).orElseThrow(() ->
                new AssertionError("no e-mail starting " + subjectStart));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object[] recipients(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
