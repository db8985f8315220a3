package org.capgov.registry.exchange;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.capgov.region.Region;
import org.capgov.shared.DataScope;
import org.capgov.shared.Industry;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.capgov.registry.Enterprise;
import org.capgov.registry.validation.ValidEnterprise;
import org.capgov.registry.Violation;
import org.capgov.registry.ParameterValidator;
import org.capgov.registry.validation.EnterpriseValidator;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.shared.spreadsheet.SheetRow;

/**
 * Enterprise rows: validated by {@link EnterpriseValidator}, staged, checked for repeated USCCs and grid accounts,
 * existing enterprises, unknown parents and scope, then merged into enterprise, enterprise_status_history and
 * grid_account with set-based SQL. Re-imports match by USCC. Columns a file leaves out keep their stored values.
 */
final class ImportEnterpriseRows extends ImportRows {

    private static final Map<String, String> FIELDS = Map.of("legalRepresentative", "legal_representative",
            "parentUscc", "parent_uscc", "gridAccounts", "grid_accounts", "statusSince", "status_since");

    ImportEnterpriseRows(ImportHeader header, ImportMode mode, Map<String, Region> regions, DataScope scope,
            LocalDate today, ImportErrors errors) {
        super(header, mode, regions, scope, today, errors, FIELDS);
    }

    @Override
    String stageDdl() {
        return """
                create temp table import_stage_enterprise (
                    row_no bigint not null, uscc varchar(18) not null, uscc_flag text, name text not null,
                    region_code varchar(12) not null, region_path text not null, address text,
                    industries varchar(16)[] not null, legal text, parent_uscc varchar(18), grid_accounts varchar(32)[],
                    status varchar(16) not null, status_since date not null
                ) on commit drop
                """;
    }

    @Override
    String copySql() {
        return "copy import_stage_enterprise (row_no, uscc, uscc_flag, name, region_code, region_path, address, "
                + "industries, legal, parent_uscc, grid_accounts, status, status_since) from stdin";
    }

    @Override
    boolean stage(SheetRow row, StringBuilder copy) {
        ValidEnterprise e = validate(row);
        if (e == null) {
            return false;
        }
        copy.append(row.number()).append('\t');
        field(copy, e.uscc());
        copy.append('\t');
        field(copy, e.usccFlag());
        copy.append('\t');
        field(copy, e.name());
        copy.append('\t').append(e.regionCode()).append('\t').append(e.regionPath()).append('\t');
        field(copy, e.address());
        copy.append('\t');
        codes(copy, e.industries().stream().map(Industry::name).toList());
        copy.append('\t');
        field(copy, e.legalRepresentative());
        copy.append('\t');
        field(copy, e.parentUscc());
        copy.append('\t');
        codes(copy, e.gridAccounts());
        copy.append('\t').append(e.status().name()).append('\t').append(e.statusSince()).append('\n');
        return true;
    }

    /** Checks one row on its own; returns it valid, or records its errors and returns null. */
    ValidEnterprise validate(SheetRow row) {
        long before = errors.total();
        long n = row.number();
        begin(row);
        String uscc = cell(row, "uscc");
        String name = cell(row, "name");
        String region = cell(row, "region");
        String industries = cell(row, "industries");
        String address = cell(row, "address");
        String legal = cell(row, "legal_representative");
        String parent = cell(row, "parent_uscc");
        String accounts = cell(row, "grid_accounts");
        String status = cell(row, "status");
        String sinceText = cell(row, "status_since");
        String acceptText = cell(row, "accept_check_character");
        LocalDate since = null;
        if (sinceText != null && (since = ImportCells.date(sinceText)) == null) {
            error(n, "status_since", sinceText, "日期格式应为 yyyy-MM-dd，例如 2024-03-01");
        }
        Boolean accept = null;
        if (acceptText != null && (accept = ParameterValidator.parseBoolean(acceptText)) == null) {
            error(n, "accept_check_character", acceptText, "应填 是 或 否（也可 true / false）");
        }
        EnterpriseDraft draft = new EnterpriseDraft(uscc, name, region, ImportCells.list(industries), address, legal,
                parent, null, ImportCells.list(accounts), status, since, accept);
        EnterpriseValidator.Outcome outcome = EnterpriseValidator.validate(draft, regions, today);
        for (Violation v : outcome.violations()) {
            violation(n, v);
        }
        ValidEnterprise e = outcome.enterprise();
        if (e != null) {
            if (!scope.coversRegion(e.regionPath())) {
                error(n, "region", e.regionCode(), "区划 " + e.regionCode() + " 不在您的数据范围内");
            }
            if (e.uscc().equals(e.parentUscc())) {
                error(n, "parent_uscc", e.parentUscc(), "上级企业不能是企业自身");
            }
        }
        return errors.total() > before ? null : e;
    }

