package org.capgov.registry.exchange;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits of imports. Defaults suit one node; each can be set as a property (capgov.imports.*). The row caps bound
 * the time one job holds the import lock; the heap does not depend on them, as files are streamed.
 */
@Component
class ImportSettings {

    private final long maxEnterpriseRows;
    private final long maxEquipmentRows;
    private final int maxStoredErrors;
    private final int queueCapacity;
    private final long maxFileBytes;
    private final long rebuildIndexesFrom;
    private final long rebuildIndexesUpToPresent;

    ImportSettings(@Value("${capgov.imports.max-rows.enterprises:2000000}") long maxEnterpriseRows,
            @Value("${capgov.imports.max-rows.equipment:5000000}") long maxEquipmentRows,
            @Value("${capgov.imports.max-stored-errors:10000}") int maxStoredErrors,
            @Value("${capgov.imports.queue-capacity:3}") int queueCapacity,
            @Value("${capgov.imports.max-file-bytes:1073741824}") long maxFileBytes,
            @Value("${capgov.imports.rebuild-indexes-from-rows:100000}") long rebuildIndexesFrom,
            @Value("${capgov.imports.rebuild-indexes-up-to-present-rows:0}") long rebuildIndexesUpToPresent) {
        this.rebuildIndexesUpToPresent = rebuildIndexesUpToPresent;
        this.maxEnterpriseRows = maxEnterpriseRows;
        this.maxEquipmentRows = maxEquipmentRows;
        this.maxStoredErrors = maxStoredErrors;
        this.queueCapacity = queueCapacity;
        this.maxFileBytes = maxFileBytes;
        this.rebuildIndexesFrom = rebuildIndexesFrom;
    }

    long maxRows(ImportKind kind) {
        return kind == ImportKind.ENTERPRISES ? maxEnterpriseRows : maxEquipmentRows;
    }

    int maxStoredErrors() {
        return maxStoredErrors;
    }

    /** Jobs that may wait behind the running one; more are refused (429) rather than piling up files on disk. */
    int queueCapacity() {
        return queueCapacity;
    }

    long maxFileBytes() {
        return maxFileBytes;
    }

    /**
     * From this many rows on, an import that at least doubles a table rebuilds its secondary indexes instead of
     * inserting into them row by row (see {@link ImportBulkLoad}).
     */
    long rebuildIndexesFrom() {
        return rebuildIndexesFrom;
    }

    /**
     * Indexes are only dropped from tables holding at most this many rows (0: empty tables, the first load): dropping
     * them locks the table against readers until the commit, and searches must stay answerable while a large import
     * runs (measured: a 300,000-row import held district searches for up to 9.5 s).
     */
    long rebuildIndexesUpToPresent() {
        return rebuildIndexesUpToPresent;
    }
}
