package org.capgov.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for inbox rows. Every read and change is keyed by the owner's person id: nobody sees another's notices. */
@Repository
class InboxRepository {

    private static final String COLUMNS = "id, kind, title, body, link, created_at, read_at";

    /** An inbox row just written for a person. */
    record Delivered(long notificationId, long personId) {
    }

    private final JdbcClient jdbc;

    InboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One row per person in one statement; people who already have a notice with the same dedup key are skipped
     * by the unique index. Returns the rows written.
     */
    List<Delivered> insert(Notice notice, Collection<Long> personIds) {
        // the ids are longs, so the array literal carries nothing but digits and commas
        String ids = personIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        return jdbc.sql("""
                insert into notification (person_id, kind, title, body, link, region_path, dedup_key)
                select p, :kind, :title, :body, :link, :path, :dedup from unnest(cast(:ids as bigint[])) p
                on conflict (person_id, dedup_key) do nothing
                returning id, person_id
                """).param("ids", ids).param("kind", notice.kind()).param("title", notice.title())
                .param("body", notice.body() == null ? "" : notice.body()).param("link", notice.link())
                .param("path", notice.regionPath()).param("dedup", notice.dedupKey())
                .query((rs, n) -> new Delivered(rs.getLong("id"), rs.getLong("person_id"))).list();
    }

    /** Unread first, then newest first. */
    List<InboxEntry> list(long personId, boolean unreadOnly, long offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification where person_id = :p"
                        + (unreadOnly ? " and read_at is null" : "")
                        + " order by (read_at is null) desc, id desc offset :offset limit :limit")
                .param("p", personId).param("offset", offset).param("limit", limit).query(InboxRepository::entry)
                .list();
    }

    Optional<InboxEntry> find(long personId, long id) {
        return jdbc.sql("select " + COLUMNS + " from notification where id = :id and person_id = :p")
                .param("id", id).param("p", personId).query(InboxRepository::entry).optional();
    }

    long unread(long personId) {
        return jdbc.sql("select count(*) from notification where person_id = :p and read_at is null")
                .param("p", personId).query(Long.class).single();
    }

    /** Marks one notice read (keeping the first reading time); empty when it is not the person's. */
    Optional<InboxEntry> markRead(long personId, long id) {
        return jdbc.sql("update notification set read_at = coalesce(read_at, now()) where id = :id and person_id = :p "
                        + "returning " + COLUMNS)
                .param("id", id).param("p", personId).query(InboxRepository::entry).optional();
    }

    int markAllRead(long personId) {
        return jdbc.sql("update notification set read_at = now() where person_id = :p and read_at is null")
                .param("p", personId).update();
    }

    private static InboxEntry entry(ResultSet rs, int n) throws SQLException {
        return new InboxEntry(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
                rs.getString("link"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("read_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
