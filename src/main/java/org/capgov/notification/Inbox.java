package org.capgov.notification;

import java.util.List;
import org.capgov.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own notices. Callers pass the logged-in person's id; a notice of someone else is "not found", so that
 * its existence is not revealed either.
 */
@Service
public class Inbox {

    static final int MAX_LIMIT = 200;

    private final InboxRepository repository;

    Inbox(InboxRepository repository) {
        this.repository = repository;
    }

    public List<InboxEntry> list(long personId, boolean unreadOnly, int limit) {
        return repository.list(personId, unreadOnly, Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    public long unreadCount(long personId) {
        return repository.unread(personId);
    }

    public InboxEntry get(long personId, long id) {
        return repository.find(personId, id).orElseThrow(() -> DomainException.notFound("error.notification.notFound", id));
    }

    @Transactional
    public InboxEntry markRead(long personId, long id) {
        return repository.markRead(personId, id)
                .orElseThrow(() -> DomainException.notFound("error.notification.notFound", id));
    }

    @Transactional
    public int markAllRead(long personId) {
        return repository.markAllRead(personId);
    }
}
