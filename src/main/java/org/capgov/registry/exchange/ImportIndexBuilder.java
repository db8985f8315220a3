package org.capgov.registry.exchange;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the indexes a large import left for after its commit (see {@link ImportBulkLoad#end}): its GIN indexes,
 * which PostgreSQL 17 builds in one process while the other cores idle. Built here, on a thread of their own, they
 * overlap the next import instead of lengthening this one: the name trigram index of a million enterprises takes
 * 12–16 s in the benchmark. Until an index is back, searches stay correct and PostgreSQL reads the table instead.
 * <p>
 * A build waits while an import prepares and reads its file: reading keeps both cores busy (the import thread parsing
 * and checking, its database session copying), and beside the names' build the benchmark's equipment file took 29 s
 * to read instead of 16–20. A build runs instead while the import writes its side tables and rebuilds its B-trees,
 * where one core would otherwise idle (see README, "Registry import and search").
 * <p>
 * The table {@code deferred_index} lists what is to be built; the import writes its line in its own transaction, and
 * the build deletes it in the same transaction that creates the index, so an index of a committed import is always
 * either present or listed. What a stop left listed is built after the next start.
 */
@Component
public class ImportIndexBuilder {

    private static final Logger log = LoggerFactory.getLogger(ImportIndexBuilder.class);
    private static final String CREATE = "CREATE INDEX ";
    private static final long READING_POLL_MS = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ExecutorService builder = ImportThreads.single("capgov-index-build");
    private volatile boolean reading;

    public ImportIndexBuilder(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Lists an index for the build after the commit; called inside the import's transaction, right after its drop. */
    static void defer(JdbcClient jdbc, String table, String name, String definition) {
        if (!definition.startsWith(CREATE)) {
            throw new IllegalArgumentException("only plain indexes are left for later: " + definition);
        }
        jdbc.sql("""
                insert into deferred_index (name, table_name, definition) values (:name, :table, :definition)
                on conflict (name) do update set table_name = excluded.table_name, definition = excluded.definition,
                                                 deferred_at = now()
                """).param("name", name).param("table", table).param("definition", definition).update();
    }

    /** Whether the import (one at a time) is preparing or reading its file (see above). */
    void reading(boolean now) {
        reading = now;
    }

    /** Builds what is listed, on the builder's thread; after an import's commit. */
    void schedule() {
        builder.execute(this::buildListed);
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        schedule();
    }

    /** Before an import: waits until no index of the tables it writes is listed, so that it finds them all present. */
    void awaitTables(Collection<String> tables) {
        boolean listed = jdbc.sql("select exists (select 1 from deferred_index where table_name = any(:t))")
                .param("t", tables.toArray(String[]::new)).query(Boolean.class).single();
        if (listed) {
            await(builder.submit(this::buildListed));
        }
    }

    /** Whether an index is still listed (the import page says that searches by name are slower meanwhile). */
    boolean pending() {
        return jdbc.sql("select exists (select 1 from deferred_index)").query(Boolean.class).single();
    }

    /** Waits until everything listed is built (the benchmark before it searches; tests). */
    public void awaitAll() {
        await(builder.submit(this::buildListed));
    }

    @PreDestroy
    void stop() {
        builder.shutdownNow();
    }

    private void buildListed() {
        List<String> names = jdbc.sql("select name from deferred_index order by deferred_at, name").query(String.class).list();
        for (String name : names) {
            try {
                while (reading) {
                    Thread.sleep(READING_POLL_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long t0 = System.nanoTime();
            try {
                boolean built = Boolean.TRUE.equals(tx.execute(s -> build(name)));
                if (built) {
                    log.info("Import: index {} built after the commit in {} ms", name, (System.nanoTime() - t0) / 1_000_000);
                }
            } catch (RuntimeException e) {
                // left listed: the next import, or the next start, tries again
                log.warn("Import: index {} could not be built after the commit; it stays listed", name, e);
            }
        }
    }

    private boolean build(String name) {
        // the line first, locked: should a second instance share the database, it waits here and then finds it gone
        String definition = jdbc.sql("select definition from deferred_index where name = :n for update")
                .param("n", name).query(String.class).optional().orElse(null);
        if (definition == null) {
            return false;
        }
        jdbc.sql("CREATE INDEX IF NOT EXISTS " + definition.substring(CREATE.length())).update();
        jdbc.sql("delete from deferred_index where name = :n").param("n", name).update();
        return true;
    }

    private static void await(Future<?> done) {
        try {
            done.get();
        } catch (ExecutionException e) {
            log.warn("Import: building the deferred indexes failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