    @Override
    void check(JdbcClient jdbc) {
        String uscc = columnName("uscc");
        if (mode == ImportMode.UPSERT) {
            SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
            report(jdbc, "select s.row_no, s.uscc, e.region_code from import_stage_enterprise s "
                    + "join enterprise e on e.uscc = s.uscc where not " + inScope.sql() + " order by s.row_no",
                    inScope.params(), (rs, out) -> out.add(rs.getLong(1), uscc, rs.getString(2),
                    "该企业已登记在区划 " + rs.getString(3) + "，不在您的数据范围内，不能更新"));
            if (header.has("status")) {
                report(jdbc, """
                        select s.row_no, s.status_since, e.status, e.status_since from import_stage_enterprise s
                        join enterprise e on e.uscc = s.uscc
                        where s.status <> e.status and s.status_since < e.status_since order by s.row_no
                        """, Map.of(), (rs, out) -> out.add(rs.getLong(1), columnName("status_since"), rs.getString(2),
                        "早于当前状态 " + rs.getString(3) + " 的生效日期 " + rs.getString(4) + "；状态只能向后变更"));
            }
        }
        if (header.has("parent_uscc")) {
            report(jdbc, """
                    select s.row_no, s.parent_uscc from import_stage_enterprise s
                    where s.parent_uscc is not null
                      and not exists (select 1 from enterprise p where p.uscc = s.parent_uscc)
                      and not exists (select 1 from import_stage_enterprise p where p.uscc = s.parent_uscc)
                    order by s.row_no
                    """, Map.of(), (rs, out) -> out.add(rs.getLong(1), columnName("parent_uscc"), rs.getString(2),
                    "上级企业未登记，也不在本文件中"));
        }
    }

    @Override
    void checkDeferred(JdbcClient jdbc) {
        String uscc = columnName("uscc");
        report(jdbc, """
                select s.row_no, s.uscc, d.first_row from import_stage_enterprise s
                join (select uscc, min(row_no) as first_row from import_stage_enterprise group by uscc having count(*) > 1) d
                  on d.uscc = s.uscc
                where s.row_no > d.first_row order by s.row_no
                """, Map.of(), (rs, out) -> out.add(rs.getLong(1), uscc, rs.getString(2),
                "与第 " + rs.getLong(3) + " 行的统一社会信用代码重复（同一文件中每家企业只能出现一次）"));
        if (mode == ImportMode.INSERT_ONLY) {
            report(jdbc, """
                    select s.row_no, s.uscc from import_stage_enterprise s join enterprise e on e.uscc = s.uscc
                    order by s.row_no
                    """, Map.of(), (rs, out) -> out.add(rs.getLong(1), uscc, rs.getString(2),
                    "该企业已登记；“仅新增”模式不修改已有企业，如需更新请选择“新增或更新”"));
        }
        if (header.has("grid_accounts")) {
            String column = columnName("grid_accounts");
            // accounts repeated within the file are rare: a cheap count first, the row-by-row listing only if needed
            long repeated = jdbc.sql("""
                    select count(*) from (select g.acc from import_stage_enterprise s
                    cross join lateral unnest(s.grid_accounts) g(acc) where cardinality(s.grid_accounts) > 0
                    group by g.acc having count(*) > 1) d
                    """).query(Long.class).single();
            if (repeated > 0) {
                report(jdbc, """
                        with a as (select s.row_no, g.acc from import_stage_enterprise s
                                   cross join lateral unnest(s.grid_accounts) g(acc) where cardinality(s.grid_accounts) > 0)
                        select a.row_no, a.acc, d.first_row from a
                        join (select acc, min(row_no) as first_row from a group by acc having count(*) > 1) d on d.acc = a.acc
                        where a.row_no > d.first_row order by a.row_no
                        """, Map.of(), (rs, out) -> out.add(rs.getLong(1), column, rs.getString(2),
                        "供电户号与第 " + rs.getLong(3) + " 行重复（一个户号同时只能属于一家企业）"));
            }
            report(jdbc, """
                    select s.row_no, g.acc, h.uscc from import_stage_enterprise s
                    cross join lateral unnest(s.grid_accounts) g(acc)
                    join grid_account a on a.account_no = g.acc and a.valid_to is null
                    join enterprise h on h.id = a.enterprise_id
                    where cardinality(s.grid_accounts) > 0 and h.uscc <> s.uscc order by s.row_no
                    """, Map.of(), (rs, out) -> out.add(rs.getLong(1), column, rs.getString(2),
                    "供电户号已属于企业 " + rs.getString(3)));
        }
    }

