package org.capgov.shared.spreadsheet;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CSV rows by FastCSV from a decoder that refuses bytes invalid in the file's encoding (so an undecodable file is
 * reported, never imported with replacement characters). Row numbers count records, as a spreadsheet shows them.
 */
final class CsvRows implements RowReader {

    private final Counting counted;
    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private final Charset charset;
    private final int maxField;
    private long number;

    /**
     * {@code limits.maxFieldChars()} is FastCSV's limit on one field: a cell past the caller's own cell limit but
     * under this is the caller's to report as an over-long cell of its row; one past this (or an unclosed quote
     * running to the end) makes the file unreadable, and memory stays bounded either way.
     */
    CsvRows(Path file, Charset charset, boolean bom, ReadLimits limits) throws IOException {
        this.charset = charset;
        this.maxField = limits.maxFieldChars();
        this.counted = new Counting(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        if (bom) {
            counted.skipNBytes(3);
        }
        InputStreamReader text = new InputStreamReader(counted, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        this.reader = CsvReader.builder().skipEmptyLines(false).allowExtraFields(true).allowMissingFields(true)
                .maxBufferSize(maxField).ofCsvRecord(text);
        this.records = reader.iterator();
    }

    @Override
    public SheetRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CsvRecord r = records.next();
            number++;
            return new SheetRow(number, r.getFields().toArray(new String[0]), null);
        } catch (CsvParseException e) {
            throw new UnreadableFileException("第 " + (number + 1) + " 行附近无法解析：有超过 " + maxField
                    + " 字的单元格，或引号未成对闭合", e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new UnreadableFileException("第 " + (number + 1) + " 行附近的字节既不是有效的 UTF-8，也不是有效的 "
                        + (charset.equals(SpreadsheetUpload.GBK) ? "GBK" : charset.name()) + " 编码；请另存为 UTF-8 或 GBK 编码的 CSV", e);
            }
            throw e;
        }
    }

    @Override
    public long bytesRead() {
        return counted.count;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Counts bytes for the progress bar. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
