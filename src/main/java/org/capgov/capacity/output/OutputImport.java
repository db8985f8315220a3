package org.capgov.capacity.output;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DataScope;
import org.capgov.shared.DomainException;
import org.capgov.shared.Product;
import org.capgov.shared.UploadFiles;
import org.capgov.shared.Vocabulary;
import org.capgov.shared.spreadsheet.ReadLimits;
import org.capgov.shared.spreadsheet.RowReader;
import org.capgov.shared.spreadsheet.ImportColumns;
import org.capgov.shared.spreadsheet.SheetRow;
import org.capgov.shared.spreadsheet.SpreadsheetUpload;
import org.capgov.shared.spreadsheet.UnreadableFileException;
import org.capgov.capacity.utilisation.UtilisationService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Imports a CSV or .xlsx of monthly output, all or nothing, like the registry's and the measurement import. One
 * streaming pass checks every row on its own (the same checks as a single report: enterprise in the caller's scope,
 * product, month, quantity and unit, source) and writes the good ones as COPY lines to a temporary file; then
 * {@link OutputImportStore} loads them, refuses quantities above 1.5 × the month's capacity in force (an import
 * cannot carry an officer's confirmation; such a month goes through the form), and stores them as new revisions.
 * Memory stays bounded: rows are never held, errors are capped, the enterprise cache is cleared when full.
 */
@Component
class OutputImport {

    static final long MAX_ROWS = 20_000_000;
    static final int MAX_STORED_ERRORS = 10_000;
    private static final int MAX_CELL = 500;
    private static final int MAX_CACHED_ENTERPRISES = 200_000;
    private static final ReadLimits LIMITS = ReadLimits.DEFAULT.withMaxFieldChars(1 << 16).withMaxColumns(32);

    /** One problem of a file: row (header = 1; 0 for the file as a whole), column header, value, Chinese reason. */
    record Problem(long row, String column, String value, String reason) {
    }

    /** How an import ended: imported rows, or the problems (the first {@link #MAX_STORED_ERRORS}) and their count. */
    record Outcome(long imported, long rows, long enterprises, String format, String sha256, long errorCount,
            List<Problem> errors, String message) {
        boolean ok() {
            return errorCount == 0;
        }
    }

    /** The problems found so far; only the first are kept. */
    static final class Problems {
        final List<Problem> list = new ArrayList<>();
        long count;

        void add(long row, String column, String value, String reason) {
            count++;
            if (list.size() < MAX_STORED_ERRORS) {
                String v = value == null ? "" : value.length() > 200 ? value.substring(0, 199) + "…" : value;
                list.add(new Problem(row, column, v, reason));
            }
        }
    }

    private final OutputRepository reports;
    private final OutputImportStore store;
    private final UploadFiles uploads;
    private final MessageSource messages;
    private final Map<String, Product> productsByName = new HashMap<>();
    private final Map<String, String> sourcesByName = new HashMap<>();
    private final Clock clock;

    OutputImport(OutputRepository reports, OutputImportStore store, UploadFiles uploads, MessageSource messages,
            Vocabulary labels, Clock clock) {
        this.reports = reports;
        this.store = store;
        this.uploads = uploads;
        this.messages = messages;
        this.clock = clock;
        for (Product p : Product.values()) {
            productsByName.put(labels.in(Vocabulary.ZH, "product.", p.name()), p);
        }
        for (String s : OutputService.SOURCES) {
            sourcesByName.put(messages.getMessage("capacity.source." + s, null, s, Vocabulary.ZH), s);
        }
    }

    /** A new file for an upload, in the upload directory that is emptied at start-up; the caller deletes it. */
    Path newUpload() throws IOException {
        return uploads.newFile("output-upload-", ".bin");
    }

