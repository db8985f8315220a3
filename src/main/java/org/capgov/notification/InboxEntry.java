package org.capgov.notification;

import java.time.Instant;

/** One notice in one person's inbox. */
public record InboxEntry(long id, String kind, String title, String body, String link, Instant createdAt,
        Instant readAt) {

    public boolean read() {
        return readAt != null;
    }
}
