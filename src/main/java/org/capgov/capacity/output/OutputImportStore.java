package org.capgov.capacity.output;

import org.capgov.shared.CopyText;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.capacity.utilisation.CapacityFigures;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The set-based half of an output import, in one transaction: the checked rows are COPYed into a temporary table,
 * each row gets its month's capacity in force (counted exactly as utilisation counts it), rows above 1.5 × that
 * capacity are refused (and the transaction rolled back), and the rest become new revisions: the current revision of
 * each enterprise × product × month stops being current, and rows of the same month in the file follow each other in
 * file order. One audit entry per enterprise names the file and what it brought.
 */
@Component
class OutputImportStore {

    static final String STAGE_COLUMNS = "line, enterprise_id, product, month, quantity, entered_quantity, entered_unit, "
            + "source, note, entered_by";

    /** Audit entries sent per batch: one round trip each, instead of one per enterprise. */
    private static final int AUDIT_BATCH = 5_000;

    /** What was stored. */
    record Stored(long rows, long enterprises) {
    }

    /** Rolls the transaction back when a row was refused after loading. */
    private static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Clock clock;

    OutputImportStore(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(transactions);
        this.audit = audit;
        this.clock = clock;
    }

    /** Loads the COPY lines; refusals go to {@code problems} and then nothing is stored. */
    Stored store(Path lines, Map<String, Object> file, OutputImport.Problems problems) {
        try {
            return tx.execute(status -> {
                jdbc.sql("""
                        create temporary table output_import_stage (
                            line bigint, enterprise_id bigint, product varchar(24), month date, quantity numeric(18, 3),
                            entered_quantity numeric(18, 4), entered_unit varchar(16), source varchar(16), note text,
                            entered_by text, month_capacity numeric(18, 3)) on commit drop
                        """).update();
                long rows = copy(lines);
                capacities();
                refuseAboveCapacity(problems);
                if (problems.count > 0) {
                    throw new Refused();
                }
                revisions();
                long enterprises = auditEntries(file);
                return new Stored(rows, enterprises);
            });
        } catch (Refused r) {
            return new Stored(0, 0);
        }
    }

    private long copy(Path lines) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (InputStream in = Files.newInputStream(lines)) {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy output_import_stage (" + STAGE_COLUMNS + ") from stdin", in, 1 << 16);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("COPY of output rows failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Each row's month capacity, per product and year (a year's days divide its annual capacity). */
    private void capacities() {
        jdbc.sql("create index on output_import_stage (enterprise_id, month)").update();
        jdbc.sql("analyze output_import_stage").update();
        List<Map<String, Object>> spans = jdbc.sql("""
                select product, extract(year from month)::int as year, min(month) as first, max(month) as last
                from output_import_stage group by 1, 2
                """).query().listOfRows();
        for (Map<String, Object> span : spans) {
            int year = ((Number) span.get("year")).intValue();
            Map<String, Object> p = new HashMap<>();
            p.put("product", span.get("product"));
            p.put("path", "%");
            p.put("first", span.get("first"));
            p.put("last", span.get("last"));
            p.put("yearDays", java.time.Year.of(year).length());
            jdbc.sql(CapacityFigures.capacityByEnterpriseMonth(
                    "and q.enterprise_id in (select enterprise_id from output_import_stage where product = :product)") + """
                    update output_import_stage s set month_capacity = round(cap.capacity, 3)
                    from cap where cap.enterprise_id = s.enterprise_id and cap.month = s.month and s.product = :product
                    """).params(p).update();
        }
        jdbc.sql("update output_import_stage set month_capacity = 0 where month_capacity is null").update();
    }

    private void refuseAboveCapacity(OutputImport.Problems problems) {
        jdbc.sql("""
                select line, entered_quantity, entered_unit, quantity, month_capacity from output_import_stage
                where quantity > month_capacity * :factor order by line
                """).param("factor", OutputService.ABSURD_FACTOR).query((java.sql.ResultSet rs) -> {
            BigDecimal capacity = rs.getBigDecimal("month_capacity");
            problems.add(rs.getLong("line"), OutputImportColumn.QUANTITY.header(),
                    rs.getBigDecimal("entered_quantity").stripTrailingZeros().toPlainString(),
                    "产量 " + rs.getBigDecimal("quantity").stripTrailingZeros().toPlainString() + " 超过该月在册产能 "
                            + capacity.stripTrailingZeros().toPlainString() + " 的 1.5 倍；导入不能确认超产，"
                            + "如确属实，请由主管部门人员在报送表单中勾选确认并说明理由");
        });
    }

    private void revisions() {
        jdbc.sql("""
                update output_report o set current = false
                from (select distinct enterprise_id, product, month from output_import_stage) s
                where o.enterprise_id = s.enterprise_id and o.product = s.product and o.month = s.month and o.current
                """).update();
        jdbc.sql("""
                insert into output_report (enterprise_id, product, month, revision, current, quantity, entered_quantity,
                                           entered_unit, source, month_capacity, above_capacity_confirmed, note,
                                           entered_by, entered_at)
                select s.enterprise_id, s.product, s.month,
                       coalesce(m.revision, 0) + row_number() over w,
                       row_number() over w = count(*) over (partition by s.enterprise_id, s.product, s.month),
                       s.quantity, s.entered_quantity, s.entered_unit, s.source, s.month_capacity, false, s.note,
                       s.entered_by, :at
                from output_import_stage s
                left join lateral (select max(o.revision) as revision from output_report o
                                   where o.enterprise_id = s.enterprise_id and o.product = s.product
                                     and o.month = s.month) m on true
                window w as (partition by s.enterprise_id, s.product, s.month order by s.line)
                """).param("at", Timestamp.from(Instant.now(clock))).update();
    }

    private long auditEntries(Map<String, Object> file) {
        List<AuditEvent> entries = new ArrayList<>();
        jdbc.sql("""
                select e.uscc, e.region_path, count(*) as rows, string_agg(distinct s.product, ',') as products,
                       min(s.month) as first, max(s.month) as last
                from output_import_stage s join enterprise e on e.id = s.enterprise_id
                group by e.uscc, e.region_path
                """).query((java.sql.ResultSet rs) -> {
            Map<String, Object> after = new LinkedHashMap<>(file);
            after.put("rows", rs.getLong("rows"));
            after.put("products", rs.getString("products"));
            after.put("from", rs.getDate("first").toLocalDate().toString().substring(0, 7));
            after.put("to", rs.getDate("last").toLocalDate().toString().substring(0, 7));
            entries.add(new AuditEvent(AuditAction.CREATE, "output_report", rs.getString("uscc"),
                    rs.getString("region_path"), "导入产量 " + rs.getLong("rows") + " 条（" + after.get("from") + " 至 "
                            + after.get("to") + "）", null, after));
            if (entries.size() == AUDIT_BATCH) {
                audit.recordAll(entries);
                entries.clear();
            }
        });
        audit.recordAll(entries);
        return jdbc.sql("select count(distinct enterprise_id) from output_import_stage").query(Long.class).single();
    }

    /** Appends one field of PostgreSQL's COPY text format and a tab. */
    static void field(StringBuilder b, String value) {
        CopyText.field(b, value).append('\t');
    }
}
