package org.capgov.compliance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.capgov.catalog.CatalogRule;
import org.capgov.catalog.Catalog;
import org.capgov.registry.RegistryFactsEnterprise;
import org.capgov.shared.CopyText;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The findings table of one run (a partition of {@code finding}, see V10): created bare, filled by COPY and by
 * copying forward, then indexed and attached in one step. Table names are built from run ids (numbers) only.
 */
@Component
class ComplianceRunFindingTable {

    static final String COLUMNS = "run_id, enterprise_id, uscc, region_path, rule_id, document_id, dimension, status, "
            + "subject, metric, value, comparator, limit_value, unit, severity, deadline, confidence, flagged, "
            + "conflict_with, note";
    /** Bytes of COPY text sent per call: large enough to keep the server busy, small enough to stay out of the way. */
    private static final int CHUNK = 1 << 20;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ComplianceRunFindingTable(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    static String name(long runId) {
        return "finding_run_" + runId;
    }

    void create(long runId) {
        jdbc.sql("drop table if exists " + name(runId)).update();
        jdbc.sql("create table " + name(runId) + " (like finding including defaults including constraints)").update();
    }

    boolean exists(long runId) {
        return jdbc.sql("select to_regclass(:t) is not null").param("t", name(runId)).query(Boolean.class).single();
    }

    void drop(long runId) {
        jdbc.sql("drop table if exists " + name(runId)).update();
    }

    /**
     * Drops the findings of DONE runs older than the newest {@code keep}: each run holds a full copy of the
     * registry's findings, so without a limit the table grows by one registry's worth per run. The runs themselves
     * (dates, counts, who started them) stay. Returns how many tables went.
     */
    int dropBeyond(int keep) {
        List<Long> old = jdbc.sql("select id from evaluation_run where status = 'DONE' order by id desc offset :keep")
                .param("keep", keep).query(Long.class).list();
        int dropped = 0;
        for (long id : old) {
            if (exists(id)) {
                drop(id);
                dropped++;
            }
        }
        return dropped;
    }

    /** Copies the findings of {@code baseRun} into the new run, except those of the enterprises given. */
    long copyForward(long runId, long baseRun, Collection<Long> except) {
        String cols = COLUMNS.substring(COLUMNS.indexOf(','));
        return jdbc.sql("insert into " + name(runId) + " (" + COLUMNS + ") select :run" + cols + " from " + name(baseRun)
                + " where enterprise_id not in (select unnest(cast(:except as bigint[])))")
                .param("run", runId).param("except", except.toArray(Long[]::new)).update();
    }

    /**
     * Builds the indexes of the parent table on the run's table, proves by a constraint that it holds this run
     * only (so that attaching scans nothing), attaches it and gathers statistics. Returns the counts by status.
     * Call inside a transaction.
     */
    Map<String, Long> indexAndAttach(long runId) {
        String t = name(runId);
        jdbc.sql("set local maintenance_work_mem = '256MB'").update();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : ComplianceRun.STATUSES) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) from " + t + " group by status")
                .query((java.sql.ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        jdbc.sql("create index on " + t + " (run_id, region_path text_pattern_ops)").update();
        jdbc.sql("create index on " + t + " (run_id, status)").update();
        jdbc.sql("create index on " + t + " (run_id, rule_id)").update();
        jdbc.sql("create index on " + t + " (run_id, enterprise_id)").update();
        jdbc.sql("alter table " + t + " add constraint " + t + "_run check (run_id = " + runId + ")").update();
        jdbc.sql("alter table finding attach partition " + t + " for values in (" + runId + ")").update();
        jdbc.sql("analyze " + t).update();
        return counts;
    }

    /** A COPY into the run's table on a connection of its own (the run's cursors keep theirs busy). */
    Copy copy(long runId, Catalog catalogue) throws SQLException {
        return new Copy(runId, catalogue);
    }

    final class Copy implements AutoCloseable {
        private final long runId;
        private final Map<String, CatalogRule> rules = new java.util.HashMap<>();
        private final Connection connection;
        private final CopyIn copy;
        private final StringBuilder text = new StringBuilder(CHUNK + 8192);
        private boolean ended;

        private Copy(long runId, Catalog catalogue) throws SQLException {
            this.runId = runId;
            catalogue.rules().forEach(r -> rules.put(r.id(), r));
            this.connection = dataSource.getConnection();
            boolean ok = false;
            try {
                connection.setAutoCommit(true);
                this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + name(runId) + " (" + COLUMNS + ") from stdin");
                ok = true;
            } finally {
                if (!ok) {
                    connection.close();
                }
            }
        }

        void write(RegistryFactsEnterprise e, List<Finding> findings, List<Conflict> conflicts) throws SQLException {
            for (Finding f : findings) {
                CatalogRule rule = rules.get(f.ruleId());
                row(e, f.ruleId(), rule == null ? "" : rule.documentId(), f.dimension(), f.status(), f.subject(),
                        f.metric(), text(f.value()), f.comparator(), text(f.limit()), f.unit(), f.severity(), f.deadline(),
                        // flagged: resting on a secondary source (S), to be checked against the original; a note of
                        // the outer closure deadline is no such flag
                        f.confidence(), f.flags().contains(ComplianceEngine.S_FLAG), null, null);
            }
            for (Conflict c : conflicts) {
                CatalogRule a = rules.get(c.ruleIds().get(0));
                row(e, a.id(), a.documentId(), a.dimension(), "CONFLICT", c.subject(), c.metric(), null, null, null, null,
                        null, null, null, false, c.ruleIds().get(1), c.reason());
            }
            if (text.length() >= CHUNK) {
                send();
            }
        }

        /** Ends the COPY: every row is in, or (on an error) none. */
        long finish() throws SQLException {
            send();
            ended = true;
            return copy.endCopy();
        }

        @Override
        public void close() throws SQLException {
            try {
                if (!ended && copy.isActive()) {
                    copy.cancelCopy();
                }
            } finally {
                connection.close();
            }
        }

        private void send() throws SQLException {
            if (text.isEmpty()) {
                return;
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }

        private void row(RegistryFactsEnterprise e, String ruleId, String documentId, String dimension, String status,
                String subject, String metric, String value, String comparator, String limit, String unit,
                String severity, LocalDate deadline, String confidence, boolean flagged, String conflictWith,
                String note) {
            text.append(runId).append('\t').append(e.enterpriseId()).append('\t');
            field(e.uscc()).field(e.regionPath()).field(ruleId).field(documentId).field(dimension).field(status)
                    .field(subject).field(metric).field(value).field(comparator).field(limit).field(unit).field(severity)
                    .field(deadline == null ? null : deadline.toString()).field(confidence);
            text.append(flagged ? 't' : 'f').append('\t');
            field(conflictWith);
            CopyText.field(text, note).append('\n');
        }

        private Copy field(String value) {
            CopyText.field(text, value).append('\t');
            return this;
        }
    }

    /** A value or limit as text: plain decimals, booleans, the values of an "in" list joined by commas. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>(c.size());
            c.forEach(v -> parts.add(String.valueOf(v)));
            return String.join(",", parts);
        }
        return value.toString();
    }
}
