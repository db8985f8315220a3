package org.capgov.registry.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capgov.region.Region;
import org.capgov.shared.CopyText;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.capgov.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.capgov.registry.Equipment;
import org.capgov.registry.validation.ValidEquipment;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.Violation;
import org.capgov.registry.validation.EquipmentValidator;
import org.capgov.shared.spreadsheet.SheetRow;

/**
 * Equipment rows: validated by {@link EquipmentValidator} (type, parameters per type, product, capacity), staged,
 * checked for repeats of USCC + equipment code, unknown or out-of-scope enterprises and existing items, then merged
 * into production_line, equipment and equipment_status_history. Re-imports match by USCC + equipment code.
 */
final class ImportEquipmentRows extends ImportRows {

    private static final Map<String, String> FIELDS = Map.of("annualCapacity", "annual_capacity",
            "statusSince", "status_since");

    ImportEquipmentRows(ImportHeader header, ImportMode mode, Map<String, Region> regions, DataScope scope,
            LocalDate today, ImportErrors errors) {
        super(header, mode, regions, scope, today, errors, FIELDS);
    }

    @Override
    String stageDdl() {
        return """
                create temp table import_stage_equipment (
                    row_no bigint not null, uscc varchar(18) not null, line varchar(32), code varchar(32) not null,
                    type varchar(32) not null, parameters jsonb not null, product varchar(24) not null,
                    capacity numeric(16, 2) not null, commissioned date, region_code varchar(12), region_path text,
                    status varchar(24) not null, status_since date not null
                ) on commit drop
                """;
    }

    @Override
    String copySql() {
        return "copy import_stage_equipment (row_no, uscc, line, code, type, parameters, product, capacity, commissioned, "
                + "region_code, region_path, status, status_since) from stdin";
    }

    /** A row that passed the checks of its own: the enterprise's USCC (normalised) and the equipment item. */
    record Checked(String uscc, ValidEquipment equipment) {
    }

    @Override
    boolean stage(SheetRow row, StringBuilder copy) {
        Checked checked = validate(row);
        if (checked == null) {
            return false;
        }
        ValidEquipment q = checked.equipment();
        copy.append(row.number()).append('\t').append(checked.uscc()).append('\t');
        field(copy, q.line());
        copy.append('\t');
        field(copy, q.code());
        copy.append('\t').append(q.type().name()).append('\t');
        field(copy, json(q.parameters()));
        copy.append('\t').append(q.product().name()).append('\t').append(q.annualCapacity().toPlainString()).append('\t');
        copy.append(q.commissioned() == null ? CopyText.NULL : q.commissioned().toString()).append('\t');
        field(copy, q.regionCode());
        copy.append('\t');
        field(copy, q.regionPath());
        copy.append('\t').append(q.status().name()).append('\t').append(q.statusSince()).append('\n');
        return true;
    }

    /** Checks one row on its own; returns it checked, or records its errors and returns null. */
    Checked validate(SheetRow row) {
        long before = errors.total();
        long n = row.number();
        begin(row);
        String uscc = cell(row, "uscc");
        String line = cell(row, "line");
        String code = cell(row, "code");
        String type = cell(row, "type");
        String parametersText = cell(row, "parameters");
        String product = cell(row, "product");
        String capacityText = cell(row, "annual_capacity");
        String commissionedText = cell(row, "commissioned");
        String region = cell(row, "region");
        String status = cell(row, "status");
        String sinceText = cell(row, "status_since");
        if (uscc == null) {
            if (header.index("uscc") >= 0 && !reportedUnusable(row, "uscc")) {
                error(n, "uscc", "", "缺少统一社会信用代码");
            }
        } else {
            Uscc.Check check = Uscc.check(uscc);
            if (!check.structureOk()) {
                error(n, "uscc", uscc, "统一社会信用代码结构错误：" + check.reason());
            }
            uscc = check.code();
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> parameters = ImportCells.parameters(parametersText, problems);
        for (String p : problems) {
            error(n, "parameters", parametersText, p);
        }
        BigDecimal capacity = null;
        if (capacityText != null && (capacity = ImportCells.decimal(capacityText.replace(",", ""))) == null) {
            error(n, "annual_capacity", capacityText, "年产能应为数字（不带单位），例如 1200000");
        }
        LocalDate commissioned = date(n, "commissioned", commissionedText);
        LocalDate since = date(n, "status_since", sinceText);
        EquipmentDraft draft = new EquipmentDraft(code, line, type, parameters, product, capacity, commissioned, region,
                status, since);
        EquipmentValidator.Outcome outcome = EquipmentValidator.validate(draft, regions, today);
        for (Violation v : outcome.violations()) {
            violation(n, v);
        }
        ValidEquipment q = outcome.equipment();
        if (q != null && q.regionPath() != null && !scope.coversRegion(q.regionPath())) {
            error(n, "region", q.regionCode(), "区划 " + q.regionCode() + " 不在您的数据范围内");
        }
        if (errors.total() > before || q == null || uscc == null) {
            return null;
        }
        return new Checked(uscc, q);
    }

    /** A non-blank cell that {@link #cell} returned as null was already reported (formula, too long …). */
    private boolean reportedUnusable(SheetRow row, String code) {
        int i = header.index(code);
        return i >= 0 && i < row.cells().length && row.cells()[i] != null && !row.cells()[i].isBlank();
    }

    private LocalDate date(long n, String code, String text) {
        if (text == null) {
            return null;
        }
        LocalDate d = ImportCells.date(text);
        if (d == null) {
            error(n, code, text, "日期格式应为 yyyy-MM-dd，例如 2012-06-30");
        }
        return d;
    }

    /** Parameters as JSON; the validator returned numbers, booleans and upper-case codes only. */
    static String json(Map<String, Object> parameters) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v instanceof BigDecimal d) {
                sb.append(d.toPlainString());
            } else if (v instanceof Boolean b) {
                sb.append(b);
            } else {
                sb.append('"').append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return sb.append('}').toString();
    }

