package org.capgov.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading uploads: format and encoding by content, rows streamed, formulas flagged, refusals in Chinese. */
class SpreadsheetUploadTest {

    @TempDir
    Path dir;

    @Test
    void aCsvInGbkIsToldFromItsBytesAndReadAsGbk() throws IOException {
        Path file = write("gbk.csv", "企业名称,统一社会信用代码\r\n重庆钢铁,91500000MA5U000000\r\n".getBytes(SpreadsheetUpload.GBK));
        SpreadsheetUpload.Inspection inspection = SpreadsheetUpload.inspect(file);
        assertThat(inspection.format()).isEqualTo(SpreadsheetUpload.Format.CSV);
        assertThat(inspection.charsetName()).isEqualTo("GBK");
        assertThat(inspection.lineBreaks()).isEqualTo(2);
        assertThat(rows(file, inspection)).containsExactly(List.of("企业名称", "统一社会信用代码"),
                List.of("重庆钢铁", "91500000MA5U000000"));
    }

    @Test
    void aUtf8CsvWithABomIsReadWithoutTheBom() throws IOException {
        byte[] text = "名称,产能\n\"甲,乙\",350\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Path file = write("bom.csv", bytes);
        SpreadsheetUpload.Inspection inspection = SpreadsheetUpload.inspect(file);
        assertThat(inspection.bom()).isTrue();
        assertThat(inspection.charsetName()).isEqualTo("UTF-8");
        assertThat(rows(file, inspection)).containsExactly(List.of("名称", "产能"), List.of("甲,乙", "350"));
    }

    @Test
    void filesThatAreNoTableAreRefusedWithAReason() throws IOException {
        assertThatThrownBy(() -> SpreadsheetUpload.inspect(write("empty.csv", new byte[0])))
                .isInstanceOf(UnreadableFileException.class).hasMessage("文件为空");
        assertThatThrownBy(() -> SpreadsheetUpload.inspect(write("old.xls",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0})))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining(".xls");
        assertThatThrownBy(() -> SpreadsheetUpload.inspect(write("utf16.csv", new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0})))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> SpreadsheetUpload.inspect(write("bad.csv",
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xC3, 0x28})))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("不是有效的 UTF-8");
    }

    @Test
    void aFieldPastTheLimitMakesTheFileUnreadableInsteadOfFillingTheHeap() throws IOException {
        Path file = write("long.csv", ("a\n" + "x".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8));
        SpreadsheetUpload.Inspection inspection = SpreadsheetUpload.inspect(file);
        try (RowReader rows = SpreadsheetUpload.open(file, inspection, ReadLimits.DEFAULT.withMaxFieldChars(1000))) {
            assertThat(rows.next().cells()).containsExactly("a");
            assertThatThrownBy(rows::next).isInstanceOf(UnreadableFileException.class).hasMessageContaining("第 2 行");
        }
    }

    @Test
    void xlsxFormulasAndErrorsAreFlaggedAndDatesKeepTheirTimeOfDay() throws IOException {
        Path file = dir.resolve("sheet.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            var sheet = workbook.createSheet("数据");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("值");
            header.createCell(1).setCellValue("时间");
            var row = sheet.createRow(1);
            row.createCell(0).setCellFormula("1+1");
            var day = row.createCell(1);
            day.setCellValue(LocalDateTime.of(2026, 3, 1, 0, 0));
            day.setCellStyle(date);
            var time = row.createCell(2);
            time.setCellValue(LocalDateTime.of(2026, 3, 1, 8, 30));
            time.setCellStyle(date);
            row.createCell(3).setCellValue(0.14);
            workbook.write(out);
        }
        SpreadsheetUpload.Inspection inspection = SpreadsheetUpload.inspect(file);
        assertThat(inspection.format()).isEqualTo(SpreadsheetUpload.Format.XLSX);
        assertThat(inspection.charsetName()).isNull();
        try (RowReader rows = SpreadsheetUpload.open(file, inspection, ReadLimits.DEFAULT)) {
            rows.next();
            SheetRow data = rows.next();
            assertThat(data.number()).isEqualTo(2);
            assertThat(data.cells()).containsExactly("=1+1", "2026-03-01", "2026-03-01 08:30:00", "0.14");
            assertThat(data.formula(0)).isTrue();
            assertThat(data.formula(1)).isFalse();
            assertThat(rows.next()).isNull();
        }
    }

    @Test
    void readsTheSameRowsWithTheSharedStringsInATemporaryFile() throws Exception {
        Path file = dir.resolve("enterprises.xlsx");
        // a shared-strings table (not inline strings), as Excel writes it
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, false, true);
                OutputStream out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("企业");
            for (int r = 0; r < 300; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("重庆市第" + r + "钢铁有限公司");
                row.createCell(1).setCellValue("重复的文字");
                row.createCell(2).setCellValue(r);
            }
            workbook.write(out);
        }
        long inMemory = ReadLimits.DEFAULT.inMemorySharedStringsBytes();
        assertThat(XlsxRows.sharedStringsLarge(file, 0)).isTrue();
        assertThat(XlsxRows.sharedStringsLarge(file, inMemory)).isFalse();
        SpreadsheetUpload.Inspection inspection = SpreadsheetUpload.inspect(file);
        for (long limit : new long[] {0, inMemory}) {
            try (RowReader source = SpreadsheetUpload.open(file, inspection, ReadLimits.DEFAULT.withInMemorySharedStrings(limit))) {
                int n = 0;
                for (SheetRow row = source.next(); row != null; row = source.next()) {
                    assertThat(row.cells()).containsExactly("重庆市第" + n + "钢铁有限公司", "重复的文字", Integer.toString(n));
                    assertThat(row.number()).isEqualTo(n + 1L);
                    n++;
                }
                assertThat(n).isEqualTo(300);
            }
        }
    }

    /** The line-break count that sizes a direct load: eight bytes at a time must count exactly what a byte loop counts. */
    @Test
    void countsLineBreaksEightBytesAtATimeAsOneByOne() {
        SplittableRandom random = new SplittableRandom(7);
        // bytes next to '\n' in value: 0x0B, 0x09, 0x8A (high bit), 0x00, 0xFF; UTF-8 of CJK text
        byte[] alphabet = {'\n', 0x0B, 0x09, (byte) 0x8A, 0, (byte) 0xFF, 'a', (byte) 0xE4, (byte) 0xB8, '\r'};
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(1, 70)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int from = random.nextInt(bytes.length);
            int length = random.nextInt(bytes.length - from + 1);
            int expected = 0;
            for (int i = from; i < from + length; i++) {
                expected += bytes[i] == '\n' ? 1 : 0;
            }
            assertThat(SpreadsheetUpload.countLineBreaks(bytes, from, length)).as("round %d", round).isEqualTo(expected);
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static List<List<String>> rows(Path file, SpreadsheetUpload.Inspection inspection) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (RowReader rows = SpreadsheetUpload.open(file, inspection, ReadLimits.DEFAULT)) {
            for (SheetRow row = rows.next(); row != null; row = rows.next()) {
                out.add(List.of(row.cells()));
            }
        }
        return out;
    }
}
