package org.capgov.registry.demo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.capgov.region.Region;
import org.capgov.shared.CopyText;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import org.capgov.registry.validation.ValidEquipment;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.validation.ValidEnterprise;
import org.capgov.registry.validation.EnterpriseValidator;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.validation.EquipmentValidator;

/**
 * Writes demo rows with PostgreSQL COPY, a chunk of enterprises at a time, in the caller's transaction. Each row
 * is first put through the validators, so the stored values are those the services would store (codes
 * normalised, parameter defaults filled in). Ids are drawn from the tables' own sequences, which lets one COPY
 * per table carry the references between them.
 */
final class RegistryDemoCopy {

    static final int CHUNK = 2000;

    private final CopyManager copy;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<String, Region> regions;
    private final LocalDate today;
    private final String recordedBy;
    private final List<RegistryDemoGenerator.EnterpriseRow> pending = new ArrayList<>(CHUNK);
    /** Ids of the enterprises later rows may name as parent (the generator marks them), not of every row. */
    private final Map<String, Long> groupIds = new HashMap<>();
    private final Map<String, String> sequences = new HashMap<>();
    private int enterprises;
    private int equipment;

    RegistryDemoCopy(CopyManager copy, JdbcClient jdbc, JsonMapper json, Map<String, Region> regions, LocalDate today,
            String recordedBy) {
        this.copy = copy;
        this.jdbc = jdbc;
        this.json = json;
        this.regions = regions;
        this.today = today;
        this.recordedBy = recordedBy;
    }

    int enterprises() {
        return enterprises;
    }

    int equipment() {
        return equipment;
    }

    void add(RegistryDemoGenerator.EnterpriseRow row) {
        pending.add(row);
        if (pending.size() >= CHUNK) {
            flush();
        }
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<ValidEnterprise> valid = new ArrayList<>(pending.size());
        List<List<ValidEquipment>> items = new ArrayList<>(pending.size());
        int itemCount = 0;
        int lineCount = 0;
        for (RegistryDemoGenerator.EnterpriseRow row : pending) {
            valid.add(valid(row.enterprise()));
            List<ValidEquipment> q = row.equipment().stream().map(this::valid).toList();
            items.add(q);
            itemCount += q.size();
            lineCount += (int) q.stream().map(ValidEquipment::line).filter(Objects::nonNull).distinct().count();
        }
        Iterator<Long> enterpriseIds = ids("enterprise", pending.size());
        Iterator<Long> equipmentIds = ids("equipment", itemCount);
        Iterator<Long> lineIds = ids("production_line", lineCount);
        Rows enterpriseRows = new Rows();
        Rows enterpriseHistory = new Rows();
        Rows accounts = new Rows();
        Rows lines = new Rows();
        Rows equipmentRows = new Rows();
        Rows equipmentHistory = new Rows();
        for (int i = 0; i < pending.size(); i++) {
            RegistryDemoGenerator.EnterpriseRow row = pending.get(i);
            ValidEnterprise e = valid.get(i);
            long id = enterpriseIds.next();
            if (row.group()) {
                groupIds.put(e.uscc(), id);
            }
            Long parent = null;
            if (e.parentUscc() != null) {
                parent = groupIds.get(e.parentUscc());
                if (parent == null) {
                    throw new IllegalStateException("demo enterprise " + e.uscc() + " names an unknown parent " + e.parentUscc());
                }
            }
            enterpriseRows.row(id, e.uscc(), e.usccFlag(), e.name(), e.regionCode(), e.regionPath(), e.address(),
                    "{" + String.join(",", e.industries().stream().map(Enum::name).toList()) + "}",
                    e.legalRepresentative(), parent, e.status().name(), e.statusSince());
            history(enterpriseHistory, id, e.status().name(), row.establishedOn(), e.statusSince());
            for (String account : e.gridAccounts()) {
                accounts.row(account, id, row.establishedOn());
            }
            Map<String, Long> lineOf = new LinkedHashMap<>();
            for (ValidEquipment q : items.get(i)) {
                Long line = null;
                if (q.line() != null) {
                    line = lineOf.computeIfAbsent(q.line(), code -> {
                        long lineId = lineIds.next();
                        lines.row(lineId, id, code);
                        return lineId;
                    });
                }
                long qid = equipmentIds.next();
                equipmentRows.row(qid, id, line, q.code(), q.type().name(), json.writeValueAsString(q.parameters()),
                        q.product().name(), q.annualCapacity().toPlainString(), q.commissioned(),
                        q.regionCode() == null ? e.regionCode() : q.regionCode(),
                        q.regionPath() == null ? e.regionPath() : q.regionPath(), q.status().name(), q.statusSince());
                history(equipmentHistory, qid, q.status().name(), q.commissioned(), q.statusSince());
            }
        }
        copy("enterprise (id, uscc, uscc_flag, name, region_code, region_path, address, industries, legal_representative, "
                + "parent_id, status, status_since)", enterpriseRows);
        copy("enterprise_status_history (enterprise_id, status, effective_from, effective_to, note, recorded_by)",
                enterpriseHistory);
        copy("grid_account (account_no, enterprise_id, valid_from)", accounts);
        copy("production_line (id, enterprise_id, code)", lines);
        copy("equipment (id, enterprise_id, line_id, code, type, parameters, product, annual_capacity, commissioned, "
                + "region_code, region_path, status, status_since)", equipmentRows);
        copy("equipment_status_history (equipment_id, status, effective_from, effective_to, note, recorded_by)",
                equipmentHistory);
        enterprises += pending.size();
        equipment += itemCount;
        pending.clear();
    }

