package org.capgov.notification;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The e-mail outbox: PENDING until sent (SENT) or given up after the last attempt (FAILED, with the reason). */
@Repository
class MailOutbox {

    /** A message due now, with what it says. */
    record Due(long id, String recipient, int attempts, String title, String body, String link) {
    }

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void enqueue(long notificationId, String recipient) {
        jdbc.sql("insert into notification_mail (notification_id, recipient) values (:n, :r)")
                .param("n", notificationId).param("r", recipient).update();
    }

    /**
     * The oldest due message, locked for the calling transaction; one that another sender holds is skipped, so that
     * several nodes send each message once.
     */
    Optional<Due> lockNextDue() {
        return jdbc.sql("""
                select m.id, m.recipient, m.attempts, n.title, n.body, n.link
                from notification_mail m join notification n on n.id = m.notification_id
                where m.status = 'PENDING' and m.next_attempt_at <= now()
                order by m.next_attempt_at, m.id limit 1
                for update of m skip locked
                """).query((rs, i) -> new Due(rs.getLong("id"), rs.getString("recipient"), rs.getInt("attempts"),
                rs.getString("title"), rs.getString("body"), rs.getString("link"))).optional();
    }

    void markSent(long id) {
        jdbc.sql("update notification_mail set status = 'SENT', attempts = attempts + 1, sent_at = now(), last_error = null "
                + "where id = :id").param("id", id).update();
    }

    /** Records a failed attempt; the next one waits 2, 4, 8 … minutes, and after the last the message is FAILED. */
    void markFailed(long id, String reason, boolean last) {
        jdbc.sql("""
                update notification_mail set attempts = attempts + 1, last_error = :reason,
                       status = case when :last then 'FAILED' else 'PENDING' end,
                       next_attempt_at = now() + interval '1 minute' * power(2, attempts + 1)
                where id = :id
                """).param("id", id).param("reason", reason).param("last", last).update();
    }
}