    @Override
    Counts merge(JdbcClient jdbc, String actor, ImportBulkLoad bulk) {
        Map<String, Object> p = new HashMap<>();
        p.put("by", actor);
        p.put("note", NOTE);
        p.put("today", today);
        long updated = 0;
        if (mode == ImportMode.UPSERT) {
            if (header.has("status")) {
                // history first, while enterprise.status still holds the status being replaced
                step("close enterprise status", jdbc.sql("""
                        update enterprise_status_history h set effective_to = s.status_since
                        from import_stage_enterprise s join enterprise e on e.uscc = s.uscc
                        where h.enterprise_id = e.id and h.effective_to is null and h.effective_from < s.status_since
                          and s.status <> e.status
                        """));
                step("add enterprise status", jdbc.sql("""
                        insert into enterprise_status_history (enterprise_id, status, effective_from, note, recorded_by)
                        select e.id, s.status, s.status_since, :note, :by
                        from import_stage_enterprise s join enterprise e on e.uscc = s.uscc where s.status <> e.status
                        """).params(p));
                step("set enterprise status", jdbc.sql("""
                        update enterprise e set status = s.status, status_since = s.status_since
                        from import_stage_enterprise s where e.uscc = s.uscc and s.status <> e.status
                        """));
            }
            updated = step("update enterprises", jdbc.sql("update enterprise e set uscc_flag = s.uscc_flag, name = s.name, "
                    + "region_code = s.region_code, region_path = s.region_path, industries = s.industries"
                    + (header.has("address") ? ", address = s.address" : "")
                    + (header.has("legal_representative") ? ", legal_representative = s.legal" : "")
                    + ", updated_at = now() from import_stage_enterprise s where e.uscc = s.uscc"));
        }
        // ids numbered from the rows spare the join back to the new enterprises (see ImportBulkLoad#reserveIds)
        boolean numbered = mode == ImportMode.INSERT_ONLY && bulk.rebuilds("enterprise")
                && bulk.rebuilds("enterprise_status_history");
        long inserted = numbered ? insertNumbered(jdbc, bulk, p) : insertJoined(jdbc, bulk, p);
        if (header.has("parent_uscc")) {
            if (!numbered) {
                step("link parents", jdbc.sql("""
                        update enterprise e set parent_id = p.id from import_stage_enterprise s
                        join enterprise p on p.uscc = s.parent_uscc
                        where e.uscc = s.uscc and s.parent_uscc is not null and e.parent_id is distinct from p.id
                        """));
            }
            if (mode == ImportMode.UPSERT) {
                step("unlink parents", jdbc.sql("""
                        update enterprise e set parent_id = null from import_stage_enterprise s
                        where e.uscc = s.uscc and s.parent_uscc is null and e.parent_id is not null
                        """));
            }
        }
        if (header.has("grid_accounts")) {
            mergeGridAccounts(jdbc, p, !bulk.rebuilds("grid_account"), numbered);
        }
        return new Counts(inserted, updated);
    }

