package org.capgov.registry.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;
import org.capgov.shared.spreadsheet.SheetRow;

/**
 * The direct load of a large "insert only" import: the rows are COPYed straight into the registry tables instead of
 * into a staging table first. COPY writes its rows in batches, where {@code INSERT … SELECT} from the staging table
 * inserts them one by one (in a benchmark run of the staging path, its DEBUG log: 36 s of the 101 s were those
 * inserts).
 * <p>
 * It is taken only where the staging path would drop and rebuild every index of the tables written (so the rebuilt
 * unique indexes find repeats, within the file and against the registry) and with foreign-key checks off. It gives
 * way at the first row that is not clean (an error of its own, an unregistered enterprise, an unknown parent …) and
 * at a repeat found by a unique index: the import then rolls back to before the direct load and runs the staging path,
 * whose checks name every faulty row. A clean file is read once, a faulty one up to its first fault and then again.
 */
abstract class ImportDirect implements AutoCloseable {

    private final List<ImportSideCopy> sides = new ArrayList<>();
    /** The main table; its status history is {@code table + "_status_history"}, keyed by {@code table + "_id"}. */
    private final String table;
    private final String actor;
    private long base;
    private long historyBase;

    ImportDirect(String table, String actor) {
        this.table = table;
        this.actor = actor;
    }

    /** The tables the load writes and whose indexes must all be rebuilt for it to be taken. */
    abstract List<String> tables();

    /**
     * Gets ready to number rows up to {@code lastRow}: reserves ids, reads what rows will be matched with. False when
     * the direct load cannot be taken after all.
     */
    abstract boolean prepare(JdbcClient jdbc, CopyManager copies, TransactionStatus tx, ImportBulkLoad bulk, long lastRow,
            Path directory) throws IOException, SQLException;

    /** COPY … FROM STDIN (FORMAT binary) of the main table. */
    abstract String copySql();

    /** Appends the row to the COPY (and its side rows); false when the row is not clean, so the load gives way. */
    abstract boolean load(SheetRow row, ImportBinaryCopy copy) throws IOException;

    /** After the main COPY: the side tables. False when the load must give way. */
    abstract boolean finish(JdbcClient jdbc, CopyManager copies, ImportBulkLoad bulk) throws IOException, SQLException;

    /** Reserves the ids of the main table and of its status history for rows numbered up to {@code lastRow}. */
    protected final void reserveIds(ImportBulkLoad bulk, long lastRow) {
        base = bulk.reserveIds(table, lastRow);
        historyBase = bulk.reserveIds(table + "_status_history", lastRow);
    }

    /** The id of the main table's row for this file row (see {@link #reserveIds}). */
    protected final long id(SheetRow row) {
        return base + row.number();
    }

    /**
     * The first status of every row just loaded (the main table's ids above {@code base}), numbered from {@code
     * historyBase} as the rows are from {@code base}; by hand, cheaper than a COPY of the same rows (3.6 against 6.4 s
     * for the benchmark's 2.9 million equipment statuses in text, 4.6 s in binary).
     */
    protected final void insertFirstStatuses(JdbcClient jdbc) {
        ImportRows.step("insert first statuses", jdbc.sql("insert into " + table + "_status_history (id, " + table
                + "_id, status, effective_from, note, recorded_by) select :historyBase - :base + r.id, r.id, r.status, "
                + "r.status_since, :note, :by from " + table + " r where r.id > :base")
                .param("historyBase", historyBase).param("base", base).param("note", ImportRows.NOTE).param("by", actor));
    }

    /** A temporary file of rows for a side table, deleted when the load is closed. */
    protected final ImportSideCopy side(Path directory, String name) throws IOException {
        ImportSideCopy side = new ImportSideCopy(directory, name);
        sides.add(side);
        return side;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (ImportSideCopy side : sides) {
            try {
                side.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
