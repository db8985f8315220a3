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
        return repository.list(personId, unreadOnly, 0, Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    /** One page of {@code limit} notices (unread first, newest first) and whether more follow. */
    public record Page(List<InboxEntry> entries, int page, int limit, boolean more) {
    }

    /**
     * Page {@code page} (from 0) of at most {@code limit} notices; a limit outside 1 to {@link #MAX_LIMIT} or a
     * negative page is refused, naming the parameter, so that no request reads a whole inbox at once.
     */
    public Page page(long personId, boolean unreadOnly, int page, int limit) {
        if (page < 0) {
            throw DomainException.invalid("page", "error.request.page");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit", "error.request.size", MAX_LIMIT);
        }
        List<InboxEntry> rows = repository.list(personId, unreadOnly, (long) page * limit, limit + 1);
        boolean more = rows.size() > limit;
        return new Page(more ? rows.subList(0, limit) : rows, page, limit, more);
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
