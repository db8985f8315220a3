package org.capgov.monitoring;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.shared.CopyText;
import org.capgov.shared.UploadFiles;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.shared.spreadsheet.ReadLimits;
import org.capgov.shared.spreadsheet.RowReader;
import org.capgov.shared.spreadsheet.ImportColumns;
import org.capgov.shared.spreadsheet.SheetRow;
import org.capgov.shared.spreadsheet.SpreadsheetUpload;
import org.capgov.shared.spreadsheet.UnreadableFileException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import java.time.Clock;

/**
 * Imports a CSV or .xlsx of measurements, all or nothing. One streaming pass reads and checks every row (each on its
 * own with {@link MeasurementValidator}, the enterprise in the caller's scope) and writes the good ones as COPY lines
 * to a temporary file; only when no row at all had a problem are the lines COPYed into the table, with one audit
 * entry per enterprise, in one transaction. Memory stays bounded: rows are never held, errors are capped.
 */
@Component
class MeasurementImport {

    static final long MAX_ROWS = 1_000_000;
    static final int MAX_STORED_ERRORS = 10_000;
    private static final int MAX_CELL = 1000;
    /** A measurement row is narrow: 64 columns, 1 Mi characters per CSV field before the file counts as unreadable. */
    private static final ReadLimits LIMITS = ReadLimits.DEFAULT.withMaxFieldChars(1 << 20).withMaxColumns(64);
    private static final int MAX_VALUE_SHOWN = 200;

    /** One problem of a file: row (header = 1; 0 for the file as a whole), column header, value, Chinese reason. */
    record Problem(long row, String column, String value, String reason) {
    }

    /** How an import ended: imported rows, or the problems (the first {@link #MAX_STORED_ERRORS}) and their count. */
    record Outcome(long imported, long rows, String format, String charset, String sha256, long errorCount,
            List<Problem> errors, String message) {
        boolean ok() {
            return errorCount == 0;
        }
    }

    /** Values per enterprise, for its audit entry. */
    private static final class Tally {
        final String regionPath;
        final Map<String, Long> metrics = new TreeMap<>();
        /** First days of the months its values fall in: their partitions are made before the COPY. */
        final java.util.Set<java.time.LocalDate> months = new java.util.HashSet<>();
        long count;

        Tally(String regionPath) {
            this.regionPath = regionPath;
        }
    }

    private final MeasurementRepository measurements;
    private final MeasurementAudit audit;
    private final EnterpriseService enterprises;
    private final EquipmentService equipment;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final MeasurementPartitions partitions;
    private final UploadFiles uploads;
    private final Clock clock;

