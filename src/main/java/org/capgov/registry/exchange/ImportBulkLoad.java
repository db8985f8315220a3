package org.capgov.registry.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;

/**
 * Makes the merge of a large import cheaper, inside the import's own transaction so that it stays all or nothing
 * (a rollback restores every dropped index and every setting):
 * <ul>
 * <li><b>Foreign-key checks</b> are skipped ({@code session_replication_role = replica}) because the staged rows were
 * already checked as a set: every USCC exists (checked in SQL), every region code is an open region (checked in
 * Java; regions are never deleted), and every id the merge writes comes from a join with the row it refers to.
 * Registry rows are never deleted, so no concurrent change can remove a referenced row. Row-by-row, PostgreSQL's
 * check costs 7–10 µs per reference plus a row lock on the referenced row. Only done when the role may set the
 * parameter (the embedded server grants it to the application role, see README "database roles"; it switches
 * triggers off, not table privileges, so the audit trail stays out of reach) and the tables carry no trigger of their own that replica mode would
 * silence too (triggers marked {@code ENABLE ALWAYS}, such as those keeping enterprise_industry and the tally,
 * fire in replica mode).</li>
 * <li><b>Indexes</b> of a table are dropped and rebuilt when the import brings at least as many rows as the table
 * holds: one sorted build is several times cheaper than a million insertions one by one (measured on 1,000,000
 * history rows: 2.7 s of index upkeep against 0.3 s for building the same two indexes afterwards). That includes
 * primary keys and unique constraints that no foreign key references (a status history's key, the USCC, an
 * enterprise's equipment codes, the current grid accounts): the rebuild checks uniqueness again, so a repeat that
 * slipped in makes the merge fail as it would have failed with the index in place. The drop takes the table's
 * exclusive lock until the commit, so readers of that table wait: it is therefore only done while the table is empty
 * (a first load; {@code capgov.imports.rebuild-indexes-up-to-present-rows}), never to a registry people search; it waits at most
 * {@value #LOCK_WAIT} for running readers and otherwise keeps the indexes. GIN indexes are built after the commit
 * (see {@link #end}).</li>
 * </ul>
 */
final class ImportBulkLoad {

    private static final String LOCK_WAIT = "5s";
    private static final Logger log = LoggerFactory.getLogger(ImportBulkLoad.class);

    /**
     * An index to rebuild; {@code constraint} and its definition when the index backs a primary key or unique
     * constraint; {@code gin} when it is a GIN index, which is built after the commit (see {@link #end}).
     */
    private record Index(String table, String name, String definition, String constraint, String constraintDefinition,
            boolean gin) {

        boolean afterCommit() {
            return gin && constraint == null;
        }

        String drop() {
            return constraint == null ? "drop index " + name : "alter table " + table + " drop constraint " + constraint;
        }

        String rebuild() {
            return constraint == null ? definition
                    : "alter table " + table + " add constraint " + constraint + " " + constraintDefinition;
        }
    }

    private final JdbcClient jdbc;
    private final List<Index> dropped = new ArrayList<>();
    private final Set<String> locked = new HashSet<>();
    private boolean checksOff;

