package org.capgov.registry.exchange;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Rows of the first sheet of an .xlsx, read as a stream (excel-streaming-reader: a small window of rows in memory,
 * a large shared-string table in a temporary file), never loading the whole workbook. Formula cells are flagged,
 * not evaluated.
 */
final class ImportXlsxSource implements ImportSource {

    /** Wider rows than this cannot be a registry template; cells beyond are ignored as "without header" anyway. */
    private static final int MAX_COLUMNS = 256;
    /**
     * Up to this uncompressed size the shared-string table of an .xlsx (every distinct text of the workbook) is held
     * in memory while its sheet streams; a larger one goes to a temporary file (poi-shared-strings) so that the
     * heap stays bounded whatever the workbook holds.
     */
    static final long IN_MEMORY_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;

    private final Workbook workbook;
    private final Iterator<Row> rows;

    ImportXlsxSource(Path file) {
        this(file, IN_MEMORY_SHARED_STRINGS_BYTES);
    }

    ImportXlsxSource(Path file, long inMemorySharedStrings) {
        boolean large = sharedStringsLarge(file, inMemorySharedStrings);
        try {
            this.workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(16 * 1024)
                    .setUseSstTempFile(large).setEncryptSstTempFile(false)
                    .setReadComments(false).setReadHyperlinks(false).setReadShapes(false).open(file.toFile());
            if (workbook.getNumberOfSheets() == 0) {
                throw new Unreadable("工作簿中没有工作表", null);
            }
            this.rows = workbook.getSheetAt(0).rowIterator();
        } catch (Unreadable e) {
            throw e;
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            throw new Unreadable(message.contains("password") || message.contains("encrypt")
                    ? "文件设有密码保护，请取消密码后导入"
                    : "无法读取 xlsx 文件：文件已损坏，或不是 Excel 2007 及以上版本的工作簿", e);
        }
    }

    /** Whether the shared-string table is larger than the limit (or of unknown size). */
    static boolean sharedStringsLarge(Path file, long limit) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry strings = zip.getEntry("xl/sharedStrings.xml");
            return strings != null && (strings.getSize() < 0 || strings.getSize() > limit);
        } catch (IOException e) {
            throw new Unreadable("无法读取 xlsx 文件：文件已损坏，或不是 Excel 2007 及以上版本的工作簿", e);
        }
    }

    @Override
    public ImportRow next() {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            Row row = rows.next();
            int width = Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS);
            String[] cells = new String[width];
            boolean[] formulas = null;
            for (Cell cell : row) {
                int i = cell.getColumnIndex();
                if (i >= width) {
                    continue;
                }
                CellType type = cell.getCellType();
                if (type == CellType.FORMULA || type == CellType.ERROR) {
                    formulas = formulas == null ? new boolean[width] : formulas;
                    formulas[i] = true;
                    cells[i] = type == CellType.FORMULA ? "=" + formula(cell) : "#错误值";
                } else {
                    cells[i] = value(cell, type);
                }
            }
            return new ImportRow(row.getRowNum() + 1L, cells, formulas);
        } catch (Unreadable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Unreadable("xlsx 文件内容无法解析（文件可能已损坏）", e);
        }
    }

    private static String formula(Cell cell) {
        try {
            return cell.getCellFormula();
        } catch (RuntimeException e) {
            return "…";
        }
    }

    private static String value(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString() : number(cell.getNumericCellValue());
            default -> null;
        };
    }

    /** A number as typed: 350 not 350.0, 0.5 not 5E-1. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public long bytesRead() {
        return -1;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
