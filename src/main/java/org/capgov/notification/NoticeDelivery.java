package org.capgov.notification;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.capgov.identity.PeopleDirectory;
import org.capgov.identity.PeopleDirectory.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers a {@link Notice} in the publisher's transaction (a synchronous listener), so that a notice exists exactly
 * when what caused it has committed: one inbox row per person of the audience, and an e-mail outbox row for those
 * with an address when an SMTP server is configured. The e-mail itself is sent later by {@link NoticeMailSender}.
 */
@Component
class NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);

    private final PeopleDirectory directory;
    private final InboxRepository inbox;
    private final MailOutbox outbox;
    private final MailSettings mail;

    NoticeDelivery(PeopleDirectory directory, InboxRepository inbox, MailOutbox outbox, MailSettings mail) {
        this.directory = directory;
        this.inbox = inbox;
        this.outbox = outbox;
        this.mail = mail;
    }

    /** Returns the inbox rows written (none for people who already had a notice with the same dedup key). */
    @EventListener
    @Transactional
    public List<InboxRepository.Delivered> deliver(Notice notice) {
        check(notice);
        List<Recipient> audience = directory.audience(notice.departmentCodes(), notice.roles(), notice.regionPath(),
                notice.enterprises(), notice.people());
        if (audience.isEmpty()) {
            log.info("Notice {} ({}) reaches nobody", notice.kind(), notice.dedupKey());
            return List.of();
        }
        List<InboxRepository.Delivered> delivered = inbox.insert(notice, audience.stream().map(Recipient::personId).toList());
        if (mail.configured()) {
            Map<Long, Recipient> byPerson = audience.stream()
                    .collect(Collectors.toMap(Recipient::personId, Function.identity()));
            for (InboxRepository.Delivered d : delivered) {
                String email = byPerson.get(d.personId()).email();
                if (email != null) {
                    outbox.enqueue(d.notificationId(), email);
                }
            }
        }
        return delivered;
    }

    /** A malformed notice is the publisher's programming error: refuse it loudly rather than deliver it wrongly. */
    private static void check(Notice notice) {
        if (notice.kind() == null || notice.kind().isBlank() || notice.kind().length() > 40) {
            throw new IllegalArgumentException("notice kind must be 1 to 40 characters: " + notice.kind());
        }
        if (notice.title() == null || notice.title().isBlank()) {
            throw new IllegalArgumentException("notice " + notice.kind() + " has no title");
        }
        String link = notice.link();
        // a path inside the application only: the inbox renders it as a link and redirects to it
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.contains("\\"))) {
            throw new IllegalArgumentException("notice link must be a path inside the application: " + link);
        }
    }
}
