package org.capgov.shared.spreadsheet;

import java.io.Closeable;
import java.io.IOException;

/** Rows of an uploaded file, read one at a time so that a file of any size needs little memory. */
public interface RowReader extends Closeable {

    /**
     * The next row (blank rows included, so that numbering follows the spreadsheet), or null at the end.
     *
     * @throws UnreadableFileException when the file turns out to be unreadable at this row
     */
    SheetRow next() throws IOException;

    /** Bytes of the file consumed so far, for progress; -1 when the format cannot tell. */
    long bytesRead();
}