    /** An OPERATING period from {@code operatingFrom} up to a later status, or the one status since its date. */
    private void history(Rows rows, long id, String status, LocalDate operatingFrom, LocalDate since) {
        if (!status.equals("OPERATING") && operatingFrom != null && operatingFrom.isBefore(since)) {
            rows.row(id, "OPERATING", operatingFrom, since, "登记", recordedBy);
            rows.row(id, status, since, null, "演示数据", recordedBy);
        } else {
            rows.row(id, status, since, null, "登记", recordedBy);
        }
    }

    private ValidEnterprise valid(EnterpriseDraft draft) {
        EnterpriseValidator.Outcome outcome = EnterpriseValidator.validate(draft, regions, today);
        if (!outcome.ok()) {
            throw new IllegalStateException("demo enterprise " + draft.uscc() + " is invalid: " + outcome.violations());
        }
        return outcome.enterprise();
    }

    private ValidEquipment valid(EquipmentDraft draft) {
        EquipmentValidator.Outcome outcome = EquipmentValidator.validate(draft, regions, today);
        if (!outcome.ok()) {
            throw new IllegalStateException("demo equipment " + draft.code() + " is invalid: " + outcome.violations());
        }
        return outcome.equipment();
    }

    private Iterator<Long> ids(String table, int count) {
        if (count == 0) {
            return Collections.emptyIterator();
        }
        String sequence = sequences.computeIfAbsent(table, t -> jdbc.sql("select pg_get_serial_sequence(:t, 'id')")
                .param("t", t).query(String.class).single());
        return jdbc.sql("select nextval(cast(:s as regclass)) from generate_series(1, :n)").param("s", sequence)
                .param("n", count).query(Long.class).list().iterator();
    }

    private void copy(String target, Rows rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            copy.copyIn("copy " + target + " from stdin", new StringReader(rows.text()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("loading demo data into " + target + " failed: " + e.getMessage(), e);
        }
    }

    /** Rows in COPY's text format: tab-separated, \N for null, backslash escapes. */
    private static final class Rows {
        private final StringBuilder text = new StringBuilder(1 << 16);

        void row(Object... values) {
            CopyText.row(text, values);
        }

        boolean isEmpty() {
            return text.isEmpty();
        }

        String text() {
            return text.toString();
        }
    }
}
