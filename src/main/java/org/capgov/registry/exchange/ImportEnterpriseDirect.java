package org.capgov.registry.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.Industry;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;
import org.capgov.registry.validation.ValidEnterprise;
import org.capgov.shared.spreadsheet.SheetRow;

/**
 * The direct load of enterprises (see {@link ImportDirect}): ids numbered from the row numbers; a USCC seen twice gives
 * the load up at once; a parent earlier in the file is linked as the row is written, any other (later in the file or
 * registered before) by USCC once every row is in. Grid accounts and the enterprise_industry rows are collected on the
 * side and the tally counted as the rows arrive; first statuses are written from the loaded rows.
 */
final class ImportEnterpriseDirect extends ImportDirect {

    private static final String INDUSTRY_TRIGGER = "enterprise_industry_insert";

    private final ImportEnterpriseRows rows;
    /** Enterprises per region path, industry and status: a few thousand counts however large the file. */
    private final Map<String, Long> tally = new HashMap<>();
    private ImportUsccIndex seen;
    private long lastAccount;
    private ImportSideCopy accounts;
    private ImportSideCopy industries;
    private ImportSideCopy laterParents;

    ImportEnterpriseDirect(ImportEnterpriseRows rows, String actor) {
        super("enterprise", actor);
        this.rows = rows;
    }

    @Override
    List<String> tables() {
        return List.of("enterprise", "enterprise_status_history", "grid_account", "enterprise_industry");
    }

    @Override
    boolean prepare(JdbcClient jdbc, CopyManager copies, TransactionStatus tx, ImportBulkLoad bulk, long lastRow,
            Path directory) throws IOException, SQLException {
        if (lastRow > Integer.MAX_VALUE / ImportUsccIndex.LENGTH) {
            return false;
        }
        seen = new ImportUsccIndex((int) lastRow);
        reserveIds(bulk, lastRow);
        lastAccount = bulk.idBase("grid_account");
        accounts = side(directory, "accounts");
        industries = side(directory, "industries");
        laterParents = side(directory, "parents");
        // the rows of enterprise_industry come from the side file below, in one COPY, instead of from the trigger's
        // row-by-row insert over a transition table of a million rows; the rollback of a failed load restores it
        jdbc.sql("alter table enterprise disable trigger " + INDUSTRY_TRIGGER).update();
        return true;
    }

    @Override
    String copySql() {
        return "copy enterprise (id, uscc, uscc_flag, name, region_code, region_path, address, industries, "
                + "legal_representative, parent_id, status, status_since) from stdin (format binary)";
    }

    @Override
    boolean load(SheetRow row, ImportBinaryCopy copy) throws IOException {
        ValidEnterprise e = rows.validate(row);
        if (e == null) {
            return false;
        }
        long id = id(row);
        if (seen.add(e.uscc(), id, 0) < 0) {
            return false;
        }
        Long parent = null;
        if (e.parentUscc() != null) {
            int p = seen.find(e.parentUscc());
            if (p >= 0) {
                parent = seen.id(p);
            } else {
                laterParents.row(3).int8(row.number()).int8(id).text(e.parentUscc());
            }
        }
        List<String> codes = e.industries().stream().map(Industry::name).toList();
        copy.row(12).int8(id).text(e.uscc()).text(e.usccFlag()).text(e.name()).text(e.regionCode()).text(e.regionPath())
                .text(e.address()).varcharArray(codes).text(e.legalRepresentative()).int8OrNull(parent)
                .text(e.status().name()).date(e.statusSince());
        // as the trigger enterprise_industry_rows_added (V22) writes them: one row per industry (the validator keeps
        // each once), counted once in the tally
        for (String industry : codes) {
            industries.row(5).text(industry).text(e.regionPath()).text(e.name()).int8(id).text(e.status().name());
            tally.merge(e.regionPath() + '\t' + industry + '\t' + e.status().name(), 1L, Long::sum);
        }
        for (String account : e.gridAccounts()) {
            accounts.row(4).int8(++lastAccount).text(account).int8(id).date(rows.today);
        }
        return true;
    }

    @Override
    boolean finish(JdbcClient jdbc, CopyManager copies, ImportBulkLoad bulk) throws IOException, SQLException {
        long t0 = System.nanoTime();
        ImportRows.stepDone("copy industries", industries.copyInto(copies,
                "copy enterprise_industry (industry, region_path, name, enterprise_id, status) from stdin (format binary)"),
                t0);
        ImportBinaryCopy counts = new ImportBinaryCopy();
        tally.forEach((key, n) -> {
            String[] k = key.split("\t");
            counts.row(4).text(k[0]).text(k[1]).text(k[2]).int8(n);
        });
        counts.copyInto(copies, "copy enterprise_tally (region_path, industry, status, n) from stdin (format binary)");
        jdbc.sql("alter table enterprise enable always trigger " + INDUSTRY_TRIGGER).update();
        insertFirstStatuses(jdbc);
        long t1 = System.nanoTime();
        ImportRows.stepDone("copy grid accounts", accounts.copyInto(copies,
                "copy grid_account (id, account_no, enterprise_id, valid_from) from stdin (format binary)"), t1);
        bulk.claimIds("grid_account", lastAccount);
        return laterParents.rows() == 0 || linkLaterParents(jdbc, copies);
    }

    /** Parents not seen before their children: by USCC among all enterprises; false when one is not found. */
    private boolean linkLaterParents(JdbcClient jdbc, CopyManager copies) throws IOException, SQLException {
        jdbc.sql("create temp table import_direct_parent (row_no bigint not null, id bigint not null, "
                + "parent_uscc varchar(18) not null) on commit drop").update();
        laterParents.copyInto(copies, "copy import_direct_parent (row_no, id, parent_uscc) from stdin (format binary)");
        jdbc.sql("analyze import_direct_parent").update();
        // the parents are looked up first, so that the join hashes the few children rather than every enterprise; a
        // parent not found lets the staging path name the row
        long linked = ImportRows.step("link later parents", jdbc.sql("""
                with parent as (select p.uscc, p.id from enterprise p
                                where p.uscc in (select parent_uscc from import_direct_parent))
                update enterprise e set parent_id = p.id from import_direct_parent c join parent p on p.uscc = c.parent_uscc
                where e.id = c.id
                """));
        return linked == laterParents.rows();
    }
}