    MeasurementImport(Clock clock, MeasurementRepository measurements, MeasurementAudit audit, EnterpriseService enterprises,
            EquipmentService equipment, JsonMapper json, PlatformTransactionManager transactions,
            MeasurementPartitions partitions, UploadFiles uploads) {
        this.clock = clock;
        this.partitions = partitions;
        this.uploads = uploads;
        this.measurements = measurements;
        this.audit = audit;
        this.enterprises = enterprises;
        this.equipment = equipment;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A new file for an upload, in the upload directory that is emptied at start-up; the caller deletes it. */
    Path newUpload() throws IOException {
        return uploads.newFile("measurement-upload-", ".bin");
    }

    Outcome run(String fileName, Path file) throws IOException {
        List<Problem> errors = new ArrayList<>();
        long[] errorCount = {0};
        Path lines = uploads.newFile("measurements-", ".copy");
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
                Map<MeasurementImportColumn, Integer> columns = header(header, errors, errorCount);
                if (errorCount[0] > 0) {
                    return new Outcome(0, 0, f.format().name(), f.charsetName(), f.sha256(), errorCount[0], errors,
                            "表头与模板不符，未读取数据行；请按模板的列名修改表头");
                }
                Map<String, Tally> tallies = new LinkedHashMap<>();
                long count = readRows(rows, columns, out, tallies, errors, errorCount);
                out.close();
                if (count == 0) {
                    return rejected(f, 0, "文件中只有表头，没有数据行");
                }
                if (errorCount[0] > 0) {
                    return new Outcome(0, count, f.format().name(), f.charsetName(), f.sha256(), errorCount[0], errors,
                            "共 " + errorCount[0] + " 处错误，未导入任何数据；请改正后重新导入");
                }
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("fileName", fileName == null ? "" : fileName);
                source.put("fileFormat", f.format().name());
                source.put("sha256", f.sha256());
                partitions.ensure(tallies.values().stream().flatMap(t -> t.months.stream()).distinct().toList());
                Long imported = tx.execute(status -> {
                    long n = copy(lines);
                    tallies.forEach((uscc, t) -> audit.recorded(uscc, t.regionPath, t.count, t.metrics, null, source));
                    return n;
                });
                return new Outcome(imported, count, f.format().name(), f.charsetName(), f.sha256(), 0, List.of(), null);
            }
        } catch (UnreadableFileException e) {
            return new Outcome(0, 0, null, null, null, 1, List.of(new Problem(0, "文件", fileName, e.getMessage())),
                    e.getMessage());
        } finally {
            Files.deleteIfExists(lines);
        }
    }

    private long copy(Path lines) {
        try {
            return measurements.copy(lines);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("COPY of measurements failed", e);
        }
    }

    private static Outcome rejected(SpreadsheetUpload.Inspection f, long rows, String message) {
        return new Outcome(0, rows, f.format().name(), f.charsetName(), f.sha256(), 1, List.of(new Problem(0, "文件", "", message)),
                message);
    }

    private static Map<MeasurementImportColumn, Integer> header(SheetRow line, List<Problem> errors,
            long[] count) {
        return ImportColumns.read(line, MeasurementImportColumn.class, MeasurementImportColumn::ofHeader,
                (row, column, value, reason) -> add(errors, count, row, column, value, reason));
    }

    private long readRows(RowReader f, Map<MeasurementImportColumn, Integer> columns, Writer out,
            Map<String, Tally> tallies, List<Problem> errors, long[] count) throws IOException {
        EnterpriseLookup lookup = new EnterpriseLookup(enterprises, equipment);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String actor = Actors.username();
        int width = columns.values().stream().mapToInt(i -> i + 1).max().orElse(0);
        StringBuilder line = new StringBuilder(256);
        long rows = 0;
        for (SheetRow row = f.next(); row != null; row = f.next()) {
            if (row.blank()) {
                continue;
            }
            if (++rows > MAX_ROWS) {
                throw new UnreadableFileException("文件超过 " + MAX_ROWS + " 行数据的上限（第 " + row.number()
                        + " 行起）；请拆分为多个文件分批导入", null);
            }
            for (int i : row.headerless(c -> c < width)) {
                add(errors, count, row.number(), SheetRow.columnName(i), row.cells()[i], SheetRow.HEADERLESS);
            }
            Map<MeasurementImportColumn, String> v = new EnumMap<>(MeasurementImportColumn.class);
            for (Map.Entry<MeasurementImportColumn, Integer> c : columns.entrySet()) {
                String cell = cell(row, c.getKey(), c.getValue(), errors, count);
                if (cell != null) {
                    v.put(c.getKey(), cell);
                }
            }
            List<String> attributeProblems = new ArrayList<>();
            Map<String, String> attributes = attributes(v.get(MeasurementImportColumn.ATTRIBUTES), attributeProblems);
            for (String p : attributeProblems) {
                add(errors, count, row.number(), MeasurementImportColumn.ATTRIBUTES.header(),
                        v.get(MeasurementImportColumn.ATTRIBUTES), p);
            }
            String uscc = v.get(MeasurementImportColumn.USCC);
            Enterprise owner = uscc == null ? null : lookup.find(uscc).orElse(null);
            if (uscc == null) {
                if (columns.get(MeasurementImportColumn.USCC) != null && !blankAt(row, columns.get(MeasurementImportColumn.USCC))) {
                    continue; // the cell itself was refused above
                }
                add(errors, count, row.number(), MeasurementImportColumn.USCC.header(), "", "缺少企业统一社会信用代码");
                continue;
            }
            if (owner == null) {
                add(errors, count, row.number(), MeasurementImportColumn.USCC.header(), uscc, "企业 " + uscc
                        + " 不存在或不在您的数据范围内");
                continue;
            }
            FieldProblem refusal = RecordingPolicy.refusal(v.get(MeasurementImportColumn.METRIC),
                    v.get(MeasurementImportColumn.SOURCE));
            if (refusal != null) {
                add(errors, count, row.number(), MeasurementImportColumn.ofField(refusal.field()).header(), refusal.value(),
                        refusal.reason());
                continue;
            }
            MeasurementDraft draft = new MeasurementDraft(uscc, v.get(MeasurementImportColumn.EQUIPMENT_CODE),
                    v.get(MeasurementImportColumn.METRIC), v.get(MeasurementImportColumn.VALUE),
                    v.get(MeasurementImportColumn.UNIT), v.get(MeasurementImportColumn.MEASURED_AT),
                    v.get(MeasurementImportColumn.PERIOD_START), v.get(MeasurementImportColumn.PERIOD_END),
                    v.get(MeasurementImportColumn.SOURCE), v.get(MeasurementImportColumn.VALIDITY), attributes,
                    v.get(MeasurementImportColumn.DOCUMENT_REF));
            List<FieldProblem> problems = new ArrayList<>();
            var valid = MeasurementValidator.validate(draft, owner, code -> lookup.equipment(owner, code), now, problems);
            for (FieldProblem p : problems) {
                add(errors, count, row.number(), MeasurementImportColumn.ofField(p.field()).header(), p.value(), p.reason());
            }
            if (valid.isPresent() && count[0] == 0) {
                // after the first error nothing will be stored: stop writing, keep checking
                ValidMeasurement m = valid.get();
                copyLine(m, actor, line);
                out.write(line.toString());
                Tally t = tallies.computeIfAbsent(m.uscc(), k -> new Tally(m.regionPath()));
                t.count++;
                t.metrics.merge(m.metric(), 1L, Long::sum);
                t.months.add(m.effectiveDate().withDayOfMonth(1));
            }
        }
        return rows;
    }

    /** The trimmed cell, or null when blank; formulas, control characters and over-long cells are refused. */
    private static String cell(SheetRow row, MeasurementImportColumn column, int index,
            List<Problem> errors, long[] count) {
        String problem = ImportColumns.problem(row, index, MAX_CELL);
        if (problem != null) {
            String raw = row.cells()[index];
            add(errors, count, row.number(), column.header(), raw.length() > MAX_CELL ? raw : raw.strip(), problem);
            return null;
        }
        return ImportColumns.value(row, index);
    }

    private static boolean blankAt(SheetRow row, int index) {
        return index >= row.cells().length || row.cells()[index] == null || row.cells()[index].isBlank();
    }

    /** 'key=value;key=value' (also ；) into a map; a part without '=' or a repeated key is a problem. */
    static Map<String, String> attributes(String s, List<String> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s == null) {
            return out;
        }
        for (String part : s.split("[;；]")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                problems.add("属性「" + abbreviate(p) + "」应写成 名称=值，多个属性用 ; 分隔，如 workshop=ENCLOSED");
                continue;
            }
            String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (out.containsKey(key)) {
                problems.add("属性 " + abbreviate(key) + " 重复填写");
                continue;
            }
            out.put(key, p.substring(eq + 1).strip());
        }
        return out;
    }

    /** One line of PostgreSQL's COPY text format, columns as {@link MeasurementRepository#COPY_COLUMNS}. */
    private void copyLine(ValidMeasurement m, String actor, StringBuilder b) {
        b.setLength(0);
        b.append(m.enterpriseId()).append('\t');
        field(b, m.equipmentId() == null ? null : m.equipmentId().toString());
        field(b, m.metric());
        field(b, m.value() == null ? null : m.value().toPlainString());
        field(b, m.flag() == null ? null : m.flag() ? "t" : "f");
        field(b, m.unit());
        field(b, m.originalValue());
        field(b, m.originalUnit());
        field(b, m.measuredAt() == null ? null : m.measuredAt().toString());
        field(b, m.periodStart() == null ? null : m.periodStart().toString());
        field(b, m.periodEnd() == null ? null : m.periodEnd().toString());
        field(b, m.source().name());
        field(b, m.validity().name());
        field(b, json.writeValueAsString(m.attributes()));
        field(b, m.documentRef());
        field(b, actor);
        b.append(m.effectiveDate()).append('\n');
    }

    private static void field(StringBuilder b, String value) {
        CopyText.field(b, value).append('\t');
    }

    private static void add(List<Problem> errors, long[] count, long row, String column, String value, String reason) {
        count[0]++;
        if (errors.size() < MAX_STORED_ERRORS) {
            errors.add(new Problem(row, column, value == null ? "" : abbreviate(value), reason));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= MAX_VALUE_SHOWN ? s : s.substring(0, MAX_VALUE_SHOWN - 1) + "…";
    }
}
