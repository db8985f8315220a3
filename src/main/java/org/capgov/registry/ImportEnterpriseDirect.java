package org.capgov.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.capgov.shared.Industry;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;

/**
 * The direct load of enterprises (see {@link ImportDirect}): ids numbered from the row numbers, grid accounts collected
 * on the side, first statuses written from the loaded rows, parents linked by USCC once every row is in (a parent may
 * come later in the file). enterprise_industry and the tally follow through their triggers, as for any insert.
 */
final class ImportEnterpriseDirect extends ImportDirect {

    private final ImportEnterpriseRows rows;
    private final String actor;
    private final LocalDate today;
    private long base;
    private long historyBase;
    private ImportSideCopy accounts;
    private ImportSideCopy parents;

    ImportEnterpriseDirect(ImportEnterpriseRows rows, String actor, LocalDate today) {
        this.rows = rows;
        this.actor = actor;
        this.today = today;
    }

    @Override
    List<String> tables() {
        return List.of("enterprise", "enterprise_status_history", "grid_account", "enterprise_industry");
    }

    @Override
    boolean prepare(JdbcClient jdbc, TransactionStatus tx, ImportBulkLoad bulk, long lastRow, Path directory)
            throws IOException {
        base = bulk.reserveIds("enterprise", lastRow);
        historyBase = bulk.reserveIds("enterprise_status_history", lastRow);
        accounts = side(directory, "accounts");
        parents = side(directory, "parents");
        return true;
    }

    @Override
    String copySql() {
        return "copy enterprise (id, uscc, uscc_flag, name, region_code, region_path, address, industries, "
                + "legal_representative, status, status_since) from stdin (format binary)";
    }

    @Override
    boolean load(ImportRow row, ImportBinaryCopy copy) throws IOException {
        ValidEnterprise e = rows.validate(row);
        if (e == null) {
            return false;
        }
        long id = base + row.number();
        copy.row(11).int8(id).text(e.uscc()).text(e.usccFlag()).text(e.name()).text(e.regionCode()).text(e.regionPath())
                .text(e.address()).varcharArray(e.industries().stream().map(Industry::name).toList())
                .text(e.legalRepresentative()).text(e.status().name()).date(e.statusSince());
        // account numbers are letters, digits and dashes (checked by the validator): nothing to escape
        for (String account : e.gridAccounts()) {
            accounts.line().append(account).append('\t').append(id).append('\t').append(today);
            accounts.add();
        }
        if (e.parentUscc() != null) {
            parents.line().append(row.number()).append('\t').append(id).append('\t').append(e.parentUscc());
            parents.add();
        }
        return true;
    }

    @Override
    boolean finish(JdbcClient jdbc, CopyManager copies, ImportBulkLoad bulk) throws IOException, SQLException {
        // from the rows just loaded (their ids are above the base): cheaper than a COPY of their text (by hand: 3.6
        // against 6.4 s for the benchmark's 2.9 million equipment statuses)
        ImportRows.step("insert first statuses", jdbc.sql("""
                insert into enterprise_status_history (id, enterprise_id, status, effective_from, note, recorded_by)
                select :historyBase - :base + e.id, e.id, e.status, e.status_since, :note, :by from enterprise e
                where e.id > :base
                """).param("historyBase", historyBase).param("base", base).param("note", NOTE).param("by", actor));
        if (accounts.rows() > 0) {
            long first = bulk.reserveIds("grid_account", accounts.rows()) + 1;
            long t1 = System.nanoTime();
            ImportRows.stepDone("copy grid accounts", accounts.copyInto(copies,
                    "copy grid_account (id, account_no, enterprise_id, valid_from) from stdin", first), t1);
        }
        if (parents.rows() == 0) {
            return true;
        }
        jdbc.sql("create temp table import_direct_parent (row_no bigint not null, id bigint not null, "
                + "parent_uscc varchar(18) not null) on commit drop").update();
        parents.copyInto(copies, "copy import_direct_parent (row_no, id, parent_uscc) from stdin", null);
        jdbc.sql("analyze import_direct_parent").update();
        // the parent is a row of this file or an enterprise registered before; one not found lets the staging path
        // name the row (a USCC present twice is refused by the rebuilt unique index anyway)
        // the parents are looked up first, so that the join hashes the few children rather than every enterprise
        long linked = ImportRows.step("link parents", jdbc.sql("""
                with parent as (select p.uscc, p.id from enterprise p
                                where p.uscc in (select parent_uscc from import_direct_parent))
                update enterprise e set parent_id = p.id from import_direct_parent c join parent p on p.uscc = c.parent_uscc
                where e.id = c.id
                """));
        return linked == parents.rows();
    }
}
