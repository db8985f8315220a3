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

/**
 * The head of the sealed chain (position, hash and entry of the newest seal), anchored outside the database in a file
 * written after each sealing. The chain alone shows a changed or removed entry by the break it leaves, but not removed
 * newest seals: what is left is a shorter, intact chain. {@link AuditReader#verify} therefore also checks that the
 * anchored seal is still there, unchanged, and the anchor only moves on while it is (so that seals added after a cut
 * do not cover it up). The file can lag the database (a crash between the commit and the write) but never lead it, so
 * it never reports a sound trail as cut. After restoring a backup of the database the file must be deleted (README,
 * backup), as the restored trail legitimately ends earlier. A file written before seals existed holds the id and hash
 * of the newest entry, which V100 made the position and hash of the same seal.
 */
@Component
class AuditCheckpoint {

    record Head(long position, String hash, long entryId) {
    }

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoint.class);
    private final Path file;
    private final JdbcClient jdbc;
    private Head anchored;
    private boolean cut;

    AuditCheckpoint(@Value("${capgov.audit.checkpoint-file}") String file, JdbcClient jdbc) {
        this.file = Path.of(file).toAbsolutePath().normalize();
        this.jdbc = jdbc;
        // before the sealer's first run, so that it checks against the file's head
        read().filter(h -> h.position() >= 0).ifPresent(this::remember);
    }

    /** On the first start (or the first after an upgrade) the current head is anchored. */
    @EventListener(ApplicationReadyEvent.class)
    void anchorOnFirstStart() {
        if (Files.exists(file)) {
            return;
        }
        jdbc.sql("select position, hash, entry_id from audit_seal order by position desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3))).optional().ifPresent(h -> {
                    write(h);
                    log.info("Audit trail anchored at seal {} (entry {}) in {}", h.position(), h.entryId(), file);
                });
    }

    /** The anchored head and whether it is still in the chain, unchanged. */
    record AnchorCheck(Head head, boolean intact) {
    }

    /** Checked by the sealer before it seals, in its transaction. */
    AnchorCheck checkAnchor() {
        Head head = anchored();
        return new AnchorCheck(head, head == null || intact(head));
    }

    /**
     * Called by the sealer once its seals are committed: the file then anchors the new head, unless the anchored seal
     * had vanished, in which case the anchor stays on it so that verify keeps reporting the cut.
     */
    void sealed(Head head, AnchorCheck check) {
        Head before = check.head();
        if (before != null && before.position() < head.position() && !check.intact()) {
            cutFound(before);
            return;
        }
        restored();
        write(head);
    }

    private boolean intact(Head head) {
        return jdbc.sql("select hash from audit_seal where position = :p").param("p", head.position())
                .query(String.class).optional().map(head.hash()::equals).orElse(false);
    }

    private synchronized void cutFound(Head head) {
        if (!cut) {
            cut = true;
            log.error("The audit trail no longer holds its anchored seal {} (entry {}): its newest seals were removed or "
                    + "replaced. The anchor stays there until the trail is restored (or, after restoring a backup, the "
                    + "file {} is deleted)", head.position(), head.entryId(), file);
        }
    }

    private synchronized void restored() {
        cut = false;
    }

    private synchronized Head anchored() {
        return anchored;
    }

    private synchronized void remember(Head head) {
        if (anchored == null || head.position() > anchored.position()) {
            anchored = head;
        }
    }

    /** The anchored head, if any; an unreadable file is reported by verify as such, not silently ignored. */
    Optional<Head> read() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            long position = Long.parseLong(lines.get(0).trim());
            long entry = lines.size() > 2 && !lines.get(2).isBlank() ? Long.parseLong(lines.get(2).trim()) : position;
            return Optional.of(new Head(position, lines.get(1).trim(), entry));
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Head(-1, "unreadable: " + e.getMessage(), -1));
        }
    }

    /**
     * Writes the head, forced to disk, unless the file already holds it or a newer one. One write at a time: sealing
     * on demand and the scheduled sealing may finish together.
     */
    private synchronized void write(Head head) {
        if (cut || anchored != null && head.position() <= anchored.position()) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(tmp, head.position() + "\n" + head.hash() + "\n" + head.entryId() + "\n",
                    StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            anchored = head;
        } catch (IOException e) {
            // the seals are committed; the anchor lags until the next sealing, which verify tolerates
            log.error("Could not anchor the audit trail's head (seal {}) in {}", head.position(), file, e);
        }
    }
}
