package org.capgov.registry.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows for a second table, collected in binary COPY format while a direct load streams its main table (one connection
 * runs one COPY at a time), kept in a temporary file next to the upload so that the heap does not grow with the file,
 * and COPYed once the main table is loaded.
 */
final class ImportSideCopy implements AutoCloseable {

    private final Path file;
    private final OutputStream out;
    private final ImportBinaryCopy rows = new ImportBinaryCopy();
    private long count;

    ImportSideCopy(Path directory, String name) throws IOException {
        this.file = Files.createTempFile(directory, name, ".copy");
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    /** Starts a row of {@code fields} values. */
    ImportBinaryCopy row(int fields) throws IOException {
        if (rows.pending() >= ImportRowCopy.CHUNK) {
            rows.writeTo(out);
        }
        count++;
        return rows.row(fields);
    }

    long rows() {
        return count;
    }

    /** COPYs the rows with {@code sql} ({@code COPY … FROM STDIN (FORMAT binary)}); returns the rows written. */
    long copyInto(CopyManager copies, String sql) throws IOException, SQLException {
        rows.end();
        rows.writeTo(out);
        out.close();
        CopyIn copy = copies.copyIn(sql);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[ImportRowCopy.CHUNK];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                copy.writeToCopy(chunk, 0, n);
            }
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
