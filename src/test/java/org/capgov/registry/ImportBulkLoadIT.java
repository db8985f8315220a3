package org.capgov.registry;

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
            assertThat(indexes("bulk_child")).containsExactly("bulk_child_code", "bulk_child_note", "bulk_child_pkey",
                    "bulk_child_tags");
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
