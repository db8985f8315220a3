package org.capgov.shared.spreadsheet;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
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
 * a large shared-string table in a temporary file, poi-shared-strings), never loading the whole workbook. Formula
 * cells come back as "=formula" and error cells as "#错误值", both flagged and never evaluated; a date cell is the
 * date, or the date and time when it has a time of day.
 */
final class XlsxRows implements RowReader {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Workbook workbook;
    private final Iterator<Row> rows;
    private final int maxColumns;

    XlsxRows(Path file, ReadLimits limits) {
        this.maxColumns = limits.maxColumns();
        boolean large = sharedStringsLarge(file, limits.inMemorySharedStringsBytes());
        try {
            this.workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(16 * 1024)
                    .setUseSstTempFile(large).setEncryptSstTempFile(false)
                    .setReadComments(false).setReadHyperlinks(false).setReadShapes(false).open(file.toFile());
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnreadableFileException("工作簿中没有工作表", null);
            }
            this.rows = workbook.getSheetAt(0).rowIterator();
        } catch (UnreadableFileException e) {
            throw e;
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            throw new UnreadableFileException(message.contains("password") || message.contains("encrypt")
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
            throw new UnreadableFileException("无法读取 xlsx 文件：文件已损坏，或不是 Excel 2007 及以上版本的工作簿", e);
        }
    }

    @Override
    public SheetRow next() {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            Row row = rows.next();
            int width = Math.min(Math.max(row.getLastCellNum(), 0), maxColumns);
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
            return new SheetRow(row.getRowNum() + 1L, cells, formulas);
        } catch (UnreadableFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnreadableFileException("xlsx 文件内容无法解析（文件可能已损坏）", e);
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
                    ? moment(cell.getLocalDateTimeCellValue()) : number(cell.getNumericCellValue());
            default -> null;
        };
    }

    /** A date cell as the date, or as date and time when it has a time of day. */
    private static String moment(LocalDateTime t) {
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.format(MOMENT);
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
