package org.capgov.registry.exchange;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.capgov.shared.spreadsheet.SheetRow;

/**
 * The header row of an import file resolved against the columns of its kind. Any unknown, repeated or missing
 * required column is an error of row 1, and a file with such errors is not read further: guessing which column
 * means what would import wrong data.
 */
final class ImportHeader {

    private final ImportKind kind;
    private final Map<String, Integer> positions;
    private final int width;

    private ImportHeader(ImportKind kind, Map<String, Integer> positions, int width) {
        this.kind = kind;
        this.positions = positions;
        this.width = width;
    }

    /** Resolves the header row; problems go to {@code errors}. */
    static ImportHeader resolve(ImportKind kind, SheetRow row, ImportErrors errors) {
        Map<String, Integer> positions = new HashMap<>();
        int width = 0;
        String[] cells = row.cells();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "" : cells[i].replace("\uFEFF", "").strip();
            if (cell.isEmpty()) {
                continue;
            }
            width = i + 1;
            if (cell.length() > ImportCells.MAX_CELL) {
                errors.add(row.number(), "第 " + (i + 1) + " 列", cell, "表头过长，不是本模板的列名");
                continue;
            }
            String label = cell;
            ImportColumn column = kind.columns().stream().filter(c -> c.matches(label)).findFirst().orElse(null);
            if (column == null) {
                errors.add(row.number(), cell, cell, "未知列「" + cell + "」；" + kind.nameZh() + "导入可用的列："
                        + kind.importColumns().stream().map(ImportColumn::header).collect(Collectors.joining("、")));
            } else if (positions.containsKey(column.code())) {
                errors.add(row.number(), column.header(), cell, "列「" + column.header() + "」重复出现（第 "
                        + (positions.get(column.code()) + 1) + " 列与第 " + (i + 1) + " 列）");
            } else if (!column.exportOnly()) {
                positions.put(column.code(), i);
            } else {
                // informative columns of an export: known, accepted, ignored (the value comes from elsewhere)
                positions.put(column.code(), -1 - i);
            }
        }
        for (ImportColumn c : kind.columns()) {
            if (c.required() && !positions.containsKey(c.code())) {
                errors.add(row.number(), c.header(), "", "缺少必填列「" + c.header() + "」（" + c.code() + "）");
            }
        }
        return new ImportHeader(kind, positions, width);
    }

    ImportKind kind() {
        return kind;
    }

    boolean has(String code) {
        Integer p = positions.get(code);
        return p != null && p >= 0;
    }

    /** Cell index of a column, or -1 when the file does not have it. */
    int index(String code) {
        Integer p = positions.get(code);
        return p == null || p < 0 ? -1 : p;
    }

    /** Indexes of cells that belong to a known column (import or export-only). */
    boolean[] known() {
        boolean[] known = new boolean[Math.max(width, 1)];
        for (int p : positions.values()) {
            known[p >= 0 ? p : -1 - p] = true;
        }
        return known;
    }

    String header(String code) {
        return kind.column(code).header();
    }

    @Override
    public String toString() {
        return kind + " " + Arrays.toString(positions.entrySet().toArray());
    }
}
