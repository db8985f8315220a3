package org.capgov.registry.exchange;

import java.io.Closeable;
import java.io.IOException;

/** Rows of an uploaded file, read one at a time so that a file of any size needs little memory. */
interface ImportSource extends Closeable {

    /** The next row (blank rows included, so that numbering follows the spreadsheet), or null at the end. */
    ImportRow next() throws IOException;

    /** Bytes of the file consumed so far, for progress; -1 when the format cannot tell. */
    long bytesRead();

    /** Thrown for a file that cannot be read at all: the reason is Chinese and shown as the job's message. */
    final class Unreadable extends RuntimeException {
        Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
