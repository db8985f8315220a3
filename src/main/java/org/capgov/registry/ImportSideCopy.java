package org.capgov.registry;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows for a second table, collected in COPY text format while a direct load streams its main table (one connection
 * runs one COPY at a time), kept in a temporary file next to the upload so that the heap does not grow with the file,
 * and COPYed once the main table is loaded. Each line may get an id prepended on the way in, when the number of rows
 * (and so the ids to reserve) is known only at the end.
 */
final class ImportSideCopy implements AutoCloseable {

    private static final int CHUNK = 1 << 18;

    private final Path file;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    ImportSideCopy(Path directory, String name) throws IOException {
        this.file = Files.createTempFile(directory, name, ".copy");
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** An empty line to fill (fields separated by tabs, no line break); {@link #add()} writes it. */
    StringBuilder line() {
        line.setLength(0);
        return line;
    }

    void add() throws IOException {
        out.append(line).append('\n');
        rows++;
    }

    long rows() {
        return rows;
    }

    /**
     * COPYs the lines with {@code sql} ({@code COPY … FROM STDIN}); when {@code firstId} is not null, the lines get
     * {@code firstId}, {@code firstId + 1} … as their first field. Returns the rows written.
     */
    long copyInto(CopyManager copies, String sql, Long firstId) throws IOException, SQLException {
        out.flush();
        CopyIn copy = copies.copyIn(sql);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder buffer = new StringBuilder(CHUNK + 4096);
            long id = firstId == null ? 0 : firstId;
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                if (firstId != null) {
                    buffer.append(id++).append('\t');
                }
                buffer.append(l).append('\n');
                if (buffer.length() >= CHUNK) {
                    send(copy, buffer);
                }
            }
            send(copy, buffer);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    static void send(CopyIn copy, StringBuilder buffer) throws SQLException {
        if (buffer.length() == 0) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
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
