package org.capgov.registry.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.DataScope;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.capgov.registry.RegionDirectory;
import org.capgov.shared.spreadsheet.RowReader;
import org.capgov.shared.spreadsheet.SheetRow;
import org.capgov.shared.spreadsheet.SpreadsheetUpload;
import org.capgov.shared.spreadsheet.UnreadableFileException;
import org.capgov.shared.spreadsheet.ReadLimits;
import java.time.Clock;
import org.capgov.shared.ChinaTime;

/**
 * Runs one import job from its file to its end, all or nothing: every row is read as a stream, checked, and COPYed
 * into a TEMP staging table inside ONE transaction; the staged rows are checked in SQL; only when no error at all
 * was found are they merged into the registry and the transaction committed, with one audit entry. Otherwise the
 * transaction rolls back and the database is exactly as before. Progress and the outcome are recorded by
 * {@link ImportJobBook}, the upkeep after a large import by {@link ImportUpkeep}.
 */
@Component
public class ImportRunner {

    /** The PostgreSQL advisory lock key of imports ("capgi"): one import at a time, across application nodes too. */
    static final long IMPORT_LOCK = 0x6361706769L;
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    /** What a job needs to run without the request that submitted it. */
    record Work(long id, ImportKind kind, ImportMode mode, String fileName, Path file, String actor, String actorIp,
            DataScope scope, String regionPath) {
    }

    /** How a run ended. */
    record Result(ImportJob.Status status, long rows, ImportRows.Counts counts, String message) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ImportJobRepository jobs;
    private final ImportJobBook book;
    private final RegionDirectory regions;
    private final AuditTrail audit;
    private final TransactionTemplate importTx;
    private final ImportSettings settings;
    private final ImportIndexBuilder indexes;
    private final ImportUpkeep upkeep;
    private final Clock clock;

