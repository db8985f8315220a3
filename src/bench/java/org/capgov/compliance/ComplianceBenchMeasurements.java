package org.capgov.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.capgov.catalog.CatalogRule;
import org.capgov.catalog.Catalog;
import org.capgov.catalog.Condition;
import org.capgov.monitoring.Metric;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark data only: generates plausible measurements for the registry and COPYs them into {@code measurement}.
 * Each equipment item gets values of the metrics the catalogue measures for its type, or else for its enterprise's
 * industries, spread around the limits (so that evaluations find both sides), on several dates (so that "latest"
 * has something to choose), a few marked SUSPECT or INVALID. The table's indexes are dropped for the load and built
 * again after it, as a bulk load should.
 */
final class ComplianceBenchMeasurements {

    /** A metric to generate: its unit, the limit to scatter around (or a boolean), and attributes a rule expects. */
    private record Spec(String metric, String unit, Object limit, String attributes) {
    }

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 900;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Map<String, List<Spec>> byType = new HashMap<>();
    private final Map<String, List<Spec>> byIndustry = new HashMap<>();
    private final SplittableRandom random = new SplittableRandom(2014);

    ComplianceBenchMeasurements(JdbcClient jdbc, DataSource dataSource, Catalog catalogue) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        for (CatalogRule r : catalogue.limits()) {
            if (!"MEASUREMENT".equals(r.subject()) || r.metric() == null) {
                continue;
            }
            String unit = Metric.of(r.metric()).map(Metric::unit).orElse(r.unit());
            String attributes = "{}";
            for (Condition c : r.when()) {
                if (c.attribute() != null && c.in() != null && !c.in().isEmpty()) {
                    attributes = "{\"" + c.attribute() + "\": \"" + c.in().get(0) + "\"}";
                }
            }
            Spec spec = new Spec(r.metric(), unit, r.limit(), attributes);
            if (r.equipmentType() != null) {
                byType.computeIfAbsent(r.equipmentType(), t -> new ArrayList<>()).add(spec);
            } else if (r.industry() != null) {
                byIndustry.computeIfAbsent(r.industry(), i -> new ArrayList<>()).add(spec);
            }
        }
    }

    /** Every day a generated value may fall on (their months get partitions before the COPY). */
    static List<LocalDate> days() {
        return FIRST.datesUntil(FIRST.plusDays(DAYS)).toList();
    }

    /** Generates {@code total} measurements over the current equipment; returns how many went in. */
    long load(long total, TransactionTemplate readOnly) throws SQLException {
        List<String> indexes = jdbc.sql("select indexdef from pg_indexes where tablename = 'measurement' "
                + "and indexname <> 'measurement_pkey'").query(String.class).list();
        for (String name : jdbc.sql("select indexname from pg_indexes where tablename = 'measurement' "
                + "and indexname <> 'measurement_pkey'").query(String.class).list()) {
            jdbc.sql("drop index " + name).update();
        }
        long equipment = jdbc.sql("select count(*) from equipment where status not in ('DISMANTLED', 'TRANSFERRED')")
                .query(Long.class).single();
        long[] written = {0};
        long[] seen = {0};
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy measurement (enterprise_id, "
                    + "equipment_id, metric, value, flag, unit, source, validity, attributes, recorded_by, effective_date, "
                    + "period_end) from stdin");
            StringBuilder text = new StringBuilder(1 << 21);
            readOnly.executeWithoutResult(tx -> jdbc.sql("""
                    select q.id, q.enterprise_id, q.type, array_to_string(e.industries, ',') from equipment q
                    join enterprise e on e.id = q.enterprise_id where q.status not in ('DISMANTLED', 'TRANSFERRED')
                    order by q.enterprise_id, q.id
                    """).withFetchSize(10_000).query((ResultSet rs) -> {
                        long n = (total * (seen[0] + 1)) / equipment - (total * seen[0]) / equipment;
                        seen[0]++;
                        for (int i = 0; i < n; i++) {
                            row(text, rs.getLong(2), rs.getLong(1), rs.getString(3), rs.getString(4));
                            written[0]++;
                        }
                        if (text.length() > (1 << 20)) {
                            send(copy, text);
                        }
                    }));
            send(copy, text);
            copy.endCopy();
        }
        for (String ddl : indexes) {
            // the table is partitioned: pg_indexes gives "ON ONLY measurement", which would index the parent alone
            jdbc.sql(ddl.replace(" ON ONLY ", " ON ")).update();
        }
        jdbc.sql("analyze measurement").update();
        return written[0];
    }

    private void row(StringBuilder text, long enterprise, long equipment, String type, String industries) {
        List<Spec> own = byType.get(type);
        Spec spec;
        boolean ofEquipment = own != null && (random.nextInt(4) > 0 || industries.isEmpty());
        if (ofEquipment) {
            spec = own.get(random.nextInt(own.size()));
        } else {
            String[] is = industries.split(",");
            List<Spec> ofIndustry = byIndustry.get(is[random.nextInt(is.length)]);
            spec = ofIndustry == null ? new Spec("electricity_use", "kWh", new BigDecimal("1000000"), "{}")
                    : ofIndustry.get(random.nextInt(ofIndustry.size()));
        }
        String value = "\\N";
        String flag = "\\N";
        String unit = spec.unit() == null ? "\\N" : spec.unit();
        if (spec.limit() instanceof Boolean) {
            flag = random.nextInt(100) < 85 ? "t" : "f";
            unit = "\\N";
        } else {
            BigDecimal limit = spec.limit() instanceof BigDecimal d ? d : BigDecimal.ONE;
            double factor = 0.7 + random.nextDouble() * 0.6;
            BigDecimal v = limit.signum() == 0 ? BigDecimal.valueOf(random.nextDouble() * 15 - 10)
                    : limit.multiply(BigDecimal.valueOf(factor));
            value = v.setScale(3, RoundingMode.HALF_UP).toPlainString();
        }
        int roll = random.nextInt(100);
        String validity = roll < 3 ? "SUSPECT" : roll < 4 ? "INVALID" : "VALID";
        LocalDate date = FIRST.plusDays(random.nextInt(DAYS));
        text.append(enterprise).append('\t').append(ofEquipment ? Long.toString(equipment) : "\\N").append('\t')
                .append(spec.metric()).append('\t').append(value).append('\t').append(flag).append('\t').append(unit)
                .append('\t').append(random.nextInt(3) == 0 ? "ONLINE_MONITORING" : "INSPECTION").append('\t')
                .append(validity).append('\t').append(spec.attributes()).append('\t').append("bench").append('\t')
                .append(date).append('\t').append(date).append('\n');
    }

    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        if (text.isEmpty()) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }
}
