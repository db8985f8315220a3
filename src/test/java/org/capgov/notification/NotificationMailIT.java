package org.capgov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.capgov.identity.Person;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * E-mail against an embedded SMTP server. The SMTP settings are added to the shared context's environment for each
 * test only (the sender reads them when it sends), so that other tests keep running without e-mail.
 */
class NotificationMailIT extends IntegrationTest {

    private static final String DEPT = "NT-MAIL";
    private static final String SOURCE = "notification-mail-test";
    private static final String ADDRESS = "nm.with@example.gov.cn";
    private static GreenMail smtp;

    @LocalServerPort
    int port;
    @Autowired
    ConfigurableEnvironment environment;
    @Autowired
    NoticeFixtures fixtures;
    @Autowired
    NoticeMailSender sender;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestPeople people;

    private final Map<String, Object> mail = new HashMap<>();
    private Person with;
    private Person without;

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
        fixtures.department(DEPT);
        with = fixtures.person("nm.with", DEPT, Role.DEPARTMENT_OFFICER, "500102");
        without = fixtures.person("nm.without", DEPT, Role.OBSERVER, "500102");
        fixtures.setEmail("nm.with", ADDRESS);
        mail.put("spring.mail.host", "127.0.0.1");
        mail.put("spring.mail.port", smtp.getSmtp().getPort());
        mail.put("capgov.notification.mail.max-attempts", 1);
        mail.put("capgov.notification.mail.link-base", "https://capgov.example.gov.cn/");
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, mail));
    }

    @AfterEach
    void mailOff() {
        environment.getPropertySources().remove(SOURCE);
    }

    private String publish(String title) {
        String key = NoticeFixtures.key();
        fixtures.publish(Notice.of("CASE_OVERDUE", title, "重庆市测试钢铁有限公司的整改期限（2025-02-28）已过。")
                .linkingTo("/inbox").toDepartments(DEPT).once(key));
        return key;
    }

    private Map<String, Object> outboxRow(String key) {
        return jdbc.sql("select m.* from notification_mail m join notification n on n.id = m.notification_id "
                + "where n.dedup_key = :k").param("k", key).query().singleRow();
    }

    @Test
    void sendsTheNoticeInChineseToPeopleWithAnAddress() throws Exception {
        String title = "整改期限已过：重庆市测试钢铁有限公司 " + System.nanoTime();
        String key = publish(title);
        assertThat(fixtures.recipients(key)).contains("nm.with", "nm.without");
        assertThat(fixtures.mails(key)).isEqualTo(1);
        assertThat(outboxRow(key)).containsEntry("recipient", ADDRESS).containsEntry("status", "PENDING");

        sender.sendDue(100);

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> title(m).equals("【产能治理平台】" + title)).findFirst().orElseThrow();
        assertThat(Arrays.stream(received.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactly(ADDRESS);
        String body = received.getContent().toString();
        assertThat(body).contains(title).contains("整改期限（2025-02-28）已过")
                .contains("https://capgov.example.gov.cn/inbox");
        assertThat(received.getContentType()).containsIgnoringCase("UTF-8");
        Map<String, Object> row = outboxRow(key);
        assertThat(row).containsEntry("status", "SENT").containsEntry("attempts", 1);
        assertThat(row.get("sent_at")).isNotNull();
    }

    @Test
    void aFailingServerLeavesTheMessageFailedWithItsReasonAndTheInboxIntact() throws IOException {
        mail.put("spring.mail.port", closedPort());
        String key = publish("SMTP 不可用时的通知 " + System.nanoTime());

        sender.sendDue(100);

        Map<String, Object> row = outboxRow(key);
        assertThat(row).containsEntry("status", "FAILED").containsEntry("attempts", 1);
        assertThat((String) row.get("last_error")).isNotBlank();
        assertThat(fixtures.recipients(key)).contains("nm.with", "nm.without");
        assertThat(jdbc.sql("select count(*) from notification where dedup_key = :k and read_at is null")
                .param("k", key).query(Long.class).single()).isGreaterThanOrEqualTo(2);

        // a failed message is not tried again, even once the server is back
        mail.put("spring.mail.port", smtp.getSmtp().getPort());
        sender.sendDue(100);
        assertThat(outboxRow(key)).containsEntry("status", "FAILED").containsEntry("attempts", 1);
    }

    @Test
    void beforeTheLastAttemptAFailedMessageWaitsForItsRetry() throws IOException {
        mail.put("spring.mail.port", closedPort());
        mail.put("capgov.notification.mail.max-attempts", 3);
        String key = publish("稍后重试的通知 " + System.nanoTime());

        sender.sendDue(100);

        Map<String, Object> row = outboxRow(key);
        assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) row.get("last_error")).isNotBlank();
        assertThat(jdbc.sql("select next_attempt_at > now() from notification_mail where id = :id")
                .param("id", row.get("id")).query(Boolean.class).single()).isTrue();
    }

    @Test
    void anAdministratorSetsAValidatedAddress() {
        people.ensure(Role.ADMIN);
        Http http = Http.api(port);
        String admin = http.token(TestPeople.username(Role.ADMIN), TestPeople.PASSWORD);
        HttpResponse<String> bad = http.json("PUT", "/api/v1/people/" + without.id() + "/email", admin,
                "{\"email\":\"不是邮箱\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"email\"").contains("格式不正确");

        HttpResponse<String> good = http.json("PUT", "/api/v1/people/" + without.id() + "/email", admin,
                "{\"email\":\" nm.without@example.gov.cn \"}");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).contains("\"email\":\"nm.without@example.gov.cn\"");

        Http browser = Http.browser(port);
        browser.login(TestPeople.username(Role.ADMIN), TestPeople.PASSWORD);
        HttpResponse<String> cleared = browser.post("/admin/people/" + without.id() + "/email", Map.of("email", ""));
        assertThat(cleared.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select email from person where id = :id").param("id", without.id())
                .query(String.class).optional()).isEmpty();
        assertThat(browser.get("/admin/people/" + with.id()).body()).contains(ADDRESS);
    }

    private static String title(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
