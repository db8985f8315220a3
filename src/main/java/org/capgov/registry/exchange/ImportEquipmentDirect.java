package org.capgov.registry.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;
import org.capgov.registry.validation.ValidEquipment;
import org.capgov.shared.spreadsheet.SheetRow;

/**
 * The direct load of equipment (see {@link ImportDirect}): each row's enterprise found by USCC in memory
 * ({@link ImportEnterpriseKeys}), ids numbered from the row numbers, production lines numbered as they first appear
 * (the table is locked for writers so that the import alone draws its ids, and the new lines are collected on the side)
 * and the first statuses written from the loaded rows.
 */
final class ImportEquipmentDirect extends ImportDirect {

    /** Production lines kept in memory at most (about 100 bytes each); the demo's 2.9 million items have 307,668. */
    private static final int MAX_LINES = 1_000_000;

    private final ImportEquipmentRows rows;
    private final Map<String, Long> lineIds = new HashMap<>();
    private ImportEnterpriseKeys enterprises;
    private long lastLine;
    private ImportSideCopy lines;

    ImportEquipmentDirect(ImportEquipmentRows rows, String actor) {
        super("equipment", actor);
        this.rows = rows;
    }

    @Override
    List<String> tables() {
        return List.of("equipment", "equipment_status_history");
    }

    @Override
    boolean prepare(JdbcClient jdbc, CopyManager copies, TransactionStatus tx, ImportBulkLoad bulk, long lastRow,
            Path directory) throws IOException, SQLException {
        if (!bulk.lockWriters(tx, "production_line")) {
            return false;
        }
        long t0 = System.nanoTime();
        enterprises = ImportEnterpriseKeys.load(jdbc, copies);
        if (enterprises == null) {
            return false;
        }
        ImportRows.stepDone("read enterprise keys", enterprises.size(), t0);
        if (jdbc.sql("select count(*) from production_line").query(Long.class).single() >= MAX_LINES) {
            return false;
        }
        jdbc.sql("select enterprise_id, code, id from production_line").withFetchSize(10_000)
                .query((ResultSet rs) -> {
                    lineIds.put(lineKey(rs.getLong(1), rs.getString(2)), rs.getLong(3));
                });
        reserveIds(bulk, lastRow);
        lastLine = bulk.idBase("production_line");
        lines = side(directory, "lines");
        return true;
    }

    private static String lineKey(long enterpriseId, String code) {
        return enterpriseId + "\t" + code;
    }

    @Override
    String copySql() {
        return "copy equipment (id, enterprise_id, line_id, code, type, parameters, product, annual_capacity, "
                + "commissioned, region_code, region_path, status, status_since) from stdin (format binary)";
    }

    @Override
    boolean load(SheetRow row, ImportBinaryCopy copy) throws IOException {
        ImportEquipmentRows.Checked checked = rows.validate(row);
        if (checked == null) {
            return false;
        }
        int enterprise = enterprises.find(checked.uscc());
        if (enterprise < 0 || !rows.scope.coversRegion(enterprises.regionPath(enterprise))) {
            return false;
        }
        ValidEquipment q = checked.equipment();
        long enterpriseId = enterprises.id(enterprise);
        long line = q.line() == null ? 0 : lineId(enterpriseId, q.line());
        if (line < 0) {
            return false;
        }
        boolean ownRegion = q.regionCode() != null;
        copy.row(13).int8(id(row)).int8(enterpriseId)
                .int8OrNull(q.line() == null ? null : line).text(q.code()).text(q.type().name())
                .jsonb(ImportEquipmentRows.json(q.parameters())).text(q.product().name()).numeric(q.annualCapacity())
                .date(q.commissioned())
                .text(ownRegion ? q.regionCode() : enterprises.regionCode(enterprise))
                .text(ownRegion ? q.regionPath() : enterprises.regionPath(enterprise))
                .text(q.status().name()).date(q.statusSince());
        return true;
    }

    /**
     * The line's id: one the enterprise has, or the next number for a line new to it (written on the side); -1 once
     * {@value #MAX_LINES} lines are kept, when the staging path takes over so that the heap stays bounded.
     */
    private long lineId(long enterpriseId, String code) throws IOException {
        String key = lineKey(enterpriseId, code);
        Long id = lineIds.get(key);
        if (id != null) {
            return id;
        }
        if (lineIds.size() >= MAX_LINES) {
            return -1;
        }
        long next = ++lastLine;
        lineIds.put(key, next);
        lines.row(3).int8(next).int8(enterpriseId).text(code);
        return next;
    }

    @Override
    boolean finish(JdbcClient jdbc, CopyManager copies, ImportBulkLoad bulk) throws IOException, SQLException {
        long t0 = System.nanoTime();
        ImportRows.stepDone("copy production lines", lines.copyInto(copies,
                "copy production_line (id, enterprise_id, code) from stdin (format binary)"), t0);
        bulk.claimIds("production_line", lastLine);
        insertFirstStatuses(jdbc);
        return true;
    }
}
