package org.capgov.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workbook whose shared-string table is too large for memory is read through a temporary-file table. */
class ImportXlsxSourceTest {

    @TempDir
    Path dir;

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
        assertThat(ImportXlsxSource.sharedStringsLarge(file, 0)).isTrue();
        assertThat(ImportXlsxSource.sharedStringsLarge(file, ImportXlsxSource.IN_MEMORY_SHARED_STRINGS_BYTES)).isFalse();
        for (long limit : new long[] {0, ImportXlsxSource.IN_MEMORY_SHARED_STRINGS_BYTES}) {
            try (ImportXlsxSource source = new ImportXlsxSource(file, limit)) {
                int n = 0;
                for (ImportRow row = source.next(); row != null; row = source.next()) {
                    assertThat(row.cells()).containsExactly("重庆市第" + n + "钢铁有限公司", "重复的文字", Integer.toString(n));
                    assertThat(row.number()).isEqualTo(n + 1L);
                    n++;
                }
                assertThat(n).isEqualTo(300);
            }
        }
    }
}
