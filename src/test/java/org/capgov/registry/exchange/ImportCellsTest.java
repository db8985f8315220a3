package org.capgov.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.capgov.shared.spreadsheet.SheetRow;
import org.junit.jupiter.api.Test;

/** How an import reads its cells and its header row, without a database. */
class ImportCellsTest {

    @Test
    void aFormulaIsTextThatASpreadsheetWouldRunButASignedNumberIsNot() {
        assertThat(ImportCells.looksLikeFormula("=SUM(A1:A3)")).isTrue();
        assertThat(ImportCells.looksLikeFormula("@cmd")).isTrue();
        assertThat(ImportCells.looksLikeFormula("+86 23")).isTrue();
        assertThat(ImportCells.looksLikeFormula("-5")).isFalse();
        assertThat(ImportCells.looksLikeFormula("+1.5e3")).isFalse();
        assertThat(ImportCells.looksLikeFormula("重庆钢铁")).isFalse();
    }

    @Test
    void datesAreReadAsSpreadsheetsWriteThemAndImpossibleDatesAreNoDates() {
        assertThat(ImportCells.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ImportCells.date("2024/3/1")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(ImportCells.date("2024.12.31")).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(ImportCells.date("2023-02-29")).isNull();
        assertThat(ImportCells.date("2024-13-01")).isNull();
        assertThat(ImportCells.date("明年")).isNull();
    }

    @Test
    void decimalsAreExactAndAbsurdExponentsAreRefused() {
        assertThat(ImportCells.decimal("350")).isEqualByComparingTo("350");
        assertThat(ImportCells.decimal("0.14")).isEqualTo(new BigDecimal("0.14"));
        assertThat(ImportCells.decimal("-3.5")).isEqualByComparingTo("-3.5");
        assertThat(ImportCells.decimal("1e3")).isEqualByComparingTo("1000");
        assertThat(ImportCells.decimal("1e999999")).isNull();
        assertThat(ImportCells.decimal("1.")).isNull();
        assertThat(ImportCells.decimal("三百")).isNull();
    }

    @Test
    void listsSplitOnChineseAndAsciiSeparatorsAndDropBlanks() {
        assertThat(ImportCells.list("STEEL；CEMENT、 ALUMINIUM,,")).containsExactly("STEEL", "CEMENT", "ALUMINIUM");
        assertThat(ImportCells.list(null)).isEmpty();
    }

    @Test
    void parametersAreCodeEqualsValueAndARepeatOrAMissingEqualsSignIsAProblem() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> p = ImportCells.parameters("Volume_m3=450; grade=SPECIAL；volume_m3=500;oops", problems);
        assertThat(p).containsExactly(Map.entry("volume_m3", "450"), Map.entry("grade", "SPECIAL"));
        assertThat(problems).hasSize(2).anyMatch(s -> s.contains("重复")).anyMatch(s -> s.contains("参数代码=值"));
    }

    @Test
    void aHeaderRowIsMatchedByChineseNameOrCodeAndMissingRequiredColumnsAreNamed() {
        ImportErrors errors = new ImportErrors(10);
        ImportHeader header = ImportHeader.resolve(ImportKind.ENTERPRISES,
                new SheetRow(1, new String[] {"\uFEFF统一社会信用代码", "企业名称（name）", "region", "未知的列"}, null), errors);
        assertThat(header.index("uscc")).isZero();
        assertThat(header.index("name")).isEqualTo(1);
        assertThat(header.index("region")).isEqualTo(2);
        assertThat(errors.kept()).extracting(ImportError::reason)
                .anyMatch(r -> r.startsWith("未知列「未知的列」"))
                .anyMatch(r -> r.startsWith("缺少必填列「行业代码」"));
    }

    @Test
    void aColumnGivenTwiceIsAProblem() {
        ImportErrors errors = new ImportErrors(10);
        ImportHeader.resolve(ImportKind.ENTERPRISES,
                new SheetRow(1, new String[] {"uscc", "统一社会信用代码", "name", "region", "industries"}, null), errors);
        assertThat(errors.kept()).singleElement().extracting(ImportError::reason).asString().contains("重复出现");
    }
}
