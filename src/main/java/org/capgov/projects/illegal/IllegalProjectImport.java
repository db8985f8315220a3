package org.capgov.projects.illegal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.projects.illegal.IllegalProjectRules.Procedures;
import org.capgov.projects.illegal.IllegalProjectRules.Stage;
import org.capgov.shared.DomainException;
import org.capgov.shared.Industry;
import org.capgov.shared.UploadFiles;
import org.capgov.shared.Vocabulary;
import org.capgov.shared.spreadsheet.ReadLimits;
import org.capgov.shared.spreadsheet.RowReader;
import org.capgov.shared.spreadsheet.SheetRow;
import org.capgov.shared.spreadsheet.SpreadsheetUpload;
import org.capgov.shared.spreadsheet.UnreadableFileException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register filled from a spreadsheet (CSV in UTF-8 or GBK, or .xlsx), all or nothing: every row goes through the
 * same {@link IllegalProjectService#register} as the form, in one transaction; a row at fault is reported with its
 * spreadsheet row number, column and reason, and then nothing is stored. Codes may be written as their Chinese names
 * (钢铁, 在建, 手续不全) or as codes; yes/no columns take 是 / 否. The records of other authorities (land, ocean,
 * environment, finance) have three columns each, and are checked as the form's typed references are.
 */
@Component
class IllegalProjectImport {

    static final int MAX_ROWS = 5_000;
    private static final ReadLimits LIMITS = ReadLimits.DEFAULT.withMaxFieldChars(4_000).withMaxColumns(48);

    /**
     * The records held by other authorities (seed 003: 土地、海域、环保、金融), in the order of their columns: each kind
     * has three optional columns, number, issuer and date, taken like the form's typed references when any is filled.
     */
    private static final List<String> REFERENCE_KINDS = List.of("LAND", "OCEAN", "ENVIRONMENT", "FINANCE");
    private static final List<String> REFERENCE_NAMES = List.of("土地", "海域", "环保", "金融");
    private static final List<String> REFERENCE_FIELDS = List.of("number", "issuer", "issuedOn");
    private static final int FIRST_REFERENCE = 10;

    /** The template's columns, in order; a * marks the required ones. */
    static final List<String> COLUMNS = columns();
    /** The register's request field behind each column (the reference columns are mapped in {@link #report}). */
    private static final List<String> FIELDS = List.of("uscc", "name", "industry", "stage", "procedures", "concealed",
            "backward", "foundOn", "document", "demolitionDeadline");

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("统一社会信用代码*", "项目名称*", "行业*", "建设阶段*", "手续情况*", "隐瞒不报",
                "工艺装备落后或不达标", "查实日期", "文号", "拆除期限"));
        for (String name : REFERENCE_NAMES) {
            c.add(name + "记录文号");
            c.add(name + "记录出具机关");
            c.add(name + "记录日期");
        }
        return List.copyOf(c);
    }

    /** One fault: spreadsheet row (header = 1, 0 for the file), column header, value, Chinese reason. */
    record Problem(long row, String column, String value, String reason) {
    }

    /** How an import ended: the register numbers stored, or the faults (then nothing was stored). */
    record Outcome(int rows, List<String> registered, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final IllegalProjectService register;
    private final UploadFiles uploads;
    private final TransactionTemplate transaction;
    private final MessageSource messages;
    private final Map<String, String> codesByName = new HashMap<>();

    IllegalProjectImport(IllegalProjectService register, UploadFiles uploads, PlatformTransactionManager transactions,
            Vocabulary labels, MessageSource messages) {
        this.register = register;
        this.messages = messages;
        this.uploads = uploads;
        this.transaction = new TransactionTemplate(transactions);
        for (Industry i : Industry.values()) {
            codesByName.put("industry:" + labels.in(Vocabulary.ZH, "industry.", i.name()), i.name());
        }
        for (Stage s : Stage.values()) {
            codesByName.put("stage:" + labels.in(Vocabulary.ZH, "illegal.stage.", s.name()), s.name());
        }
        for (Procedures p : Procedures.values()) {
            codesByName.put("procedures:" + labels.in(Vocabulary.ZH, "illegal.procedures.", p.name()), p.name());
        }
    }

    Path newUpload() throws IOException {
        return uploads.newFile("illegal-upload-", ".bin");
    }

    Outcome run(Path file) throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<Long> rowNumbers = new ArrayList<>();
        List<IllegalProjectRequests.Register> requests = new ArrayList<>();
        List<List<Integer>> referenceKinds = new ArrayList<>();
        try (RowReader rows = SpreadsheetUpload.open(file, SpreadsheetUpload.inspect(file), LIMITS)) {
            SheetRow header = rows.next();
            while (header != null && header.blank()) {
                header = rows.next();
            }
            int[] columns = header == null ? null : columns(header, problems);
            if (header == null) {
                problems.add(new Problem(0, "", "", "文件中没有表头行，也没有数据"));
            }
            if (!problems.isEmpty()) {
                return new Outcome(0, List.of(), problems);
            }
            String[] headers = header.cells();
            Map<String, Long> seen = new HashMap<>();
            for (SheetRow r = rows.next(); r != null; r = rows.next()) {
                if (r.blank()) {
                    continue;
                }
                if (requests.size() >= MAX_ROWS) {
                    return new Outcome(requests.size(), List.of(), List.of(new Problem(r.number(), "", "",
                            "一次最多导入 " + MAX_ROWS + " 行，请分批导入")));
                }
                for (int i : r.headerless(i -> i < headers.length && headers[i] != null && !headers[i].isBlank())) {
                    problems.add(new Problem(r.number(), SheetRow.columnName(i), r.cells()[i], SheetRow.HEADERLESS));
                }
                String[] v = new String[COLUMNS.size()];
                for (int c = 0; c < v.length; c++) {
                    v[c] = columns[c] < 0 ? null : cell(r, columns[c]);
                    if (columns[c] >= 0 && r.formula(columns[c])) {
                        problems.add(new Problem(r.number(), COLUMNS.get(c), v[c], "单元格是公式或错误值，请填写数值本身"));
                    }
                }
                String key = (v[0] == null ? "" : v[0].toUpperCase(Locale.ROOT)) + "\u0000" + (v[1] == null ? "" : v[1]);
                Long first = seen.putIfAbsent(key, r.number());
                if (first != null) {
                    problems.add(new Problem(r.number(), COLUMNS.get(1), v[1], "与第 " + first + " 行是同一企业的同一项目"));
                }
                List<IllegalProjectRequests.ReferenceInput> references = new ArrayList<>();
                List<Integer> kinds = new ArrayList<>();
                for (int k = 0; k < REFERENCE_KINDS.size(); k++) {
                    int at = FIRST_REFERENCE + 3 * k;
                    if (v[at] != null || v[at + 1] != null || v[at + 2] != null) {
                        references.add(new IllegalProjectRequests.ReferenceInput(REFERENCE_KINDS.get(k), v[at],
                                v[at + 1], v[at + 2]));
                        kinds.add(k);
                    }
                }
                requests.add(new IllegalProjectRequests.Register(v[0], v[1], code("industry", v[2]),
                        code("stage", v[3]), code("procedures", v[4]), yes(r.number(), 5, v[5], problems),
                        yes(r.number(), 6, v[6], problems), v[7], v[8], v[9], references));
                referenceKinds.add(kinds);
                rowNumbers.add(r.number());
            }
        } catch (UnreadableFileException e) {
            return new Outcome(0, List.of(), List.of(new Problem(0, "", "", e.getMessage())));
        }
        if (requests.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "", "", "文件中没有数据行"));
        }
        List<String> registered = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < requests.size(); i++) {
                try {
                    registered.add(register.register(requests.get(i)).number());
                } catch (DomainException e) {
                    report(rowNumbers.get(i), requests.get(i), referenceKinds.get(i), e, problems);
                }
            }
            if (!problems.isEmpty()) {
                status.setRollbackOnly();
            }
        });
        problems.sort(java.util.Comparator.comparingLong(Problem::row));
        return new Outcome(requests.size(), problems.isEmpty() ? registered : List.of(), problems);
    }

    /** The register's own refusal, placed in the row and column it concerns. */
    private void report(long row, IllegalProjectRequests.Register r, List<Integer> kinds, DomainException e,
            List<Problem> problems) {
        if (e.problems().isEmpty()) {
            problems.add(new Problem(row, COLUMNS.get(0), r.uscc(),
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), Vocabulary.ZH)));
            return;
        }
        for (DomainException.FieldProblem p : e.problems()) {
            int c = FIELDS.indexOf(p.field());
            java.util.regex.Matcher m = REFERENCE_FIELD.matcher(p.field());
            if (m.matches() && Integer.parseInt(m.group(1)) < kinds.size()) {
                c = FIRST_REFERENCE + 3 * kinds.get(Integer.parseInt(m.group(1)))
                        + Math.max(0, REFERENCE_FIELDS.indexOf(m.group(2)));
            }
            problems.add(new Problem(row, c < 0 ? p.field() : COLUMNS.get(c), p.value(), p.reason()));
        }
    }

    /** A reference's field in the register's answer, e.g. references[1].issuedOn. */
    private static final java.util.regex.Pattern REFERENCE_FIELD = java.util.regex.Pattern
            .compile("references\\[(\\d+)]\\.(\\w+)");

    /** Column index of each template column in the file, -1 when absent; a missing required column is a fault. */
    private static int[] columns(SheetRow header, List<Problem> problems) {
        int[] at = new int[COLUMNS.size()];
        for (int c = 0; c < at.length; c++) {
            at[c] = -1;
            String wanted = bare(COLUMNS.get(c));
            for (int i = 0; i < header.cells().length; i++) {
                if (header.cells()[i] != null && wanted.equals(bare(header.cells()[i]))) {
                    at[c] = i;
                }
            }
            if (at[c] < 0 && COLUMNS.get(c).endsWith("*")) {
                problems.add(new Problem(header.number(), COLUMNS.get(c), "", "缺少必填列“" + wanted + "”（请使用导入模板）"));
            }
        }
        return at;
    }

    private static String bare(String header) {
        String h = header.strip();
        return h.endsWith("*") ? h.substring(0, h.length() - 1).strip() : h;
    }

    /** A Chinese name turned into its code; anything else is passed on for the register to judge and name. */
    private String code(String kind, String value) {
        return value == null ? null : codesByName.getOrDefault(kind + ":" + value, value);
    }

    private static Boolean yes(long row, int column, String value, List<Problem> problems) {
        if (value == null || value.isBlank() || value.equals("否") || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equals("是") || value.equalsIgnoreCase("true")) {
            return true;
        }
        problems.add(new Problem(row, COLUMNS.get(column), value, "应填“是”或“否”"));
        return false;
    }

    private static String cell(SheetRow r, int i) {
        String s = i < r.cells().length ? r.cells()[i] : null;
        return s == null || s.isBlank() ? null : s.strip();
    }
}