    private ImportBulkLoad(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Prepares the merge of {@code rows} staged rows into {@code tables}; indexes are only dropped from {@code
     * minRows} rows on.
     */
    static ImportBulkLoad begin(JdbcClient jdbc, TransactionStatus tx, List<String> tables, long rows, long minRows) {
        return begin(jdbc, tx, tables, rows, minRows, Long.MAX_VALUE);
    }

    /**
     * As above, dropping the indexes of a table only while it holds at most {@code maxPresent} rows: the drop locks
     * the table against readers until the commit, so a registry people search keeps its indexes during an import.
     */
    static ImportBulkLoad begin(JdbcClient jdbc, TransactionStatus tx, List<String> tables, long rows, long minRows,
            long maxPresent) {
        ImportBulkLoad bulk = new ImportBulkLoad(jdbc);
        String[] names = tables.toArray(String[]::new);
        boolean mayUnlock = jdbc.sql("select has_parameter_privilege('session_replication_role', 'SET')")
                .query(Boolean.class).single();
        long ownTriggers = jdbc.sql("""
                select count(*) from pg_trigger
                where not tgisinternal and tgenabled <> 'A'
                  and tgrelid in (select to_regclass(t) from unnest(cast(:t as text[])) t)
                """).param("t", names).query(Long.class).single();
        if (mayUnlock && ownTriggers == 0) {
            jdbc.sql("set local session_replication_role = replica").update();
            bulk.checksOff = true;
        }
        if (rows >= minRows) {
            bulk.dropIndexes(tx, tables, rows, maxPresent);
        }
        return bulk;
    }

    private void dropIndexes(TransactionStatus tx, List<String> tables, long rows, long maxPresent) {
        List<Index> candidates = new ArrayList<>();
        for (String table : tables) {
            // reltuples is -1 for a table never analysed (a new one) and an estimate otherwise; both are good enough
            long present = jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = to_regclass(:t)")
                    .param("t", table).query(Long.class).single();
            if (present == 0 && jdbc.sql("select exists (select 1 from " + table + ")").query(Boolean.class).single()) {
                present = 1; // rows not yet counted by ANALYZE
            }
            if (rows < present || present > maxPresent) {
                continue;
            }
            // every index but those a foreign key relies on (conindid of an 'f' constraint is the referenced index)
            // and those backing other kinds of constraint (exclusion)
            candidates.addAll(jdbc.sql("""
                    select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), c.conname,
                           pg_get_constraintdef(c.oid), a.amname = 'gin'
                    from pg_index i
                    join pg_class x on x.oid = i.indexrelid
                    join pg_am a on a.oid = x.relam
                    left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid
                                             and c.contype in ('p', 'u')
                    where i.indrelid = to_regclass(:t)
                      and not exists (select 1 from pg_constraint f where f.conindid = i.indexrelid
                                      and f.contype not in ('p', 'u'))
                    order by 1
                    """).param("t", table).query((rs, n) -> new Index(table, rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getBoolean(5))).list());
        }
        if (candidates.isEmpty()) {
            return;
        }
        Object savepoint = tx.createSavepoint();
        try {
            jdbc.sql("set local lock_timeout = '" + LOCK_WAIT + "'").update();
            for (Index index : candidates) {
                jdbc.sql(index.drop()).update();
            }
            // inside the savepoint: should the new file fail, the indexes come back as if nothing was dropped
            renewEmptyTables(candidates.stream().map(Index::table).distinct().toList());
            jdbc.sql("set local lock_timeout = default").update();
            tx.releaseSavepoint(savepoint);
            dropped.addAll(candidates);
            log.info("Import: {} indexes dropped for the merge, rebuilt before the commit: {}; after it: {}",
                    dropped.size(), dropped.stream().filter(i -> !i.afterCommit()).map(Index::name).toList(),
                    dropped.stream().filter(Index::afterCommit).map(Index::name).toList());
        } catch (DataAccessException e) {
            // readers held the table longer than we wait: merge with the indexes in place
            tx.rollbackToSavepoint(savepoint);
            log.info("Import: indexes kept, the tables were busy ({})", e.getMostSpecificCause().getMessage());
        }
    }

    /**
     * Gives each empty table a new, empty data file, so that the merge writes its rows without writing them to the WAL
     * as well: with {@code wal_level = minimal} PostgreSQL skips the WAL for a relation whose file was created in the
     * same transaction, and syncs the file at the commit instead (the benchmark's million enterprises wrote 361 MB of
     * WAL otherwise, its 2.9 million equipment rows 867 MB). A table no foreign key refers to is truncated; one that is
     * referred to (its key was kept) is rewritten by CLUSTER on that key, as TRUNCATE would have to empty the referring
     * tables too. Only empty tables: the exclusive lock taken by the index drop keeps them empty, and nothing is lost
     * that an old snapshot could still see. A server that archives or replicates its WAL (any other wal_level) gains nothing and is left alone.
     */
    private void renewEmptyTables(List<String> tables) {
        if (!"minimal".equals(jdbc.sql("select current_setting('wal_level')").query(String.class).single())) {
            return;
        }
        for (String table : tables) {
            boolean empty = jdbc.sql("select not exists (select 1 from " + table + ")").query(Boolean.class).single();
            if (!empty) {
                continue;
            }
            String key = jdbc.sql("""
                    select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid
                    where i.indrelid = to_regclass(:t) order by i.indisprimary desc, c.relname limit 1
                    """).param("t", table).query(String.class).optional().orElse(null);
            if (key == null) {
                jdbc.sql("truncate " + table).update();
            } else {
                jdbc.sql("cluster " + table + " using " + key).update();
                jdbc.sql("alter table " + table + " set without cluster").update();
            }
            log.info("Import: {} is empty and loaded into a new file, without WAL", table);
        }
    }

    /** Whether foreign-key checks are off for the merge (replica mode, see above). */
    boolean checksOff() {
        return checksOff;
    }

    /**
     * Takes the table's EXCLUSIVE lock until the commit (readers go on, writers wait), so that the import alone draws
     * ids from its sequence (see {@link #idBase}); false when running writers held it longer than {@value #LOCK_WAIT}.
     */
    boolean lockWriters(TransactionStatus tx, String table) {
        Object savepoint = tx.createSavepoint();
        try {
            jdbc.sql("set local lock_timeout = '" + LOCK_WAIT + "'").update();
            jdbc.sql("lock table " + table + " in exclusive mode").update();
            jdbc.sql("set local lock_timeout = default").update();
            tx.releaseSavepoint(savepoint);
            locked.add(table);
            return true;
        } catch (DataAccessException e) {
            tx.rollbackToSavepoint(savepoint);
            log.info("Import: {} is busy ({})", table, e.getMostSpecificCause().getMessage());
            return false;
        }
    }

    /**
     * The id before the first one the import numbers in a table it locked for writers (or whose indexes it dropped,
     * which locks it too); {@link #claimIds} then moves the sequence past the last one used. For tables whose number
     * of new rows is known only at the end.
     */
    long idBase(String table) {
        if (!locked.contains(table) && !rebuilds(table)) {
            throw new IllegalStateException("ids of " + table + " are numbered only while the import holds it locked");
        }
        return jdbc.sql("select nextval(pg_get_serial_sequence(:t, 'id')) - 1").param("t", table).query(Long.class).single();
    }

    /** Sets the sequence of a table locked for writers to the last id the import used (see {@link #idBase}). */
    void claimIds(String table, long last) {
        // "not called": the next id is last + 1, also when none was used (a sequence cannot be set to 0)
        jdbc.sql("select setval(pg_get_serial_sequence(:t, 'id'), :last + 1, false)").param("t", table).param("last", last)
                .query(Long.class).single();
    }

    /** Whether the indexes of this table are rebuilt after the merge (so the order of its inserts does not matter). */
    boolean rebuilds(String table) {
        return dropped.stream().anyMatch(i -> i.table().equals(table));
    }

    /**
     * Reserves the ids {@code base + 1 … base + count} of the table's id sequence and returns {@code base}, so that a
     * merge can number the new rows from their row numbers and write their dependants (status history, grid
     * accounts) without joining back. Only while the table's indexes are dropped: the drop holds the table's
     * exclusive lock, so no other insert can draw from the sequence meanwhile.
     */
    long reserveIds(String table, long count) {
        if (!rebuilds(table)) {
            throw new IllegalStateException("ids of " + table + " are reserved only while it is locked for the merge");
        }
        return jdbc.sql("""
                select setval(seq, nextval(seq) + :n - 1) - :n from (select pg_get_serial_sequence(:t, 'id')::regclass seq) s
                """).param("t", table).param("n", count).query(Long.class).single();
    }

    /**
     * Rebuilds what was dropped and turns the checks back on; called after the merge, before the commit. GIN indexes
     * are listed for {@link ImportIndexBuilder} instead, which builds them after the commit: PostgreSQL 17 builds them
     * in one process (the name trigram index of a million enterprises: 12–16 s with the other core idle), where the
     * B-tree builds here use both cores. None of them backs a constraint, so the commit checks no less for it.
     */
    void end() {
        for (Index index : dropped) {
            if (index.afterCommit()) {
                ImportIndexBuilder.defer(jdbc, index.table(), index.name(), index.definition());
                continue;
            }
            long t0 = System.nanoTime();
            jdbc.sql(index.rebuild()).update();
            log.info("Import: index {} rebuilt in {} ms", index.name(), (System.nanoTime() - t0) / 1_000_000);
        }
        dropped.clear();
        if (checksOff) {
            jdbc.sql("set local session_replication_role = origin").update();
            checksOff = false;
        }
    }
}
