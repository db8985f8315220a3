package org.capgov.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains committed entries: in id order, each gets a seal after the newest one (position, previous hash, hash), and
 * leaves the list of entries waiting to be sealed, in one transaction. Runs every {@code capgov.audit.seal-every}
 * (200 ms) on a thread of its own, so that no other scheduled job delays it, and on demand ({@link #sealNow}).
 * <p>
 * One sealer at a time, across application nodes too: each sealing holds a transaction-scoped advisory lock of the
 * shared database, which the database releases at the commit or when a node dies (a scheduled sealing that finds it
 * taken leaves the work to the holder). A lock table with an expiry (as ShedLock keeps) would cost two committed writes
 * per run and could expire under a slow sealing, letting two sealers fork the chain
 * (docs/decisions/audit-chain-throughput.md).
 */
@Component
public class AuditSealer implements DisposableBean {

    /** "capgs": the sealer's lock (the chain's former append lock was "capgv"). */
    static final long SEAL_LOCK = 0x6361706773L;
    static final int BATCH = 5_000;

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final AuditCheckpoint checkpoint;
    private final Clock clock;
    private final Duration every;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "audit-sealer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean failing;

    AuditSealer(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
            AuditCheckpoint checkpoint, Clock clock, @Value("${capgov.audit.seal-every:PT0.2S}") Duration every) {
        this.jdbc = jdbc;
        this.batch = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.checkpoint = checkpoint;
        this.clock = clock;
        this.every = every;
    }

    /**
     * Starts once the context is up (after the migrations), before the application's runners: a command run as a
     * runner (a benchmark, a demo load) writes entries that must be sealed while it runs.
     */
    @EventListener(ApplicationStartedEvent.class)
    void start() {
        thread.scheduleWithFixedDelay(this::scheduled, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * Seals every entry committed so far, waiting for a sealing under way elsewhere; returns the number of entries
     * sealed here. Tests call it instead of waiting for the next scheduled sealing.
     */
    public int sealNow() {
        return seal(true);
    }

    private void scheduled() {
        try {
            seal(false);
            if (failing) {
                failing = false;
                log.info("The audit sealer works again");
            }
        } catch (RuntimeException e) {
            // logged once until it works again; verify and the audit page show the growing pending tail meanwhile
            if (!failing) {
                failing = true;
                log.error("The audit sealer failed; entries wait to be sealed until it works again", e);
            }
        }
    }

    private int seal(boolean wait) {
        int total = 0;
        while (true) {
            Sealing done = transactions.execute(tx -> sealBatch(wait));
            if (done == null) {
                return total;
            }
            if (done.head() != null) {
                checkpoint.sealed(done.head(), done.anchor());
            }
            total += done.count();
            if (done.count() < BATCH) {
                return total;
            }
        }
    }

    private record Sealing(int count, AuditCheckpoint.Head head, AuditCheckpoint.AnchorCheck anchor) {
    }

    /** One batch in one transaction; null when another sealer holds the lock and {@code wait} is false. */
    private Sealing sealBatch(boolean wait) {
        if (wait) {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", SEAL_LOCK).query().singleRow();
        } else if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", SEAL_LOCK).query(Boolean.class)
                .single()) {
            return null;
        }
        // statements after the lock see what the previous holder committed
        AuditCheckpoint.AnchorCheck anchor = checkpoint.checkAnchor();
        SealChain.Head head = jdbc.sql("select position, hash from audit_seal order by position desc limit 1")
                .query((rs, n) -> new SealChain.Head(rs.getLong(1), rs.getString(2))).optional()
                .orElse(SealChain.Head.EMPTY);
        List<AuditEntry> entries = jdbc.sql("select " + AuditRows.ENTRY_COLUMNS + """
                 from audit_pending p join audit_entry e on e.id = p.entry_id
                where not exists (select 1 from audit_seal s where s.entry_id = p.entry_id)
                order by e.id limit :limit
                """).param("limit", BATCH).query((rs, n) -> AuditRows.entry(rs)).list();
        if (entries.isEmpty()) {
            return new Sealing(0, null, anchor);
        }
        List<SealChain.Seal> seals = SealChain.extend(head, entries);
        Timestamp now = Timestamp.from(clock.instant());
        batch.batchUpdate("insert into audit_seal (position, entry_id, prev_hash, hash, sealed_at) values (?, ?, ?, ?, ?)",
                seals, 1000, (ps, s) -> {
                    ps.setLong(1, s.position());
                    ps.setLong(2, s.entryId());
                    ps.setString(3, s.prevHash());
                    ps.setString(4, s.hash());
                    ps.setTimestamp(5, now);
                });
        jdbc.sql("delete from audit_pending where entry_id in (select entry_id from audit_seal where position > :head)")
                .param("head", head.position()).update();
        SealChain.Seal last = seals.get(seals.size() - 1);
        return new Sealing(seals.size(), new AuditCheckpoint.Head(last.position(), last.hash(), last.entryId()), anchor);
    }
}
