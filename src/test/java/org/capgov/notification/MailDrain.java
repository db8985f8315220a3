package org.capgov.notification;

import org.springframework.stereotype.Component;

/** Lets tests of other modules send the due e-mail now instead of waiting for the sender's poll. */
@Component
public class MailDrain {

    private final NoticeMailSender sender;

    MailDrain(NoticeMailSender sender) {
        this.sender = sender;
    }

    /** Sends the due messages of the outbox (at most 100); returns how many were sent. */
    public int sendDue() {
        return sender.sendDue(100);
    }
}
