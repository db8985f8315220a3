package org.capgov.disclosure;

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
 * A download written row by row: CSV in UTF-8 with a BOM (so that Excel shows Chinese), or .xlsx through SXSSF (a
 * window of rows in memory, the rest in compressed temporary files). A list has far fewer rows than a sheet holds.
 * Text a spreadsheet would run as a formula gets a leading apostrophe: the names come from the public register.
 */
abstract class PublicListTable implements AutoCloseable {

    abstract void row(List<?> values) throws IOException;

    @Override
    public abstract void close() throws IOException;

    static PublicListTable csv(OutputStream out) throws IOException {
        return new Csv(out);
    }

    static PublicListTable xlsx(OutputStream out, String sheetName) {
        return new Xlsx(out, sheetName);
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
        return value instanceof Number ? s : SpreadsheetText.guard(s);
    }

    private static final class Csv extends PublicListTable {
        private final Writer writer;
        private final CsvWriter csv;

        Csv(OutputStream out) throws IOException {
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
        }

        @Override
        void row(List<?> values) {
            List<String> cells = new ArrayList<>(values.size());
            values.forEach(v -> cells.add(text(v)));
            csv.writeRecord(cells);
        }

        @Override
        public void close() throws IOException {
            csv.flush();
            writer.flush();
        }
    }

    private static final class Xlsx extends PublicListTable {
        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final SXSSFSheet sheet;
        private final CellStyle bold;
        private int rowIndex;

        Xlsx(OutputStream out, String name) {
            this.out = out;
            workbook.setCompressTempFiles(true);
            this.sheet = workbook.createSheet(name);
            Font font = workbook.createFont();
            font.setBold(true);
            this.bold = workbook.createCellStyle();
            bold.setFont(font);
        }

        @Override
        void row(List<?> values) {
            SXSSFRow row = sheet.createRow(rowIndex);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                var cell = row.createCell(i);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v != null) {
                    cell.setCellValue(text(v));
                }
                if (rowIndex == 0) {
                    cell.setCellStyle(bold);
                    sheet.setColumnWidth(i, 18 * 256);
                }
            }
            rowIndex++;
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.write(out);
                out.flush();
            } finally {
                workbook.dispose();
                workbook.close();
            }
        }
    }
}
