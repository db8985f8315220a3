package org.capgov.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The head of the chain (id and hash of the newest entry), anchored outside the database in a file written after each
 * commit that appended to the trail. The chain alone shows a changed or removed entry by the break it leaves, but not
 * removed newest entries: what is left is a shorter, intact chain. {@link AuditReader#verify} therefore also checks
 * that the anchored entry is still there, unchanged, and the anchor only moves on while it is (so that entries
 * appended after a cut do not cover it up). The file can lag the database (a crash between the commit and
 * the write) but never lead it, so it never reports a sound trail as cut. After restoring a backup of the database the
 * file must be deleted (README, backup), as the restored trail legitimately ends earlier.
 */
@Component
class AuditCheckpoint {

    record Head(long id, String hash) {
    }

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoint.class);
    private final Path file;
    private final JdbcClient jdbc;
    private Head anchored;
    private boolean cut;
    /** One write of the file at a time. */
    private final Object fileLock = new Object();
    /** The newest committed head not yet written (guarded by this). */
    private Head waiting;
    /** The newest head the file holds or that needs no write (guarded by this). */
    private long written = -1;

    AuditCheckpoint(@Value("${capgov.audit.checkpoint-file}") String file, JdbcClient jdbc) {
        this.file = Path.of(file).toAbsolutePath().normalize();
        this.jdbc = jdbc;
    }

    /** On the first start (or the first after an upgrade) the current head is anchored. */
    @EventListener(ApplicationReadyEvent.class)
    void anchorOnFirstStart() {
        if (Files.exists(file)) {
            read().filter(h -> h.id() >= 0).ifPresent(this::remember);
            return;
        }
        jdbc.sql("select id, hash from audit_entry order by id desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional().ifPresent(h -> {
                    committed(h);
                    log.info("Audit trail anchored at entry {} in {}", h.id(), file);
                });
    }

    /** The anchored head and whether it is still in the trail, unchanged. */
    record AnchorCheck(Head head, boolean intact) {
    }

    /**
     * Checks the anchored head before an append takes the chain's lock, so that the lock is not held for this query
     * (docs/decisions/audit-chain-throughput.md).
     */
    AnchorCheck checkAnchor() {
        Head head = anchored();
        return new AnchorCheck(head, head == null || intact(head));
    }

    /** Called with each appended entry; the file is written once the transaction has committed. */
    void appended(long id, String hash, AnchorCheck check) {
        Head head = new Head(id, hash);
        Head before = check.head();
        if (before != null && before.id() < id && !check.intact()) {
            // the anchor stays on the vanished entry, so that verify keeps reporting the cut
            cutFound(before);
            return;
        }
        restored();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed(head);
            return;
        }
        Head[] pending = (Head[]) TransactionSynchronizationManager.getResource(this);
        if (pending != null) {
            pending[0] = head;
            return;
        }
        Head[] holder = {head};
        TransactionSynchronizationManager.bindResource(this, holder);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(AuditCheckpoint.this);
                if (status == STATUS_COMMITTED) {
                    committed(holder[0]);
                }
            }
        });
    }

    /**
     * Anchors a committed head, and returns once the file holds it or a newer head (as before, a caller may rely on
     * the anchor covering its entry). Writes are batched: while one commit's head is being written and forced to
     * disk, the commits after it leave their heads here, and the next writer writes only the newest of them, once
     * (docs/decisions/audit-chain-throughput.md). So the file costs one forced write per batch, not one per entry.
     */
    private void committed(Head head) {
        synchronized (this) {
            if (waiting == null || head.id() > waiting.id()) {
                waiting = head;
            }
        }
        synchronized (fileLock) {
            Head next;
            synchronized (this) {
                if (written >= head.id()) {
                    return;
                }
                next = waiting;
                waiting = null;
            }
            if (next != null) {
                write(next);
            }
        }
    }

    private boolean intact(Head head) {
        return jdbc.sql("select hash from audit_entry where id = :id").param("id", head.id()).query(String.class).optional()
                .map(head.hash()::equals).orElse(false);
    }

    private synchronized void cutFound(Head head) {
        if (!cut) {
            cut = true;
            log.error("The audit trail no longer holds its anchored entry {}: its newest entries were removed or replaced. "
                    + "The anchor stays there until the trail is restored (or, after restoring a backup, the file {} is "
                    + "deleted)", head.id(), file);
        }
    }

    private synchronized void restored() {
        cut = false;
    }

    private synchronized Head anchored() {
        return anchored;
    }

    private synchronized void remember(Head head) {
        if (anchored == null || head.id() > anchored.id()) {
            anchored = head;
        }
    }

    /** The anchored head, if any. */
    Optional<Head> read() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return Optional.of(new Head(Long.parseLong(lines.get(0).trim()), lines.get(1).trim()));
        } catch (IOException | RuntimeException e) {
            // an unreadable anchor is reported by verify as such, not silently ignored
            return Optional.of(new Head(-1, "unreadable: " + e.getMessage()));
        }
    }

    /**
     * Appends commit one after the other (the chain's lock), but their after-commit writes may overtake each other.
     * Called holding {@code fileLock}, so one write at a time; the file is forced to disk outside this object's monitor,
     * so that committing threads can leave their heads meanwhile.
     */
    private void write(Head head) {
        synchronized (this) {
            if (cut || anchored != null && head.id() <= anchored.id()) {
                written = Math.max(written, head.id());
                return;
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(tmp, head.id() + "\n" + head.hash() + "\n", StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            synchronized (this) {
                anchored = head;
                written = Math.max(written, head.id());
            }
        } catch (IOException e) {
            // the change itself is committed; the anchor lags until the next append, which verify tolerates
            log.error("Could not anchor the audit trail's head (entry {}) in {}", head.id(), file, e);
        }
    }
}
