package org.capgov.registry.exchange;

/**
 * One problem found in an import file: the spreadsheet row (the header is row 1), the column's Chinese header (or
 * null for a problem with the file as a whole), the offending value (abbreviated) and a Chinese reason.
 */
public record ImportError(long row, String column, String value, String reason) {
}