    @Override
    void check(JdbcClient jdbc) {
        String uscc = columnName("uscc");
        if (mode == ImportMode.UPSERT) {
            unregistered(jdbc);
        }
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        report(jdbc, "select s.row_no, s.uscc, e.region_code from import_stage_equipment s "
                + "join enterprise e on e.uscc = s.uscc where not " + inScope.sql() + " order by s.row_no",
                inScope.params(), (rs, out) -> out.add(rs.getLong(1), uscc, rs.getString(2),
                "企业登记在区划 " + rs.getString(3) + "，不在您的数据范围内"));
        // an item of a closed, exited or deregistered enterprise cannot be in production (StatusConsistency)
        report(jdbc, """
                select s.row_no, s.status from import_stage_equipment s join enterprise e on e.uscc = s.uscc
                where s.status = 'OPERATING' and e.status in ('CLOSED', 'EXITED', 'DEREGISTERED') order by s.row_no
                """, Map.of(), (rs, out) -> out.add(rs.getLong(1), columnName("status"), rs.getString(2),
                "企业已关停、退出或注销，其设备不能为正常生产；请先变更企业状态"));
        if (mode == ImportMode.UPSERT && header.has("status")) {
            report(jdbc, """
                    select s.row_no, s.status_since, q.status, q.status_since from import_stage_equipment s
                    join enterprise e on e.uscc = s.uscc join equipment q on q.enterprise_id = e.id and q.code = s.code
                    where s.status <> q.status and s.status_since < q.status_since order by s.row_no
                    """, Map.of(), (rs, out) -> out.add(rs.getLong(1), columnName("status_since"), rs.getString(2),
                    "早于当前状态 " + rs.getString(3) + " 的生效日期 " + rs.getString(4) + "；状态只能向后变更"));
        }
    }

    private void unregistered(JdbcClient jdbc) {
        report(jdbc, """
                select s.row_no, s.uscc from import_stage_equipment s
                where not exists (select 1 from enterprise e where e.uscc = s.uscc) order by s.row_no
                """, Map.of(), (rs, out) -> out.add(rs.getLong(1), columnName("uscc"), rs.getString(2),
                "企业未登记；请先导入或登记该企业，再导入其设备"));
    }

    @Override
    void checkDeferred(JdbcClient jdbc) {
        String code = columnName("code");
        if (mode == ImportMode.INSERT_ONLY) {
            // "insert only" merges every staged row: one without its enterprise shows as a shortfall
            unregistered(jdbc);
        }
        report(jdbc, """
                select s.row_no, s.code, d.first_row from import_stage_equipment s
                join (select uscc, code, min(row_no) as first_row from import_stage_equipment group by uscc, code
                      having count(*) > 1) d on d.uscc = s.uscc and d.code = s.code
                where s.row_no > d.first_row order by s.row_no
                """, Map.of(), (rs, out) -> out.add(rs.getLong(1), code, rs.getString(2),
                "与第 " + rs.getLong(3) + " 行重复（同一企业的设备编号在文件中只能出现一次）"));
        if (mode == ImportMode.INSERT_ONLY) {
            report(jdbc, """
                    select s.row_no, s.code from import_stage_equipment s join enterprise e on e.uscc = s.uscc
                    join equipment q on q.enterprise_id = e.id and q.code = s.code order by s.row_no
                    """, Map.of(), (rs, out) -> out.add(rs.getLong(1), code, rs.getString(2),
                    "该企业已有此编号的设备；“仅新增”模式不修改已有设备，如需更新请选择“新增或更新”"));
        }
    }

