package org.capgov.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.capgov.shared.DataScope;
import org.capgov.shared.Decimals;
import org.capgov.shared.SqlPredicate;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for measurements: inserts (one by one for the API, COPY for imports), lists and the latest valid values. */
@Repository
class MeasurementRepository {

    /** Columns of a COPY line written by {@link MeasurementImport}, in this order. */
    static final String COPY_COLUMNS = "enterprise_id, equipment_id, metric, value, flag, unit, original_value, "
            + "original_unit, measured_at, period_start, period_end, source, validity, attributes, document_ref, "
            + "recorded_by, effective_date";
    /** Rows of the bulk stream fetched per round trip: bounded memory whatever the table's size. */
    static final int STREAM_FETCH = 5000;
    private static final ZoneOffset CHINA_OFFSET = ZoneOffset.ofHours(8);
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final String SELECT = """
            select m.*, e.uscc, q.code as equipment_code
            from measurement m join enterprise e on e.id = m.enterprise_id left join equipment q on q.id = m.equipment_id
            """;
    /**
     * The latest VALID value per (enterprise, equipment, metric, attributes) on or before a date. Ties on the date go
     * to the later moment, then to the later record. The scope join is added only for a restricted caller.
     */
    private static final String LATEST = """
            select distinct on (m.enterprise_id, m.equipment_id, m.metric, m.attributes)
                   m.enterprise_id, m.equipment_id, q.code as equipment_code, m.metric, m.value, m.flag, m.unit,
                   m.attributes, m.effective_date, m.source
            from measurement m left join equipment q on q.id = m.equipment_id %s
            where m.validity = 'VALID' and m.effective_date <= :asOf and %s
            order by m.enterprise_id, m.equipment_id, m.metric, m.attributes, m.effective_date desc,
                     m.measured_at desc nulls last, m.id desc
            """;

    /** One page of a list, with the number of all matching rows. */
    record Page(long total, List<Measurement> rows) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JsonMapper json;

    MeasurementRepository(JdbcClient jdbc, DataSource dataSource, JsonMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
    }

    long insert(ValidMeasurement m, String actor) {
        Map<String, Object> p = new HashMap<>();
        p.put("enterprise", m.enterpriseId());
        p.put("equipment", m.equipmentId());
        p.put("metric", m.metric());
        p.put("value", m.value());
        p.put("flag", m.flag());
        p.put("unit", m.unit());
        p.put("originalValue", m.originalValue());
        p.put("originalUnit", m.originalUnit());
        p.put("measuredAt", m.measuredAt() == null ? null : Timestamp.from(m.measuredAt().toInstant()));
        p.put("start", m.periodStart());
        p.put("end", m.periodEnd());
        p.put("source", m.source().name());
        p.put("validity", m.validity().name());
        p.put("attributes", json.writeValueAsString(m.attributes()));
        p.put("documentRef", m.documentRef());
        p.put("actor", actor);
        p.put("effective", m.effectiveDate());
        return jdbc.sql("""
                insert into measurement (enterprise_id, equipment_id, metric, value, flag, unit, original_value,
                                         original_unit, measured_at, period_start, period_end, source, validity,
                                         attributes, document_ref, recorded_by, effective_date)
                values (:enterprise, :equipment, :metric, :value, :flag, :unit, :originalValue, :originalUnit,
                        :measuredAt, :start, :end, :source, :validity, cast(:attributes as jsonb), :documentRef,
                        :actor, :effective)
                returning id
                """).params(p).query(Long.class).single();
    }