    Outcome run(String fileName, Path file) throws IOException {
        Problems problems = new Problems();
        Path lines = uploads.newFile("output-", ".copy");
        try {
            SpreadsheetUpload.Inspection f = SpreadsheetUpload.inspect(file);
            try (RowReader rows = SpreadsheetUpload.open(file, f, LIMITS);
                    Writer out = Files.newBufferedWriter(lines, StandardCharsets.UTF_8)) {
                SheetRow header = rows.next();
                while (header != null && header.blank()) {
                    header = rows.next();
                }
                if (header == null) {
                    return rejected(f, 0, "文件中没有表头行，也没有数据");
                }
                Map<OutputImportColumn, Integer> columns = header(header, problems);
                if (problems.count > 0) {
                    return new Outcome(0, 0, 0, f.format().name(), f.sha256(), problems.count, problems.list,
                            "表头与模板不符，未读取数据行；请按模板的列名修改表头");
                }
                long count = readRows(rows, columns, out, problems);
                out.close();
                if (count == 0) {
                    return rejected(f, 0, "文件中只有表头，没有数据行");
                }
                if (problems.count > 0) {
                    return refused(f, count, problems);
                }
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("fileName", fileName == null ? "" : fileName);
                source.put("fileFormat", f.format().name());
                source.put("sha256", f.sha256());
                OutputImportStore.Stored stored = store.store(lines, source, problems);
                if (problems.count > 0) {
                    return refused(f, count, problems);
                }
                return new Outcome(stored.rows(), count, stored.enterprises(), f.format().name(), f.sha256(), 0,
                        List.of(), null);
            }
        } catch (UnreadableFileException e) {
            return new Outcome(0, 0, 0, null, null, 1, List.of(new Problem(0, "文件", fileName, e.getMessage())),
                    e.getMessage());
        } finally {
            Files.deleteIfExists(lines);
        }
    }

    private static Outcome refused(SpreadsheetUpload.Inspection f, long rows, Problems problems) {
        return new Outcome(0, rows, 0, f.format().name(), f.sha256(), problems.count, problems.list,
                "共 " + problems.count + " 处错误，未导入任何数据；请改正后重新导入");
    }

    private static Outcome rejected(SpreadsheetUpload.Inspection f, long rows, String message) {
        return new Outcome(0, rows, 0, f.format().name(), f.sha256(), 1, List.of(new Problem(0, "文件", "", message)),
                message);
    }

    private static Map<OutputImportColumn, Integer> header(SheetRow line, Problems problems) {
        return ImportColumns.read(line, OutputImportColumn.class, OutputImportColumn::ofHeader, problems::add);
    }

    /** A read row waiting for its block's enterprises: its cell problems and values. */
    private record Pending(long number, List<Problem> cellProblems, Map<OutputImportColumn, String> values) {
    }

    private long readRows(RowReader f, Map<OutputImportColumn, Integer> columns, Writer out, Problems problems)
            throws IOException {
        Block block = new Block(YearMonth.from(ChinaTime.today(clock)), Actors.scope(), OutputService.officer(),
                Actors.username(), out, problems);
        int width = columns.values().stream().mapToInt(i -> i + 1).max().orElse(0);
        long rows = 0;
        for (SheetRow row = f.next(); row != null; row = f.next()) {
            if (row.blank()) {
                continue;
            }
            if (++rows > MAX_ROWS) {
                throw new UnreadableFileException("文件超过 " + MAX_ROWS + " 行数据的上限（第 " + row.number()
                        + " 行起）；请拆分为多个文件分批导入", null);
            }
            List<Problem> cellProblems = new ArrayList<>(0);
            for (int i : row.headerless(c -> c < width)) {
                cellProblems.add(new Problem(row.number(), SheetRow.columnName(i), row.cells()[i], SheetRow.HEADERLESS));
            }
            Map<OutputImportColumn, String> v = new EnumMap<>(OutputImportColumn.class);
            for (Map.Entry<OutputImportColumn, Integer> c : columns.entrySet()) {
                String problem = ImportColumns.problem(row, c.getValue(), MAX_CELL);
                String value = ImportColumns.value(row, c.getValue());
                if (problem != null) {
                    cellProblems.add(new Problem(row.number(), c.getKey().header(), value, problem));
                    v = null;
                } else if (v != null && value != null) {
                    v.put(c.getKey(), value);
                }
            }
            block.add(new Pending(row.number(), cellProblems, v));
        }
        block.flush();
        return rows;
    }

    /**
     * Rows checked a block at a time, so that the enterprises of a block are looked up in one query instead of one
     * query per enterprise (a million-enterprise file would otherwise spend most of its time on look-ups); problems
     * are reported in row order as before.
     */
    private final class Block {
        private static final int SIZE = 5_000;
        private final List<Pending> rows = new ArrayList<>(SIZE);
        private final Map<String, OutputRepository.ReportingEnterprise> known = new HashMap<>();
        private final YearMonth current;
        private final DataScope scope;
        private final boolean officer;
        private final String actor;
        private final Writer out;
        private final Problems problems;
        private final StringBuilder line = new StringBuilder(160);

