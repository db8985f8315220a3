package org.capgov.registry.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.capgov.region.Region;
import org.capgov.shared.CopyText;
import org.capgov.shared.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.capgov.registry.Violation;
import org.capgov.shared.spreadsheet.SheetRow;

/**
 * The work of one import kind: turn each row into a line of the COPY into its TEMP staging table (checking the row
 * on its own in Java with the registry's validators), then check the staged rows against each other and the
 * database in SQL, and finally merge them into the registry tables. Everything runs inside the import's single
 * transaction.
 */
abstract class ImportRows {

    /** Rows added and changed by a merge. */
    record Counts(long inserted, long updated) {
    }

    /** Turns one result row of a check query into an error. */
    interface ErrorRow {
        void add(ResultSet rs, ImportErrors errors) throws SQLException;
    }

    /** The note on the status history rows an import writes. */
    static final String NOTE = "批量导入";

    private static final Logger log = LoggerFactory.getLogger(ImportRows.class);

    protected final ImportHeader header;
    protected final ImportMode mode;
    protected final Map<String, Region> regions;
    protected final DataScope scope;
    protected final LocalDate today;
    protected final ImportErrors errors;
    private final boolean[] known;
    private final boolean[] bad;
    private final Map<String, String> fieldColumns;

    protected ImportRows(ImportHeader header, ImportMode mode, Map<String, Region> regions, DataScope scope,
            LocalDate today, ImportErrors errors, Map<String, String> fieldColumns) {
        this.header = header;
        this.mode = mode;
        this.regions = regions;
        this.scope = scope;
        this.today = today;
        this.errors = errors;
        this.known = header.known();
        this.bad = new boolean[known.length];
        this.fieldColumns = fieldColumns;
    }

    abstract String stageDdl();

    /** COPY … FROM STDIN statement of the staging table. */
    abstract String copySql();

    /** Checks one row; appends its COPY line and returns true, or records its errors and returns false. */
    abstract boolean stage(SheetRow row, StringBuilder copy);

    /** Checks of the staged rows among themselves and against the database. */
    abstract void check(JdbcClient jdbc);

    /**
     * Checks whose failures the merge notices by itself: repeats that a unique index refuses (the same USCC twice, an
     * existing enterprise or equipment item in "insert only" mode, a grid account held twice) and equipment of
     * unregistered enterprises (fewer rows written than staged, see {@link Shortfall}). Over millions of rows they cost
     * seconds, so in "insert only" mode they run only when the merge did fail that way, or when other errors were
     * found anyway; "insert or update" runs them first, because an update matched by two rows would not fail.
     */
    abstract void checkDeferred(JdbcClient jdbc);

    /** The merge wrote fewer rows than were staged: a deferred check will name the rows that could not be placed. */
    static final class Shortfall extends RuntimeException {
        Shortfall(String what, long written, long staged) {
            super(what + ": " + written + " of " + staged + " staged rows written");
        }
    }

    /** Throws {@link Shortfall} unless every staged row was written. */
    protected static void expectAll(JdbcClient jdbc, String stage, long written) {
        long staged = jdbc.sql("select count(*) from " + stage).query(Long.class).single();
        if (written != staged) {
            throw new Shortfall(stage, written, staged);
        }
    }

    /** Moves the staged rows into the registry (called only when no error was found). */
    abstract Counts merge(JdbcClient jdbc, String actor, ImportBulkLoad bulk);

    /** Starts a row: cells outside every known column are errors (data without a header cannot be placed). */
    protected final void begin(SheetRow row) {
        Arrays.fill(bad, false);
        for (int i : row.headerless(c -> c < known.length && known[c])) {
            errors.add(row.number(), SheetRow.columnName(i), row.cells()[i], SheetRow.HEADERLESS);
        }
    }

