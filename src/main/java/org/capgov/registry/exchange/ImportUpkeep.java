package org.capgov.registry.exchange;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The upkeep after a successful import, on a thread of its own so that the next job need not wait: vacuum and
 * statistics after a large import, then the GIN indexes an import left for after its commit.
 */
@Component
public class ImportUpkeep {

    private static final Logger log = LoggerFactory.getLogger(ImportUpkeep.class);
    /** Below this many rows the pending lists stay small and autovacuum's statistics suffice. */
    private static final long UPKEEP_ROWS = 10_000;

    private final JdbcClient jdbc;
    private final ImportIndexBuilder indexes;
    private final ExecutorService upkeep = ImportThreads.single("capgov-import-upkeep");

    ImportUpkeep(JdbcClient jdbc, ImportIndexBuilder indexes) {
        this.jdbc = jdbc;
        this.indexes = indexes;
    }

    /** The registry tables an import of this kind writes. */
    static List<String> tables(ImportKind kind) {
        return kind == ImportKind.ENTERPRISES
                ? List.of("enterprise", "enterprise_status_history", "grid_account", "enterprise_industry")
                : List.of("equipment", "equipment_status_history", "production_line");
    }

    /** Schedules the upkeep after a successful import of {@code rows} rows. */
    void afterSuccess(ImportRunner.Work work, long rows) {
        if (rows >= UPKEEP_ROWS) {
            upkeep.execute(() -> {
                afterCommit(work);
                indexes.schedule();
            });
        } else {
            indexes.schedule();
        }
    }

    /**
     * After a large import: the deferred merge of the GIN indexes' pending lists, the visibility map and fresh
     * statistics (searches and the next import plan for the new size of the tables). Off the import thread, so the
     * next job need not wait; autovacuum would get there too, later.
     */
    private void afterCommit(ImportRunner.Work work) {
        long t0 = System.nanoTime();
        try {
            for (String table : tables(work.kind())) {
                // VACUUM merges the GIN pending lists, sets the visibility map (index-only scans, cheap counts)
                // and ANALYZE refreshes the statistics; autovacuum would do the same, only later
                jdbc.sql("vacuum (analyze) " + table).update();
                // right after a million-row load the first pass left up to three quarters of the pages without their
                // all-visible mark (some snapshot older than the commit, it seems), and index-only searches read the
                // heap for them; a second pass visits only the unmarked pages and left 1-4 % of them in the benchmark
                boolean unmarked = jdbc.sql("select relallvisible < relpages from pg_class where oid = to_regclass(:t)")
                        .param("t", table).query(Boolean.class).single();
                if (unmarked) {
                    jdbc.sql("vacuum " + table).update();
                }
            }
            log.info("Import {}: index upkeep and statistics done in {} ms", work.id(), (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Import {}: upkeep after the commit failed; autovacuum will catch up", work.id(), e);
        }
    }

    /** Waits until the upkeep of finished imports is done (before the next import; the benchmark before searching). */
    public void await() {
        try {
            upkeep.submit(() -> { }).get();
        } catch (ExecutionException e) {
            log.warn("Import upkeep failed; autovacuum will catch up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        upkeep.shutdownNow();
    }
}
