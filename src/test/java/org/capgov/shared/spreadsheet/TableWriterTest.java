package org.capgov.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Writing downloads: CSV with a BOM and CRLF, .xlsx with a bold header, formulas neutralised in both. */
class TableWriterTest {

    @Test
    void csvStartsWithABomQuotesWhereNeededAndNeutralisesFormulas() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter csv = TableWriter.csv(out)) {
            csv.row(List.of("名称", "产能"));
            csv.row(Arrays.asList("=HYPERLINK(\"x\")", new BigDecimal("350.00")));
            csv.row(Arrays.asList("-5", null));
            csv.row(Arrays.asList("甲,乙", -3));
        }
        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("名称,产能\r\n\"'=HYPERLINK(\"\"x\"\")\",350\r\n-5,\r\n\"甲,乙\",-3\r\n");
    }

    @Test
    void xlsxKeepsNumbersAsNumbersAndFormulaTextAsText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter xlsx = TableWriter.xlsx(out, "企业")) {
            xlsx.row(List.of("名称", "产能"));
            xlsx.row(List.of("@SUM(A1)", 350));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheet("企业");
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'@SUM(A1)");
            assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(350.0);
        }
    }

    @Test
    void theDownloadHeaderCarriesTheChineseNameAndAnAsciiFallback() {
        assertThat(Downloads.contentDisposition("年度退出名单-2026.xlsx")).isEqualTo(
                "attachment; filename=\"______-2026.xlsx\"; filename*=UTF-8''%E5%B9%B4%E5%BA%A6%E9%80%80%E5%87%BA%E5%90%8D"
                        + "%E5%8D%95-2026.xlsx");
        assertThat(Downloads.contentDisposition("a \"b\".csv")).isEqualTo(
                "attachment; filename=\"a _b_.csv\"; filename*=UTF-8''a%20%22b%22.csv");
    }
}
