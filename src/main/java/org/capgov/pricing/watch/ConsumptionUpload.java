package org.capgov.pricing.watch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.capgov.shared.DomainException;
import org.capgov.shared.spreadsheet.ReadLimits;
import org.capgov.shared.spreadsheet.RowReader;
import org.capgov.shared.spreadsheet.SheetRow;
import org.capgov.shared.spreadsheet.SpreadsheetUpload;
import org.capgov.shared.spreadsheet.UnreadableFileException;
import org.springframework.stereotype.Component;

/**
 * A consumption file from the grid company (CSV in UTF-8 or GBK, or .xlsx) with the columns 供电户号, 期间, 用电量（千瓦时）
 * and optionally 最大负荷（千瓦）: read row by row, then stored all or nothing through {@link ConsumptionService}; every
 * fault is reported with the row number of the spreadsheet.
 */
@Component
public class ConsumptionUpload {

    static final List<String> HEADER = List.of("供电户号", "期间", "用电量（千瓦时）", "最大负荷（千瓦）");

    private final ConsumptionService consumption;

    ConsumptionUpload(ConsumptionService consumption) {
        this.consumption = consumption;
    }

    public ConsumptionService.Result load(Path file) throws IOException {
        List<ConsumptionService.ConsumptionRow> rows = new ArrayList<>();
        List<Long> sheetRows = new ArrayList<>();
        List<DomainException.FieldProblem> problems = new ArrayList<>();
        try (RowReader reader = SpreadsheetUpload.open(file, SpreadsheetUpload.inspect(file), ReadLimits.DEFAULT)) {
            SheetRow header = reader.next();
            while (header != null && header.blank()) {
                header = reader.next();
            }
            if (header == null || header.cells().length < 3 || !HEADER.get(0).equals(cell(header, 0))
                    || !HEADER.get(1).equals(cell(header, 1)) || !HEADER.get(2).equals(cell(header, 2))) {
                throw DomainException.invalid(List.of(new DomainException.FieldProblem("file", null,
                        "表头应为：" + String.join("、", HEADER) + "（最后一列可省略）")));
            }
            for (SheetRow r = reader.next(); r != null; r = reader.next()) {
                if (r.blank()) {
                    continue;
                }
                if (rows.size() >= ConsumptionService.MAX_ROWS) {
                    throw DomainException.invalid("file", "error.pricing.tooManyItems", ConsumptionService.MAX_ROWS);
                }
                BigDecimal kwh = number(r, 2, problems, "用电量");
                BigDecimal peak = number(r, 3, problems, "最大负荷");
                rows.add(new ConsumptionService.ConsumptionRow(cell(r, 0), cell(r, 1), kwh, peak));
                sheetRows.add(r.number());
            }
        } catch (UnreadableFileException e) {
            throw DomainException.invalid(List.of(new DomainException.FieldProblem("file", null, e.getMessage())));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        try {
            return consumption.submit(rows);
        } catch (DomainException e) {
            if (e.problems() == null || e.problems().isEmpty()) {
                throw e;
            }
            List<DomainException.FieldProblem> renumbered = new ArrayList<>();
            for (DomainException.FieldProblem p : e.problems()) {
                String reason = p.reason();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^第(\\d+)行").matcher(reason);
                if (m.find()) {
                    int index = Integer.parseInt(m.group(1)) - 1;
                    reason = "表格第" + sheetRows.get(index) + "行" + reason.substring(m.end());
                }
                renumbered.add(new DomainException.FieldProblem(p.field(), p.value(), reason));
            }
            throw DomainException.invalid(renumbered);
        }
    }

    private static BigDecimal number(SheetRow r, int i, List<DomainException.FieldProblem> problems, String label) {
        String text = cell(r, i);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(new DomainException.FieldProblem("file", text, "表格第" + r.number() + "行：" + label + "“" + text
                    + "”不是数字"));
            return null;
        }
    }

    private static String cell(SheetRow r, int i) {
        return i < r.cells().length && r.cells()[i] != null ? r.cells()[i].trim() : null;
    }
}