    public ImportRunner(Clock clock, DataSource dataSource, JdbcClient jdbc, ImportJobRepository jobs, ImportJobBook book,
            ImportUpkeep upkeep, RegionDirectory regions, AuditTrail audit, PlatformTransactionManager transactions,
            ImportSettings settings, ImportIndexBuilder indexes) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.book = book;
        this.upkeep = upkeep;
        this.regions = regions;
        this.audit = audit;
        this.settings = settings;
        this.indexes = indexes;
        this.importTx = new TransactionTemplate(transactions);
    }

    /**
     * The tables whose indexes a large import may drop and rebuild: production lines keep theirs, the merge inserts
     * them with ON CONFLICT on their unique key.
     */
    private static List<String> bulkTables(ImportKind kind) {
        return kind == ImportKind.ENTERPRISES ? ImportUpkeep.tables(kind) : List.of("equipment", "equipment_status_history");
    }

    /** Runs the job to its end; never throws (the outcome is recorded on the job). */
    void run(Work work) {
        ImportErrors errors = new ImportErrors(settings.maxStoredErrors());
        Result result;
        try {
            // the GIN indexes an earlier import left for after its commit, if they belong to this import's tables (it
            // finds them all present); those of other tables are built once this import has read its file
            indexes.awaitTables(ImportUpkeep.tables(work.kind()));
            indexes.reading(true);
            jobs.start(work.id());
            // the file is read while the previous import's upkeep runs in the database (one core each)
            SpreadsheetUpload.Inspection file = SpreadsheetUpload.inspect(work.file());
            jobs.inspected(work.id(), file.format().name(), file.sha256(),
                    file.charsetName());
            // that upkeep before the transaction: this import's checks and joins are planned on the statistics it
            // refreshes (equipment after their enterprises: a million new enterprises the planner would take for none)
            upkeep.await();
            result = importTx.execute(tx -> importInTransaction(work, file, errors, tx));
        } catch (UnreadableFileException e) {
            result = new Result(ImportJob.Status.REJECTED, 0, null, e.getMessage());
        } catch (DuplicateKeyException e) {
            log.warn("Import {} collided with a concurrent change", work.id(), e);
            result = new Result(ImportJob.Status.FAILED, 0, null, "与同时进行的其他修改冲突（同一企业、设备或供电户号），未导入任何数据；请重新导入");
        } catch (IOException | RuntimeException | Error e) {
            // an Error too (a missing class, memory): the job must end as FAILED, never stay RUNNING for ever
            log.error("Import {} failed", work.id(), e);
            result = new Result(ImportJob.Status.FAILED, 0, null, "服务器未能完成导入，未导入任何数据：" + rootMessage(e));
        }
        indexes.reading(false);
        book.finish(work, result, errors);
    }

    private Result importInTransaction(Work work, SpreadsheetUpload.Inspection file, ImportErrors errors, TransactionStatus tx) {
        try {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", IMPORT_LOCK).query().singleRow();
            // hash aggregates and joins over a million staged rows stay in memory instead of spilling to disk
            jdbc.sql("set local work_mem = '256MB'").update();
            // whatever the server's setting (an external one may commit asynchronously), an import's commit waits for
            // its WAL record: an import reported done stays done after a crash, and the VACUUM right after the commit (see
            // afterCommit) can only mark pages all-visible once that record is flushed (measured: 0 of 31,470
            // pages marked otherwise, which left district searches to read the heap instead of the index)
            jdbc.sql("set local synchronous_commit = on").update();
            // big set-based statements gain nothing from JIT compilation but its start-up time
            jdbc.sql("set local jit = off").update();
            // new GIN entries (names, industries) collect in the index's pending list and are merged in a few large
            // batches instead of many small ones; kept well below shared_buffers so that the list does not push the
            // B-tree pages out. What is left is merged after the commit (see afterCommit). A first load rebuilds the
            // GIN indexes instead (ImportBulkLoad): a million rows through the pending lists of the two GIN indexes
            // cost 15 s of the insert plus 13 s of merging after the commit, which then slowed the next import
            jdbc.sql("set local gin_pending_list_limit = '64MB'").update();
            Result direct = loadDirect(work, file, tx);
            Result r = direct != null ? direct : stageAndCheck(work, file, errors, tx);
            if (r.status() != ImportJob.Status.SUCCEEDED) {
                tx.setRollbackOnly();
            }
            return r;
        } catch (UnreadableFileException e) {
            tx.setRollbackOnly();
            return new Result(ImportJob.Status.REJECTED, 0, null, e.getMessage());
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Result stageAndCheck(Work work, SpreadsheetUpload.Inspection file, ImportErrors errors, TransactionStatus tx)
            throws IOException, SQLException {
        ImportRows rows;
        long count = 0;
        long t0 = System.nanoTime();
        try (RowReader source = SpreadsheetUpload.open(work.file(), file, ReadLimits.DEFAULT)) {
            SheetRow first = firstRow(source);
            if (first == null) {
                return new Result(ImportJob.Status.REJECTED, 0, null, "文件中没有表头行，也没有数据");
            }
            ImportHeader header = ImportHeader.resolve(work.kind(), first, errors);
            if (errors.any()) {
                return new Result(ImportJob.Status.REJECTED, 0, null, "表头与模板不符，未读取数据行；请按模板的列名修改表头");
            }
            rows = rows(work, header, errors);
            jdbc.sql(rows.stageDdl()).update();
            count = copyRows(work, source, rows.copySql(), ImportRowCopy.staging(rows));
            book.progress(work.id(), "CHECKING", count, source.bytesRead());
        }
        if (count == 0) {
            return new Result(ImportJob.Status.REJECTED, 0, null, "文件中只有表头，没有数据行");
        }
        // TEMP tables are never analysed automatically; without statistics the checks would use nested loops
        jdbc.sql("analyze " + (work.kind() == ImportKind.ENTERPRISES ? "import_stage_enterprise" : "import_stage_equipment"))
                .update();
        long t1 = System.nanoTime();
        rows.check(jdbc);
        boolean deferChecks = work.mode() == ImportMode.INSERT_ONLY;
        if (!deferChecks || errors.any()) {
            rows.checkDeferred(jdbc);
        }
        long t2 = System.nanoTime();
        log.info("Import {}: {} rows read, checked and staged in {} ms, checked against each other and the registry in {} ms",
                work.id(), count, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        if (errors.any()) {
            return new Result(ImportJob.Status.REJECTED, count, null, null);
        }
        book.progress(work.id(), "WRITING", count, -1);
        ImportRows.Counts counts;
        Object beforeMerge = tx.createSavepoint();
        try {
            ImportBulkLoad bulk = ImportBulkLoad.begin(jdbc, tx, bulkTables(work.kind()), count,
                    settings.rebuildIndexesFrom(), settings.rebuildIndexesUpToPresent());
            counts = rows.merge(jdbc, work.actor(), bulk);
            bulk.end();
            tx.releaseSavepoint(beforeMerge);
        } catch (DuplicateKeyException | ImportRows.Shortfall e) {
            if (!deferChecks) {
                throw e;
            }
            // a unique index refused a row, or a row found no place: undo the merge and name every such row
            tx.rollbackToSavepoint(beforeMerge);
            rows.checkDeferred(jdbc);
            if (!errors.any()) {
                throw e;
            }
            return new Result(ImportJob.Status.REJECTED, count, null, null);
        }
        log.info("Import {}: {} inserted, {} updated in {} ms", work.id(), counts.inserted(), counts.updated(),
                (System.nanoTime() - t2) / 1_000_000);
        return succeeded(work, file, count, counts, false);
    }

    /** Records the import in the audit trail; {@code direct}: loaded without staging (see {@link ImportDirect}). */
    private Result succeeded(Work work, SpreadsheetUpload.Inspection file, long count, ImportRows.Counts counts, boolean direct) {
        audit.recordAs(work.actor(), work.actorIp(), new AuditEvent(AuditAction.CREATE, "import", Long.toString(work.id()),
                work.regionPath(), summary(work, file, count, counts), null,
                details(work, file, count, counts, direct)));
        return new Result(ImportJob.Status.SUCCEEDED, count, counts, null);
    }

    private static SheetRow firstRow(RowReader source) throws IOException {
        SheetRow first = source.next();
        while (first != null && first.blank()) {
            first = source.next();
        }
        return first;
    }

    /**
     * The direct load of a large, clean "insert only" CSV file (see {@link ImportDirect}), or null when it was not
     * taken or gave way: then nothing of it is left and the staging path runs.
     */
    private Result loadDirect(Work work, SpreadsheetUpload.Inspection file, TransactionStatus tx) throws IOException, SQLException {
        long lastRow = file.lineBreaks() + 1;
        if (work.mode() != ImportMode.INSERT_ONLY || file.format() != SpreadsheetUpload.Format.CSV
                || lastRow < settings.rebuildIndexesFrom() || lastRow > settings.maxRows(work.kind()) + 1
                || work.scope().grants().stream().anyMatch(g -> g.enterpriseUscc() != null)) {
            return null;
        }
        long t0 = System.nanoTime();
        // the staging path reports every problem: here the first one only ends the attempt
        ImportErrors unused = new ImportErrors(1);
        Object savepoint = tx.createSavepoint();
        try (RowReader source = SpreadsheetUpload.open(work.file(), file, ReadLimits.DEFAULT)) {
            SheetRow first = firstRow(source);
            ImportHeader header = first == null ? null : ImportHeader.resolve(work.kind(), first, unused);
            if (header == null || unused.any()) {
                return gaveWay(work, tx, savepoint, "the header is not the template's");
            }
            try (ImportDirect direct = direct(work, rows(work, header, unused))) {
                ImportBulkLoad bulk = ImportBulkLoad.begin(jdbc, tx, direct.tables(), lastRow, settings.rebuildIndexesFrom(),
                        settings.rebuildIndexesUpToPresent());
                CopyManager copies = DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class).getCopyAPI();
                if (!bulk.checksOff() || !direct.tables().stream().allMatch(bulk::rebuilds)
                        || !direct.prepare(jdbc, copies, tx, bulk, lastRow, work.file().getParent())) {
                    return gaveWay(work, tx, savepoint, "the tables are not all rebuilt, or busy");
                }
                long count = copyRows(work, source, direct.copySql(), ImportRowCopy.direct(direct));
                if (count <= 0) {
                    return gaveWay(work, tx, savepoint, "a row is not clean");
                }
                book.progress(work.id(), "WRITING", count, -1);
                long t1 = System.nanoTime();
                if (!direct.finish(jdbc, copies, bulk)) {
                    return gaveWay(work, tx, savepoint, "a row's reference was not found");
                }
                bulk.end();
                tx.releaseSavepoint(savepoint);
                log.info("Import {}: {} rows read, checked and loaded directly in {} ms, side tables and indexes in {} ms",
                        work.id(), count, (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
                return succeeded(work, file, count, new ImportRows.Counts(count, 0), true);
            }
        } catch (DuplicateKeyException e) {
            return gaveWay(work, tx, savepoint, "a unique index refused a repeat");
        } catch (UnreadableFileException e) {
            return gaveWay(work, tx, savepoint, "the file is not readable");
        }
    }

    private Result gaveWay(Work work, TransactionStatus tx, Object savepoint, String why) {
        tx.rollbackToSavepoint(savepoint);
        log.info("Import {}: the direct load gave way to the staging path: {}", work.id(), why);
        return null;
    }

    private static ImportDirect direct(Work work, ImportRows rows) {
        return rows instanceof ImportEnterpriseRows enterprises
                ? new ImportEnterpriseDirect(enterprises, work.actor())
                : new ImportEquipmentDirect((ImportEquipmentRows) rows, work.actor());
    }

    private ImportRows rows(Work work, ImportHeader header, ImportErrors errors) {
        var open = regions.openRegions();
        return work.kind() == ImportKind.ENTERPRISES
                ? new ImportEnterpriseRows(header, work.mode(), open, work.scope(), ChinaTime.today(clock), errors)
                : new ImportEquipmentRows(header, work.mode(), open, work.scope(), ChinaTime.today(clock), errors);
    }

    /**
     * Streams the rows after the header through {@code sink} into {@code copySql} on the import's connection, with
     * progress. Returns the data rows read, or -1 as soon as the sink refuses a row.
     */
    private long copyRows(Work work, RowReader source, String copySql, ImportRowCopy.Sink sink)
            throws IOException, SQLException {
        CopyIn copy = DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        indexes.reading(true);
        try {
            return ImportRowCopy.copy(source, copy, sink, settings.maxRows(work.kind()),
                    (rows, bytes) -> book.progress(work.id(), "READING", rows, bytes));
        } finally {
            indexes.reading(false);
        }
    }

    private static String summary(Work work, SpreadsheetUpload.Inspection file, long rows, ImportRows.Counts counts) {
        return "批量导入" + work.kind().nameZh() + "（" + work.mode().nameZh() + "）：文件 " + work.fileName() + "，SHA-256 "
                + file.sha256() + "，" + rows + " 行，新增 " + counts.inserted() + "，更新 " + counts.updated();
    }

    private static Map<String, Object> details(Work work, SpreadsheetUpload.Inspection file, long rows, ImportRows.Counts counts,
            boolean direct) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", work.kind().name());
        m.put("mode", work.mode().name());
        m.put("fileName", work.fileName());
        m.put("fileFormat", file.format().name());
        m.put("sha256", file.sha256());
        m.put("rows", rows);
        m.put("inserted", counts.inserted());
        m.put("updated", counts.updated());
        m.put("method", direct ? "DIRECT" : "STAGED");
        return m;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