    /** Loads a COPY text file (see {@link #COPY_COLUMNS}) in the current transaction; returns the rows loaded. */
    long copy(Path lines) throws IOException, SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (InputStream in = Files.newInputStream(lines)) {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy measurement (" + COPY_COLUMNS + ") from stdin", in, 1 << 16);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    Optional<Measurement> find(long id) {
        return jdbc.sql(SELECT + " where m.id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    List<Measurement> byIds(List<Long> ids) {
        return jdbc.sql(SELECT + " where m.id in (:ids) order by m.id").param("ids", ids).query((rs, n) -> map(rs)).list();
    }

    /**
     * Whether {@code username} belongs to the party that recorded a value of enterprise {@code uscc}: for an
     * enterprise's account, the value was recorded by an account of that same enterprise; for anyone else, the
     * recorder and the caller share a department (an enterprise's account is filed under a district government's
     * department only as its home, so that sharing does not count for it).
     */
    boolean recordedByOwnParty(String recorder, String username, String uscc) {
        return jdbc.sql("""
                select case
                    when exists (select 1 from membership m join person p on p.id = m.person_id
                                 where p.username = :username and m.role = 'ENTERPRISE' and m.enterprise_uscc = :uscc)
                    then exists (select 1 from membership m join person p on p.id = m.person_id
                                 where p.username = :recorder and m.role = 'ENTERPRISE' and m.enterprise_uscc = :uscc)
                    else exists (select 1 from membership a join person pa on pa.id = a.person_id
                                          join membership b on b.department_id = a.department_id
                                          join person pb on pb.id = b.person_id
                                 where pa.username = :recorder and pb.username = :username
                                   and a.role <> 'ENTERPRISE' and b.role <> 'ENTERPRISE')
                end
                """).param("recorder", recorder).param("username", username).param("uscc", uscc)
                .query(Boolean.class).single();
    }

    /** A derived value re-computed from its inputs: the value in the metric's unit and as submitted, and its validity. */
    void revise(long id, java.math.BigDecimal value, String original, Validity validity) {
        jdbc.sql("update measurement set value = :v, original_value = :o, validity = :validity where id = :id")
                .param("v", value).param("o", original).param("validity", validity.name()).param("id", id).update();
    }

    void setValidity(long id, Validity validity) {
        jdbc.sql("update measurement set validity = :v where id = :id").param("v", validity.name()).param("id", id).update();
    }

    Page list(long enterpriseId, String metric, LocalDate from, LocalDate to, MeasurementSource source, Validity validity,
            int page, int size) {
        Map<String, Object> p = new HashMap<>();
        p.put("enterprise", enterpriseId);
        StringBuilder where = new StringBuilder("m.enterprise_id = :enterprise");
        if (metric != null) {
            where.append(" and m.metric = :metric");
            p.put("metric", metric);
        }
        if (from != null) {
            where.append(" and m.effective_date >= :from");
            p.put("from", from);
        }
        if (to != null) {
            where.append(" and m.effective_date <= :to");
            p.put("to", to);
        }
        if (source != null) {
            where.append(" and m.source = :source");
            p.put("source", source.name());
        }
        if (validity != null) {
            where.append(" and m.validity = :validity");
            p.put("validity", validity.name());
        }
        long total = jdbc.sql("select count(*) from measurement m where " + where).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Measurement> rows = jdbc.sql(SELECT + " where " + where
                + " order by m.effective_date desc, m.id desc limit :limit offset :offset").params(p)
                .query((rs, n) -> map(rs)).list();
        return new Page(total, rows);
    }

    List<LatestMeasurement> latestValid(long enterpriseId, LocalDate asOf, DataScope scope) {
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        Map<String, Object> p = new HashMap<>(inScope.params());
        p.put("asOf", asOf);
        p.put("enterprise", enterpriseId);
        return jdbc.sql(latestSql(scope, inScope.sql() + " and m.enterprise_id = :enterprise")).params(p)
                .query((rs, n) -> latest(rs)).list();
    }

    /** Streams the latest valid values of every enterprise in scope, in enterprise order, {@link #STREAM_FETCH} at a time. */
    void streamLatestValid(LocalDate asOf, DataScope scope, Consumer<LatestMeasurement> sink) {
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        Map<String, Object> p = new HashMap<>(inScope.params());
        p.put("asOf", asOf);
        // one sort of the whole table: keep it in memory as far as possible rather than in many small disk runs
        jdbc.sql("set local work_mem = '256MB'").update();
        jdbc.sql(latestSql(scope, inScope.sql())).params(p).withFetchSize(STREAM_FETCH)
                .query((ResultSet rs) -> {
                    sink.accept(latest(rs));
                });
    }

    private static String latestSql(DataScope scope, String condition) {
        // an unrestricted caller (the evaluation job) needs no join with enterprise at all
        return LATEST.formatted(scope.unrestricted() ? "" : "join enterprise e on e.id = m.enterprise_id", condition);
    }

    private LatestMeasurement latest(ResultSet rs) throws SQLException {
        long equipment = rs.getLong("equipment_id");
        return new LatestMeasurement(rs.getLong("enterprise_id"), rs.wasNull() ? null : equipment,
                rs.getString("equipment_code"), rs.getString("metric"), Decimals.plain(rs.getBigDecimal("value")),
                (Boolean) rs.getObject("flag"), rs.getString("unit"), attributes(rs.getString("attributes")),
                rs.getObject("effective_date", LocalDate.class), rs.getString("source"));
    }

    private Measurement map(ResultSet rs) throws SQLException {
        long equipment = rs.getLong("equipment_id");
        boolean noEquipment = rs.wasNull();
        OffsetDateTime at = rs.getObject("measured_at", OffsetDateTime.class);
        BigDecimal value = rs.getBigDecimal("value");
        return new Measurement(rs.getLong("id"), rs.getString("uscc"), noEquipment ? null : rs.getString("equipment_code"),
                rs.getString("metric"), Decimals.plain(value), (Boolean) rs.getObject("flag"), rs.getString("unit"),
                rs.getString("original_value"), rs.getString("original_unit"),
                at == null ? null : at.withOffsetSameInstant(CHINA_OFFSET), rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class), rs.getObject("effective_date", LocalDate.class),
                MeasurementSource.valueOf(rs.getString("source")), Validity.valueOf(rs.getString("validity")),
                attributes(rs.getString("attributes")), rs.getString("document_ref"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }

    private Map<String, String> attributes(String text) {
        // most values carry no attributes: skip the parser for them (the bulk stream reads millions)
        return text == null || text.equals("{}") ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(json.readValue(text, STRING_MAP)));
    }
}
