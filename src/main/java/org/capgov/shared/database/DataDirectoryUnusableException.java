package org.capgov.shared.database;

import java.nio.file.Path;

/** The configured data directory cannot hold the embedded database; reported by {@link DatabaseStartupFailureAnalyzer}. */
public class DataDirectoryUnusableException extends RuntimeException {

    private final Path directory;

    public DataDirectoryUnusableException(Path directory, String reason, Throwable cause) {
        super("数据目录不可用 / data directory unusable: " + directory + " — " + reason, cause);
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
