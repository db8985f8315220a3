package org.capgov.shared.spreadsheet;

import org.capgov.shared.SpreadsheetText;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table written row by row to a download, as CSV (UTF-8 with BOM, so that Excel shows Chinese correctly, CRLF) or
 * as .xlsx (SXSSF: only a window of rows in memory, the rest in compressed temporary files; the first row is the
 * bold header, repeated on every further sheet when one sheet is full). Numbers stay numbers; every other value is
 * text, and text that a spreadsheet would run as a formula is neutralised by {@link SpreadsheetText#guard}. The
 * caller closes the table (which flushes it) but not the stream.
 */
public interface TableWriter extends AutoCloseable {

    /** The next row; the first one is the header. Null cells are empty. */
    void row(List<?> values) throws IOException;

    /** Flushes what is buffered and ends the table; the stream stays open. */
    @Override
    void close() throws IOException;

    static TableWriter csv(OutputStream out) throws IOException {
        return new Csv(out);
    }

    static TableWriter xlsx(OutputStream out, String sheetName) {
        return new Xlsx(out, sheetName);
    }

    /** A value as cell text: decimals without trailing zeros, null as empty; not guarded. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    final class Csv implements TableWriter {
        private final Writer writer;
        private final CsvWriter csv;

        Csv(OutputStream out) throws IOException {
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
        }

        @Override
        public void row(List<?> values) {
            List<String> cells = new ArrayList<>(values.size());
            for (Object v : values) {
                cells.add(v instanceof Number ? text(v) : SpreadsheetText.guard(text(v)));
            }
            csv.writeRecord(cells);
        }

        @Override
        public void close() throws IOException {
            csv.flush();
            writer.flush();
        }
    }

    final class Xlsx implements TableWriter {
        /** Rows per sheet: Excel's limit is 1,048,576 including the header. */
        static final int SHEET_ROWS = 1_048_575;

        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final String name;
        private final CellStyle bold;
        private SXSSFSheet sheet;
        private List<?> header;
        private int rowIndex;
        private int sheets;

        Xlsx(OutputStream out, String name) {
            this.out = out;
            this.name = name;
            workbook.setCompressTempFiles(true);
            Font font = workbook.createFont();
            font.setBold(true);
            this.bold = workbook.createCellStyle();
            bold.setFont(font);
        }

        @Override
        public void row(List<?> values) {
            if (sheet == null || rowIndex > SHEET_ROWS) {
                // a sheet is full: the next one starts with the same header
                sheet = workbook.createSheet(sheets == 0 ? name : name + " (" + (sheets + 1) + ")");
                sheets++;
                rowIndex = 0;
                if (header != null) {
                    write(header, bold);
                }
            }
            if (header == null) {
                header = List.copyOf(values);
                write(values, bold);
                for (int i = 0; i < values.size(); i++) {
                    sheet.setColumnWidth(i, 18 * 256);
                }
                return;
            }
            write(values, null);
        }

        private void write(List<?> values, CellStyle style) {
            SXSSFRow row = sheet.createRow(rowIndex++);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                var cell = row.createCell(i);
                if (v instanceof Number n && !(v instanceof BigDecimal d && d.precision() > 15)) {
                    cell.setCellValue(n.doubleValue());
                } else if (v != null) {
                    cell.setCellValue(SpreadsheetText.guard(text(v)));
                }
                if (style != null) {
                    cell.setCellStyle(style);
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                if (sheet == null) {
                    sheet = workbook.createSheet(name);
                }
                workbook.write(out);
                out.flush();
            } finally {
                workbook.dispose();
                workbook.close();
            }
        }
    }
}