    /**
     * The trimmed cell of a column, or null when absent or blank. An over-long cell, a formula or a control
     * character is an error of that cell; the cell then counts as unusable and the validator's opinion of it is
     * not added on top.
     */
    protected final String cell(SheetRow row, String code) {
        int i = header.index(code);
        if (i < 0 || i >= row.cells().length) {
            return null;
        }
        String raw = row.cells()[i];
        if (row.formula(i)) {
            bad[i] = true;
            errors.add(row.number(), header.header(code), raw, "单元格是公式；不接受公式，请复制后“粘贴为数值”再导入");
            return null;
        }
        if (raw == null) {
            return null;
        }
        if (raw.length() > ImportCells.MAX_CELL) {
            bad[i] = true;
            errors.add(row.number(), header.header(code), raw, "内容过长（" + raw.length() + " 字，上限 "
                    + ImportCells.MAX_CELL + " 字）");
            return null;
        }
        String v = raw.strip();
        if (v.isEmpty()) {
            return null;
        }
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                bad[i] = true;
                errors.add(row.number(), header.header(code), v, "含有不可见的控制字符（U+" + String.format("%04X", (int) c)
                        + "），请清除后再导入");
                return null;
            }
        }
        if (ImportCells.looksLikeFormula(v)) {
            bad[i] = true;
            errors.add(row.number(), header.header(code), v, "以 = + - @ 开头的内容会被表格软件当作公式执行，不予接受");
            return null;
        }
        return v;
    }

    /** An error of a column of the current row. */
    protected final void error(long row, String code, String value, String reason) {
        int i = header.index(code);
        if (i >= 0) {
            bad[i] = true;
        }
        errors.add(row, header.header(code), value, reason);
    }

    /** A validator's violation as an error of its column, unless the cell was already reported unusable. */
    protected final void violation(long row, Violation v) {
        String field = v.field().startsWith("parameters.") ? "parameters" : v.field();
        String code = fieldColumns.getOrDefault(field, field);
        int i = header.index(code);
        if (i >= 0 && bad[i]) {
            return;
        }
        String column = header.kind().columns().stream().anyMatch(c -> c.code().equals(code)) ? header.header(code) : code;
        errors.add(row, column, v.value(), v.reason());
    }

    /** Runs a check query and records one error per result row (streamed: a check may match millions). */
    protected final void report(JdbcClient jdbc, String sql, Map<String, ?> params, ErrorRow mapper) {
        long t0 = System.nanoTime();
        long before = errors.total();
        jdbc.sql(sql).params(params).withFetchSize(5000).query((ResultSet rs) -> {
            mapper.add(rs, errors);
        });
        log.debug("import check found {} in {} ms: {}", errors.total() - before, (System.nanoTime() - t0) / 1_000_000,
                sql.strip().lines().findFirst().orElse(""));
    }

    /** Runs one statement of a merge; its duration is logged (DEBUG) to see where a large import spends its time. */
    protected static long step(String name, JdbcClient.StatementSpec statement) {
        long t0 = System.nanoTime();
        return stepDone(name, statement.update(), t0);
    }

    /** Logs (DEBUG) a step of a merge that started at {@code t0} and wrote {@code rows}; returns {@code rows}. */
    static long stepDone(String name, long rows, long t0) {
        log.debug("import step {}: {} rows in {} ms", name, rows, (System.nanoTime() - t0) / 1_000_000);
        return rows;
    }

    /** The highest row number staged (row numbers are what numbered ids are made of). */
    protected static long lastRow(JdbcClient jdbc, String stage) {
        return jdbc.sql("select coalesce(max(row_no), 0) from " + stage).query(Long.class).single();
    }

    protected final String columnName(String code) {
        return header.header(code);
    }

    /** A field of PostgreSQL's COPY text format (see {@link CopyText}). */
    static void field(StringBuilder out, String value) {
        CopyText.field(out, value);
    }

    /** A text[] literal of codes already checked to be plain letters, digits and dashes. */
    static void codes(StringBuilder out, java.util.List<String> values) {
        out.append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values.get(i));
        }
        out.append('}');
    }
}