    @Override
    Counts merge(JdbcClient jdbc, String actor, ImportBulkLoad bulk) {
        Map<String, Object> p = new HashMap<>();
        p.put("by", actor);
        p.put("note", NOTE);
        boolean lines = header.has("line");
        if (lines) {
            step("insert production lines", jdbc.sql("""
                    insert into production_line (enterprise_id, code)
                    select e.id, d.line
                    from (select distinct uscc, line from import_stage_equipment where line is not null) d
                    join enterprise e on e.uscc = d.uscc
                    order by e.id
                    on conflict (enterprise_id, code) do nothing
                    """));
        }
        String lineJoin = lines ? " left join production_line l on l.enterprise_id = e.id and l.code = s.line" : "";
        long updated = 0;
        if (mode == ImportMode.UPSERT) {
            String existing = " from import_stage_equipment s join enterprise e on e.uscc = s.uscc "
                    + "join equipment q on q.enterprise_id = e.id and q.code = s.code ";
            if (header.has("status")) {
                step("close equipment status", jdbc.sql("update equipment_status_history h set effective_to = s.status_since"
                        + existing + "where h.equipment_id = q.id and h.effective_to is null "
                        + "and h.effective_from < s.status_since and s.status <> q.status"));
                step("add equipment status", jdbc.sql("insert into equipment_status_history (equipment_id, status, "
                        + "effective_from, note, recorded_by) select q.id, s.status, s.status_since, :note, :by" + existing
                        + "where s.status <> q.status").params(p));
                step("set equipment status", jdbc.sql("""
                        update equipment q set status = s.status, status_since = s.status_since
                        from import_stage_equipment s join enterprise e on e.uscc = s.uscc
                        where q.enterprise_id = e.id and q.code = s.code and s.status <> q.status
                        """));
            }
            updated = step("update equipment", jdbc.sql("update equipment q set type = s.type, parameters = s.parameters, product = s.product, "
                    + "annual_capacity = s.capacity" + (lines ? ", line_id = l.id" : "")
                    + (header.has("commissioned") ? ", commissioned = s.commissioned" : "")
                    + (header.has("region") ? ", region_code = coalesce(s.region_code, e.region_code), "
                            + "region_path = coalesce(s.region_path, e.region_path)" : "")
                    + ", updated_at = now() from import_stage_equipment s join enterprise e on e.uscc = s.uscc" + lineJoin
                    + " where q.enterprise_id = e.id and q.code = s.code"));
        }
        // ids numbered from the rows spare carrying the new ids over to the history (see ImportBulkLoad#reserveIds)
        boolean numbered = mode == ImportMode.INSERT_ONLY && bulk.rebuilds("equipment")
                && bulk.rebuilds("equipment_status_history");
        long inserted = numbered ? insertNumbered(jdbc, bulk, p, lines, lineJoin) : insertJoined(jdbc, p, lines, lineJoin);
        if (mode == ImportMode.INSERT_ONLY && !numbered) {
            expectAll(jdbc, "import_stage_equipment", inserted);
        }
        return new Counts(inserted, updated);
    }

    private long insertNumbered(JdbcClient jdbc, ImportBulkLoad bulk, Map<String, Object> p, boolean lines,
            String lineJoin) {
        long last = lastRow(jdbc, "import_stage_equipment");
        p.put("base", bulk.reserveIds("equipment", last));
        p.put("historyBase", bulk.reserveIds("equipment_status_history", last));
        long inserted = step("insert equipment", jdbc.sql("""
                insert into equipment (id, enterprise_id, line_id, code, type, parameters, product, annual_capacity,
                                       commissioned, region_code, region_path, status, status_since)
                select :base + s.row_no, e.id, """ + (lines ? "l.id" : "null::bigint") + """
                       , s.code, s.type, s.parameters, s.product, s.capacity, s.commissioned,
                       coalesce(s.region_code, e.region_code), coalesce(s.region_path, e.region_path), s.status,
                       s.status_since
                from import_stage_equipment s join enterprise e on e.uscc = s.uscc
                """ + lineJoin).params(p));
        // a row whose enterprise is not registered found no partner in the join: its numbered history must not be written
        expectAll(jdbc, "import_stage_equipment", inserted);
        step("insert first statuses", jdbc.sql("""
                insert into equipment_status_history (id, equipment_id, status, effective_from, note, recorded_by)
                select :historyBase + s.row_no, :base + s.row_no, s.status, s.status_since, :note, :by
                from import_stage_equipment s
                """).params(p));
        return inserted;
    }

    private long insertJoined(JdbcClient jdbc, Map<String, Object> p, boolean lines, String lineJoin) {
        return step("insert equipment with their first status", jdbc.sql("""
                with ins as (
                    insert into equipment (enterprise_id, line_id, code, type, parameters, product, annual_capacity,
                                           commissioned, region_code, region_path, status, status_since)
                    select e.id, """ + (lines ? "l.id" : "null::bigint") + """
                           , s.code, s.type, s.parameters, s.product, s.capacity, s.commissioned,
                           coalesce(s.region_code, e.region_code), coalesce(s.region_path, e.region_path), s.status,
                           s.status_since
                    from import_stage_equipment s join enterprise e on e.uscc = s.uscc
                """ + lineJoin
                + (mode == ImportMode.UPSERT
                        ? " where not exists (select 1 from equipment q where q.enterprise_id = e.id and q.code = s.code)" : "")
                + """
                    returning id, status, status_since)
                insert into equipment_status_history (equipment_id, status, effective_from, note, recorded_by)
                select id, status, status_since, :note, :by from ins
                """).params(p));
    }
}
