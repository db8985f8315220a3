package org.capgov.registry.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;
import org.capgov.shared.spreadsheet.RowReader;
import org.capgov.shared.spreadsheet.SheetRow;
import org.capgov.shared.spreadsheet.UnreadableFileException;

/**
 * The read loop of an import: the rows after the header, each turned into COPY data by a {@link Sink} and sent in
 * chunks of {@value #CHUNK} bytes, with progress about once a second.
 */
final class ImportRowCopy {

    static final int CHUNK = 1 << 18;
    private static final long PROGRESS_NANOS = 1_000_000_000L;

    /** Where each row goes: COPY data waiting to be sent. */
    interface Sink {
        /** Adds the row's data; false when the row was refused. */
        boolean take(SheetRow row) throws IOException;

        /** Bytes or characters waiting. */
        int pending();

        /** Sends what is waiting. */
        void send(CopyIn copy) throws SQLException;

        /** Sends the rest, with whatever ends the format's stream. */
        default void finish(CopyIn copy) throws SQLException {
            send(copy);
        }
    }

    /** Told the rows read and bytes consumed so far. */
    interface Progress {
        void at(long rows, long bytes);
    }

    private ImportRowCopy() {
    }

    /** Rows staged as COPY text (the staging path). */
    static Sink staging(ImportRows rows) {
        StringBuilder text = new StringBuilder(CHUNK + 4096);
        return new Sink() {
            @Override
            public boolean take(SheetRow row) {
                rows.stage(row, text);
                return true;
            }

            @Override
            public int pending() {
                return text.length();
            }

            @Override
            public void send(CopyIn copy) throws SQLException {
                if (text.length() > 0) {
                    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    text.setLength(0);
                }
            }
        };
    }

    /** Rows loaded directly, in binary (see {@link ImportDirect}). */
    static Sink direct(ImportDirect direct) {
        ImportBinaryCopy binary = new ImportBinaryCopy();
        return new Sink() {
            @Override
            public boolean take(SheetRow row) throws IOException {
                return direct.load(row, binary);
            }

            @Override
            public int pending() {
                return binary.pending();
            }

            @Override
            public void send(CopyIn copy) throws SQLException {
                binary.send(copy);
            }

            @Override
            public void finish(CopyIn copy) throws SQLException {
                binary.finish(copy);
            }
        };
    }

    /**
     * Streams the rows after the header through {@code sink} into {@code copy}. Returns the data rows read, or -1 as
     * soon as the sink refuses a row (the COPY is then cancelled); more than {@code maxRows} rows make the file
     * unreadable.
     */
    static long copy(RowReader source, CopyIn copy, Sink sink, long maxRows, Progress progress)
            throws IOException, SQLException {
        long count = 0;
        try {
            long nextProgress = System.nanoTime() + PROGRESS_NANOS;
            for (SheetRow row = source.next(); row != null; row = source.next()) {
                if (row.blank()) {
                    continue;
                }
                if (++count > maxRows) {
                    throw new UnreadableFileException("文件超过 " + maxRows + " 行数据的上限（第 " + row.number()
                            + " 行起）；请拆分为多个文件分批导入", null);
                }
                if (!sink.take(row)) {
                    return -1;
                }
                if (sink.pending() >= CHUNK) {
                    sink.send(copy);
                }
                if ((count & 1023) == 0 && System.nanoTime() > nextProgress) {
                    progress.at(count, source.bytesRead());
                    nextProgress = System.nanoTime() + PROGRESS_NANOS;
                }
            }
            sink.finish(copy);
            copy.endCopy();
            return count;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
