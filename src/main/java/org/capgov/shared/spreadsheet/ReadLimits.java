package org.capgov.shared.spreadsheet;

/**
 * Bounds on what reading one upload may hold in memory.
 *
 * @param maxFieldChars the longest CSV field the parser buffers; a longer one (or an unclosed quote running to the
 *        end) makes the file unreadable
 * @param maxColumns cells of an .xlsx row beyond this are ignored (no template is that wide)
 * @param inMemorySharedStringsBytes up to this uncompressed size the shared-string table of an .xlsx (every distinct
 *        text of the workbook) is held in memory; a larger one goes to a temporary file so that the heap stays bounded
 */
public record ReadLimits(int maxFieldChars, int maxColumns, long inMemorySharedStringsBytes) {

    /** 4 Mi characters per field, 256 columns, 64 MiB of shared strings in memory. */
    public static final ReadLimits DEFAULT = new ReadLimits(1 << 22, 256, 64L * 1024 * 1024);

    public ReadLimits withMaxFieldChars(int chars) {
        return new ReadLimits(chars, maxColumns, inMemorySharedStringsBytes);
    }

    public ReadLimits withMaxColumns(int columns) {
        return new ReadLimits(maxFieldChars, columns, inMemorySharedStringsBytes);
    }

    public ReadLimits withInMemorySharedStrings(long bytes) {
        return new ReadLimits(maxFieldChars, maxColumns, bytes);
    }
}
