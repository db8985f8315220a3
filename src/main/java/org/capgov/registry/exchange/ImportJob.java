package org.capgov.registry.exchange;

import java.time.Instant;

/**
 * One import as the API and the pages show it. {@code status}: QUEUED → RUNNING → SUCCEEDED (everything imported),
 * REJECTED (errors found, nothing imported) or FAILED (the server could not finish, nothing imported).
 * {@code phase} while running: INSPECTING, READING (rows are parsed and checked), CHECKING (against the database),
 * WRITING.
 */
public record ImportJob(long id, ImportKind kind, ImportMode mode, String fileName, long fileSize, String fileFormat,
        String sha256, String charset, Status status, String phase, long rowsRead, long bytesRead, long inserted,
        long updated, long errorCount, String message, String submittedBy, String regionPath, Instant createdAt,
        Instant startedAt, Instant finishedAt) {

    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, REJECTED, FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == REJECTED || this == FAILED;
        }
    }

    public boolean finished() {
        return status.finished();
    }

    /** Share of the file read so far (0–100), or null when the format cannot tell (xlsx) or nothing was read yet. */
    public Integer percent() {
        if (status == Status.SUCCEEDED) {
            return 100;
        }
        if (bytesRead <= 0 || fileSize <= 0) {
            return null;
        }
        return (int) Math.min(100, bytesRead * 100 / fileSize);
    }
}
