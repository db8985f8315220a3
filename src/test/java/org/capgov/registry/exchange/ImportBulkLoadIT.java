package org.capgov.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk merge drops and rebuilds indexes (keys no foreign key relies on included) and skips foreign-key checks only inside the import's
 * transaction: after the merge everything is back, and a rollback restores it too. Runs on scratch tables made in
 * the test's own transaction, which always rolls back.
 */
class ImportBulkLoadIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ImportIndexBuilder indexBuilder;
    @Autowired
    ImportUpkeep upkeep;

    @Test
    void dropsAndRebuildsIndexesAndSkipsForeignKeyChecksOnlyDuringTheMerge() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            scratchTables();
            ImportBulkLoad bulk = ImportBulkLoad.begin(jdbc, tx, List.of("bulk_parent", "bulk_child"), 10, 1);
            assertThat(bulk.rebuilds("bulk_child")).isTrue();
            // the parent's key is what the child's foreign key relies on: kept; everything of the child goes
            assertThat(indexes("bulk_parent")).containsExactly("bulk_parent_pkey");
            assertThat(indexes("bulk_child")).isEmpty();
            assertThat(role()).isEqualTo("replica");
            // the merge may write a reference PostgreSQL has not checked: the staging checks are the guard
            jdbc.sql("insert into bulk_child (parent_id, code, note) values (999, 'B', 'x')").update();
            bulk.end();
            // the GIN index is left for after the commit, listed in the same transaction (ImportIndexBuilder)
            assertThat(indexes("bulk_child")).containsExactly("bulk_child_code", "bulk_child_note", "bulk_child_pkey");
            assertThat(jdbc.sql("select definition from deferred_index where name = 'bulk_child_tags'")
                    .query(String.class).single()).isEqualTo("CREATE INDEX bulk_child_tags ON public.bulk_child USING gin (tags)");
            assertThat(jdbc.sql("select count(*) from pg_constraint where conname = 'bulk_child_pkey' and contype = 'p'")
                    .query(Long.class).single()).as("the primary key is a constraint again").isEqualTo(1);
            assertThat(role()).isEqualTo("origin");
            tx.setRollbackOnly();
        });
    }

    @Test
    void aRepeatWrittenWhileTheUniqueIndexWasGoneFailsItsRebuild() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            scratchTables();
            ImportBulkLoad bulk = ImportBulkLoad.begin(jdbc, tx, List.of("bulk_child"), 10, 1);
            jdbc.sql("insert into bulk_child (parent_id, code) values (1, 'R'), (1, 'R')").update();
            assertThatThrownBy(bulk::end).isInstanceOf(DuplicateKeyException.class);
            tx.setRollbackOnly();
        });
    }

    @Test
    void keepsTheIndexesOfATableLargerThanTheImport() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            scratchTables();
            jdbc.sql("insert into bulk_child (parent_id, code, note) select 1, 'C' || g, 'n' from generate_series(1, 50) g")
                    .update();
            jdbc.sql("analyze bulk_child").update();
            ImportBulkLoad bulk = ImportBulkLoad.begin(jdbc, tx, List.of("bulk_child"), 10, 1);
            assertThat(indexes("bulk_child")).containsExactly("bulk_child_code", "bulk_child_note", "bulk_child_pkey",
                    "bulk_child_tags");
            assertThat(bulk.rebuilds("bulk_child")).isFalse();
            bulk.end();
            tx.setRollbackOnly();
        });
    }

    @Test
    void aTablePeopleSearchKeepsItsIndexesSoThatSearchesNeedNotWait() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            scratchTables();
            // one row, not yet counted by ANALYZE: the import is far larger, but the table is no longer empty
            jdbc.sql("insert into bulk_child (parent_id, code, note) values (1, 'S', 'n')").update();
            ImportBulkLoad bulk = ImportBulkLoad.begin(jdbc, tx, List.of("bulk_child"), 1_000_000, 1, 0);
            assertThat(bulk.rebuilds("bulk_child")).isFalse();
            assertThat(indexes("bulk_child")).containsExactly("bulk_child_code", "bulk_child_note", "bulk_child_pkey",
                    "bulk_child_tags");
            bulk.end();
            tx.setRollbackOnly();
        });
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            scratchTables();
            // the first load into the empty table still rebuilds
            ImportBulkLoad bulk = ImportBulkLoad.begin(jdbc, tx, List.of("bulk_child"), 10, 1, 0);
            assertThat(bulk.rebuilds("bulk_child")).isTrue();
            bulk.end();
            tx.setRollbackOnly();
        });
    }

    @Test
    void checksForeignKeysWhenATableHasATriggerOfItsOwn() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            scratchTables();
            jdbc.sql("create function bulk_noop() returns trigger language plpgsql as $$ begin return new; end $$").update();
            jdbc.sql("create trigger bulk_child_noop before insert on bulk_child for each row execute function bulk_noop()")
                    .update();
            ImportBulkLoad bulk = ImportBulkLoad.begin(jdbc, tx, List.of("bulk_child"), 10, 1);
            assertThat(role()).isEqualTo("origin");
            bulk.end();
            tx.setRollbackOnly();
        });
    }

    @Test
    void aTriggerThatAlwaysFiresDoesNotKeepTheChecksOn() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            scratchTables();
            jdbc.sql("create table bulk_seen (n bigint)").update();
            jdbc.sql("create function bulk_count() returns trigger language plpgsql as $$ "
                    + "begin insert into bulk_seen select count(*) from new_rows; return null; end $$").update();
            jdbc.sql("create trigger bulk_child_count after insert on bulk_child referencing new table as new_rows "
                    + "for each statement execute function bulk_count()").update();
            jdbc.sql("alter table bulk_child enable always trigger bulk_child_count").update();
            ImportBulkLoad bulk = ImportBulkLoad.begin(jdbc, tx, List.of("bulk_child"), 10, 1);
            assertThat(role()).isEqualTo("replica");
            jdbc.sql("insert into bulk_child (parent_id, code) values (1, 'A'), (1, 'B')").update();
            assertThat(jdbc.sql("select sum(n) from bulk_seen").query(Long.class).single()).as("fired in replica mode")
                    .isEqualTo(2);
            bulk.end();
            tx.setRollbackOnly();
        });
    }

    @Test
    void anEmptyTableGetsANewFileSoThatItsLoadSkipsTheWal() {
        // committed tables: TRUNCATE keeps the file of a table created in the same transaction (it skips the WAL anyway)
        jdbc.sql("create table bulk_root (id bigint primary key, note text)").update();
        jdbc.sql("create index bulk_root_note on bulk_root (note)").update();
        jdbc.sql("create table bulk_leaf (root_id bigint references bulk_root (id))").update();
        jdbc.sql("create table bulk_free (note text)").update();
        jdbc.sql("create index bulk_free_note on bulk_free (note)").update();
        jdbc.sql("create table bulk_full (note text)").update();
        jdbc.sql("create index bulk_full_note on bulk_full (note)").update();
        jdbc.sql("insert into bulk_full values ('kept')").update();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                // bulk_root is empty and referred to by a foreign key (its key stays: CLUSTER), bulk_free is empty and
                // referred to by nothing (TRUNCATE), bulk_full holds a row (left alone)
                List<String> tables = List.of("bulk_root", "bulk_free", "bulk_full");
                List<Long> before = tables.stream().map(this::fileNode).toList();
                ImportBulkLoad bulk = ImportBulkLoad.begin(jdbc, tx, tables, 10, 1);
                assertThat(jdbc.sql("select current_setting('wal_level')").query(String.class).single()).isEqualTo("minimal");
                assertThat(tables.stream().map(this::fileNode).toList()).satisfies(after -> {
                    assertThat(after.get(0)).as("bulk_root").isNotEqualTo(before.get(0));
                    assertThat(after.get(1)).as("bulk_free").isNotEqualTo(before.get(1));
                    assertThat(after.get(2)).as("bulk_full").isEqualTo(before.get(2));
                });
                assertThat(jdbc.sql("select count(*) from pg_index where indisclustered and indrelid = 'bulk_root'::regclass")
                        .query(Long.class).single()).as("not left marked as clustered").isZero();
                jdbc.sql("insert into bulk_root select g, 'n' from generate_series(1, 5) g").update();
                jdbc.sql("insert into bulk_free values ('a'), ('b')").update();
                bulk.end();
                assertThat(indexes("bulk_root")).containsExactly("bulk_root_note", "bulk_root_pkey");
                assertThat(indexes("bulk_free")).containsExactly("bulk_free_note");
                assertThat(jdbc.sql("select count(*) from bulk_root where note = 'n'").query(Long.class).single()).isEqualTo(5);
                assertThat(jdbc.sql("select count(*) from bulk_free").query(Long.class).single()).isEqualTo(2);
                assertThat(jdbc.sql("select note from bulk_full").query(String.class).list()).containsExactly("kept");
                tx.setRollbackOnly();
            });
        } finally {
            jdbc.sql("drop table bulk_leaf, bulk_root, bulk_free, bulk_full").update();
        }
    }

    @Test
    void aGinIndexLeftForAfterTheCommitIsBuiltThenAndCrossedOff() {
        // committed: the builder works in transactions of its own, after the import's commit; nothing of an earlier
        // import may start it meanwhile
        upkeep.await();
        indexBuilder.awaitAll();
        scratchTables();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                ImportBulkLoad bulk = ImportBulkLoad.begin(jdbc, tx, List.of("bulk_child"), 10, 1);
                jdbc.sql("insert into bulk_child (parent_id, code, tags) values (1, 'A', '{x,y}'), (1, 'B', '{y}')").update();
                bulk.end();
            });
            assertThat(indexes("bulk_child")).doesNotContain("bulk_child_tags");
            assertThat(listed("bulk_child_tags")).isTrue();
            indexBuilder.awaitTables(List.of("bulk_child"));
            assertThat(indexes("bulk_child")).contains("bulk_child_tags");
            assertThat(listed("bulk_child_tags")).isFalse();
            assertThat(jdbc.sql("select indisvalid from pg_index where indexrelid = 'bulk_child_tags'::regclass")
                    .query(Boolean.class).single()).isTrue();
        } finally {
            jdbc.sql("drop table bulk_child, bulk_parent").update();
        }
    }

    @Test
    void whatAStopLeftListedIsBuiltAndAnIndexAlreadyBackIsOnlyCrossedOff() {
        scratchTables();
        try {
            // as a crash after the import's commit leaves it: the index gone, its line in the list
            jdbc.sql("drop index bulk_child_note").update();
            ImportIndexBuilder.defer(jdbc, "bulk_child", "bulk_child_note",
                    "CREATE INDEX bulk_child_note ON public.bulk_child USING btree (note)");
            ImportIndexBuilder.defer(jdbc, "bulk_child", "bulk_child_tags",
                    "CREATE INDEX bulk_child_tags ON public.bulk_child USING gin (tags)");
            indexBuilder.awaitAll();
            assertThat(indexes("bulk_child")).contains("bulk_child_note", "bulk_child_tags");
            assertThat(listed("bulk_child_note")).isFalse();
            assertThat(listed("bulk_child_tags")).isFalse();
        } finally {
            jdbc.sql("drop table bulk_child, bulk_parent").update();
        }
    }

    @Test
    void aBuildWaitsWhileAnImportReadsItsFile() throws InterruptedException {
        upkeep.await();
        indexBuilder.awaitAll();
        scratchTables();
        try {
            jdbc.sql("drop index bulk_child_tags").update();
            ImportIndexBuilder.defer(jdbc, "bulk_child", "bulk_child_tags",
                    "CREATE INDEX bulk_child_tags ON public.bulk_child USING gin (tags)");
            indexBuilder.reading(true);
            try {
                indexBuilder.schedule();
                Thread.sleep(600);
                assertThat(indexes("bulk_child")).doesNotContain("bulk_child_tags");
                assertThat(listed("bulk_child_tags")).isTrue();
            } finally {
                indexBuilder.reading(false);
            }
            indexBuilder.awaitAll();
            assertThat(indexes("bulk_child")).contains("bulk_child_tags");
        } finally {
            jdbc.sql("drop table bulk_child, bulk_parent").update();
        }
    }

    private boolean listed(String index) {
        return jdbc.sql("select exists (select 1 from deferred_index where name = :n)").param("n", index)
                .query(Boolean.class).single();
    }

    private long fileNode(String table) {
        return jdbc.sql("select pg_relation_filenode(to_regclass(:t))").param("t", table).query(Long.class).single();
    }

    private void scratchTables() {
        jdbc.sql("create table bulk_parent (id bigint primary key)").update();
        jdbc.sql("insert into bulk_parent values (1)").update();
        jdbc.sql("""
                create table bulk_child (id bigserial primary key, parent_id bigint not null references bulk_parent (id),
                                         code text not null, note text, tags text[])
                """).update();
        jdbc.sql("create unique index bulk_child_code on bulk_child (parent_id, code)").update();
        jdbc.sql("create index bulk_child_note on bulk_child (note)").update();
        jdbc.sql("create index bulk_child_tags on bulk_child using gin (tags)").update();
    }

    private List<String> indexes(String table) {
        return jdbc.sql("select indexname from pg_indexes where tablename = :t order by 1").param("t", table)
                .query(String.class).list();
    }

    private String role() {
        return jdbc.sql("select current_setting('session_replication_role')").query(String.class).single();
    }
}
