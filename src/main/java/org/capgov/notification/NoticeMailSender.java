package org.capgov.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mail outbox after the notices have committed, polling it while {@code spring.mail.host} is set. Each
 * message is sent in its own short transaction; a failure is recorded on the message (attempts, reason) and never
 * touches the inbox. When the server cannot be reached the run stops, and the next one tries again.
 */
@Component
class NoticeMailSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailSender.class);
    private static final int BATCH = 100;
    /** E-mail goes to Chinese officials whatever language a page was shown in. */
    private static final Locale MAIL_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final MailOutbox outbox;
    private final MailSettings settings;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    NoticeMailSender(MailOutbox outbox, MailSettings settings, MessageSource messages,
            PlatformTransactionManager transactionManager) {
        this.outbox = outbox;
        this.settings = settings;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${capgov.notification.mail.poll:PT30S}",
            initialDelayString = "${capgov.notification.mail.poll:PT30S}")
    void poll() {
        if (settings.configured()) {
            sendDue(BATCH);
        }
    }

    /** Sends at most {@code max} due messages; returns how many were sent. */
    int sendDue(int max) {
        JavaMailSenderImpl sender = settings.sender();
        int maxAttempts = settings.maxAttempts();
        int sent = 0;
        for (int i = 0; i < max; i++) {
            Outcome outcome = transactions.execute(status -> outbox.lockNextDue().map(due -> {
                try {
                    sender.send(message(sender, due));
                    outbox.markSent(due.id());
                    return Outcome.SENT;
                } catch (MailException | MessagingException | UnsupportedEncodingException e) {
                    String reason = reason(e);
                    log.warn("E-mail {} to {} failed (attempt {}): {}", due.id(), due.recipient(), due.attempts() + 1, reason);
                    outbox.markFailed(due.id(), reason, due.attempts() + 1 >= maxAttempts);
                    return recipientOnly(e) ? Outcome.FAILED : Outcome.SERVER_FAILED;
                }
            }).orElse(Outcome.NONE_DUE));
            if (outcome == Outcome.SENT) {
                sent++;
            } else if (outcome == Outcome.NONE_DUE || outcome == Outcome.SERVER_FAILED) {
                break;
            }
        }
        return sent;
    }

    private enum Outcome { SENT, FAILED, SERVER_FAILED, NONE_DUE }

    private MimeMessage message(JavaMailSenderImpl sender, MailOutbox.Due due)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(settings.from(), text("notification.mail.sender"));
        helper.setTo(due.recipient());
        helper.setSubject(text("notification.mail.subject", due.title()));
        StringBuilder body = new StringBuilder(due.title()).append("\n\n");
        if (due.body() != null && !due.body().isBlank()) {
            body.append(due.body()).append("\n\n");
        }
        if (due.link() != null) {
            body.append(text("notification.mail.link", settings.linkBase() + due.link())).append("\n\n");
        }
        body.append(text("notification.mail.footer"));
        helper.setText(body.toString(), false);
        return mime;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, MAIL_LOCALE);
    }

    /** The server refused this address only: the other messages can still go. */
    private static boolean recipientOnly(Exception e) {
        if (e instanceof MailSendException send) {
            // per-message failures are listed, not chained as the cause
            for (Exception each : send.getMessageExceptions()) {
                if (causedBy(each, SendFailedException.class)) {
                    return true;
                }
            }
        }
        return causedBy(e, SendFailedException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Exception e) {
        StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e) {
            reason.append(" (").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage()).append(')');
        }
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason.toString();
    }
}