        Block(YearMonth current, DataScope scope, boolean officer, String actor, Writer out, Problems problems) {
            this.current = current;
            this.scope = scope;
            this.officer = officer;
            this.actor = actor;
            this.out = out;
            this.problems = problems;
        }

        void add(Pending row) throws IOException {
            rows.add(row);
            if (rows.size() == SIZE) {
                flush();
            }
        }

        void flush() throws IOException {
            if (known.size() > MAX_CACHED_ENTERPRISES) {
                known.clear();
            }
            java.util.Set<String> wanted = new java.util.HashSet<>();
            for (Pending p : rows) {
                if (p.values() != null) {
                    String uscc = p.values().getOrDefault(OutputImportColumn.USCC, "").toUpperCase(Locale.ROOT);
                    if (!uscc.isEmpty() && !known.containsKey(uscc)) {
                        wanted.add(uscc);
                    }
                }
            }
            Map<String, OutputRepository.ReportingEnterprise> found = reports.enterprises(wanted);
            wanted.forEach(u -> known.put(u, found.get(u)));
            for (Pending p : rows) {
                p.cellProblems().forEach(x -> problems.add(x.row(), x.column(), x.value(), x.reason()));
                if (p.values() == null) {
                    continue;
                }
                Map<OutputImportColumn, String> v = p.values();
                try {
                    line.setLength(0);
                    check(p.number(), v, current, scope, officer, known, line);
                    if (problems.count == 0) {
                        // after the first error nothing will be stored: stop writing, keep checking
                        OutputImportStore.field(line, actor);
                        line.setCharAt(line.length() - 1, '\n');
                        out.write(line.toString());
                    }
                } catch (DomainException e) {
                    OutputImportColumn column = OutputImportColumn.ofField(e.field() == null ? "uscc" : e.field());
                    problems.add(p.number(), column.header(), v.get(column), reason(e));
                }
            }
            rows.clear();
        }
    }

    /** Checks one row as a single report would be checked and writes its COPY fields (all but the actor). */
    private void check(long number, Map<OutputImportColumn, String> v, YearMonth current, DataScope scope,
            boolean officer, Map<String, OutputRepository.ReportingEnterprise> known, StringBuilder line) {
        String uscc = v.getOrDefault(OutputImportColumn.USCC, "").toUpperCase(Locale.ROOT);
        if (uscc.isEmpty()) {
            throw DomainException.invalid("uscc", "error.request.missingParameter", "uscc");
        }
        OutputRepository.ReportingEnterprise e = known.get(uscc);
        if (e == null || !scope.coversEnterprise(e.regionPath(), e.uscc())) {
            throw DomainException.invalid("uscc", "error.capacity.importEnterprise", uscc);
        }
        String productText = v.get(OutputImportColumn.PRODUCT);
        Product product = productText != null && productsByName.containsKey(productText)
                ? productsByName.get(productText) : UtilisationService.product(productText);
        YearMonth month = OutputService.month(v.get(OutputImportColumn.MONTH), current);
        String entered = v.get(OutputImportColumn.QUANTITY);
        BigDecimal quantity;
        try {
            quantity = entered == null ? null : new BigDecimal(entered.replace(",", ""));
        } catch (NumberFormatException ex) {
            throw DomainException.invalid("quantity", "error.capacity.quantityNumber", entered);
        }
        BigDecimal inUnit = OutputService.quantity(product, quantity, v.get(OutputImportColumn.UNIT));
        String sourceText = v.get(OutputImportColumn.SOURCE);
        String source = OutputService.source(sourceText == null ? null : sourcesByName.getOrDefault(sourceText, sourceText));
        if (!officer && !"SELF_REPORT".equals(source)) {
            throw DomainException.invalid("source", "error.capacity.enterpriseSource", source);
        }
        String note = v.get(OutputImportColumn.NOTE);
        line.append(number).append('\t').append(e.id()).append('\t').append(product.name()).append('\t')
                .append(month.atDay(1)).append('\t').append(inUnit.toPlainString()).append('\t')
                .append(quantity.toPlainString()).append('\t');
        OutputImportStore.field(line, OutputUnits.normalised(product, v.get(OutputImportColumn.UNIT)));
        OutputImportStore.field(line, source);
        OutputImportStore.field(line, note);
    }

    private String reason(DomainException e) {
        Object[] args = e.args();
        return messages.getMessage(e.messageKey(), args, e.messageKey(), Vocabulary.ZH);
    }
}