    private long insertNumbered(JdbcClient jdbc, ImportBulkLoad bulk, Map<String, Object> p) {
        long last = lastRow(jdbc, "import_stage_enterprise");
        p.put("base", bulk.reserveIds("enterprise", last));
        p.put("historyBase", bulk.reserveIds("enterprise_status_history", last));
        // a parent is a row of the file (its number gives its id) or an enterprise registered before; written with the
        // row, an update of every child afterwards cost three times as much
        boolean parents = header.has("parent_uscc");
        long inserted = step("insert enterprises", jdbc.sql("""
                insert into enterprise (id, uscc, uscc_flag, name, region_code, region_path, address, industries,
                                        legal_representative, status, status_since, parent_id)
                select :base + s.row_no, s.uscc, s.uscc_flag, s.name, s.region_code, s.region_path, s.address,
                       s.industries, s.legal, s.status, s.status_since,
                """ + (parents ? """
                       coalesce(:base + f.row_no, p.id)
                from import_stage_enterprise s
                left join import_stage_enterprise f on f.uscc = s.parent_uscc
                left join enterprise p on p.uscc = s.parent_uscc and f.row_no is null
                """ : " null from import_stage_enterprise s")).params(p));
        step("insert first statuses", jdbc.sql("""
                insert into enterprise_status_history (id, enterprise_id, status, effective_from, note, recorded_by)
                select :historyBase + s.row_no, :base + s.row_no, s.status, s.status_since, :note, :by
                from import_stage_enterprise s
                """).params(p));
        return inserted;
    }

    private long insertJoined(JdbcClient jdbc, ImportBulkLoad bulk, Map<String, Object> p) {
        return step("insert enterprises with their first status", jdbc.sql("""
                with ins as (
                    insert into enterprise (uscc, uscc_flag, name, region_code, region_path, address, industries,
                                            legal_representative, status, status_since)
                    select s.uscc, s.uscc_flag, s.name, s.region_code, s.region_path, s.address, s.industries, s.legal,
                           s.status, s.status_since
                    from import_stage_enterprise s
                """ + (mode == ImportMode.UPSERT ? " where not exists (select 1 from enterprise e where e.uscc = s.uscc)" : "")
                // in key order the USCC index grows page by page instead of touching random pages: with a registry larger
                // than the buffer cache that is the difference between memory and disk speed (not needed, and a sort
                // of the whole file saved, when the index is rebuilt after the merge anyway)
                + (bulk.rebuilds("enterprise") ? "" : " order by s.uscc")
                + """
                    returning id, status, status_since)
                insert into enterprise_status_history (enterprise_id, status, effective_from, note, recorded_by)
                select id, status, status_since, :note, :by from ins
                """).params(p));
    }

    private void mergeGridAccounts(JdbcClient jdbc, Map<String, Object> p, boolean inIndexOrder, boolean numbered) {
        if (mode == ImportMode.UPSERT) {
            // an account dropped from the list ends today; one opened today is simply withdrawn (a period needs a day)
            step("end dropped grid accounts", jdbc.sql("""
                    update grid_account g set valid_to = :today from import_stage_enterprise s
                    join enterprise e on e.uscc = s.uscc
                    where g.enterprise_id = e.id and g.valid_to is null and g.valid_from < :today
                      and not (g.account_no = any(s.grid_accounts))
                    """).params(p));
            step("withdraw grid accounts of today", jdbc.sql("""
                    delete from grid_account g using import_stage_enterprise s join enterprise e on e.uscc = s.uscc
                    where g.enterprise_id = e.id and g.valid_to is null and g.valid_from >= :today
                      and not (g.account_no = any(s.grid_accounts))
                    """).params(p));
        }
        // new enterprises hold no account yet: only an update needs to skip the accounts it already holds
        if (numbered) {
            step("insert grid accounts", jdbc.sql("""
                    insert into grid_account (account_no, enterprise_id, valid_from)
                    select g.acc, :base + s.row_no, :today from import_stage_enterprise s
                    cross join lateral unnest(s.grid_accounts) g(acc) where cardinality(s.grid_accounts) > 0
                    """ + (inIndexOrder ? " order by s.row_no" : "")).params(p));
            return;
        }
        step("insert grid accounts", jdbc.sql("""
                insert into grid_account (account_no, enterprise_id, valid_from)
                select g.acc, e.id, :today from import_stage_enterprise s
                join enterprise e on e.uscc = s.uscc cross join lateral unnest(s.grid_accounts) g(acc)
                where cardinality(s.grid_accounts) > 0
                """ + (mode == ImportMode.INSERT_ONLY ? "" : """
                  and not exists (select 1 from grid_account a
                                  where a.account_no = g.acc and a.enterprise_id = e.id and a.valid_to is null)
                """) + (inIndexOrder ? " order by e.id" : "")).params(p));
    }
}
