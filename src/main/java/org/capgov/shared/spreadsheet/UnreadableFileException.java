package org.capgov.shared.spreadsheet;

/** An uploaded file that cannot be read at all; the reason is Chinese and is shown to the person who uploaded it. */
public final class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
