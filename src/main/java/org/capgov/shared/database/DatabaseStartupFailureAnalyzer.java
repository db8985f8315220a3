package org.capgov.shared.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable data directory into a short message instead of a stack trace. */
class DatabaseStartupFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryUnusableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryUnusableException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "请检查目录 " + cause.directory() + " 是否存在、可写、未被另一个 capgov 进程占用；"
                        + "或用 CAPGOV_DATA_DIR 指定其他目录，或用 CAPGOV_DB_URL 连接外部 PostgreSQL。\n"
                        + "Check that the directory exists, is writable and is not used by another capgov process; "
                        + "or set CAPGOV_DATA_DIR to another directory, or CAPGOV_DB_URL for an external PostgreSQL.",
                cause);
    }
}
