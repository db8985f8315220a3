package org.capgov.shared.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** The two formats a table is downloaded in, with their media type and file extension. */
public enum TableFormat {
    CSV(Downloads.CSV), XLSX(Downloads.XLSX);

    private final String mediaType;

    TableFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** "csv" or "xlsx". */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A writer of this format on {@code out}; {@code sheetName} names the .xlsx sheet. */
    public TableWriter open(OutputStream out, String sheetName) throws IOException {
        return this == CSV ? TableWriter.csv(out) : TableWriter.xlsx(out, sheetName);
    }
}
