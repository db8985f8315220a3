package org.capgov.registry;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capgov.shared.DataScope;
import org.capgov.shared.Product;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.capgov.registry.validation.ValidEquipment;

/** SQL for production lines, equipment, their status history and capacity sums. */
@Repository
class EquipmentRepository {

    private static final String SELECT = """
            select q.*, e.uscc, l.code as line_code from equipment q join enterprise e on e.id = q.enterprise_id
            left join production_line l on l.id = q.line_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EquipmentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Equipment> ofEnterprise(long enterpriseId) {
        return jdbc.sql(SELECT + " where q.enterprise_id = :id order by q.code").param("id", enterpriseId)
                .query((rs, n) -> map(rs)).list();
    }

    Optional<Equipment> find(long enterpriseId, String code) {
        return jdbc.sql(SELECT + " where q.enterprise_id = :id and q.code = :code").param("id", enterpriseId)
                .param("code", code).query((rs, n) -> map(rs)).optional();
    }

    Long lineId(long enterpriseId, String lineCode) {
        if (lineCode == null) {
            return null;
        }
        return jdbc.sql("""
                insert into production_line (enterprise_id, code) values (:e, :c)
                on conflict (enterprise_id, code) do update set code = excluded.code returning id
                """).param("e", enterpriseId).param("c", lineCode).query(Long.class).single();
    }

    long insert(long enterpriseId, Long lineId, ValidEquipment q, String regionCode, String regionPath) {
        Map<String, Object> p = columns(q, regionCode, regionPath);
        p.put("enterprise", enterpriseId);
        p.put("line", lineId);
        return jdbc.sql("""
                insert into equipment (enterprise_id, line_id, code, type, parameters, product, annual_capacity,
                                       commissioned, region_code, region_path, status, status_since)
                values (:enterprise, :line, :code, :type, cast(:parameters as jsonb), :product, :capacity, :commissioned,
                        :region, :path, :status, :since) returning id
                """).params(p).query(Long.class).single();
    }

    void update(long id, Long lineId, ValidEquipment q, String regionCode, String regionPath) {
        Map<String, Object> p = columns(q, regionCode, regionPath);
        p.put("id", id);
        p.put("line", lineId);
        jdbc.sql("""
                update equipment set line_id = :line, type = :type, parameters = cast(:parameters as jsonb),
                       product = :product, annual_capacity = :capacity, commissioned = :commissioned,
                       region_code = :region, region_path = :path, updated_at = now()
                where id = :id
                """).params(p).update();
    }

    void setStatus(long id, EquipmentStatus status, LocalDate since) {
        jdbc.sql("update equipment set status = :s, status_since = :d, updated_at = now() where id = :id")
                .param("s", status.name()).param("d", since).param("id", id).update();
    }

    void addStatus(long id, String status, LocalDate from, String document, String note, String by) {
        addStatus(id, status, from, document, note, by, null);
    }

    /** A status change with the rule that made it ({@code cause}; null for a person's decision). */
    void addStatus(long id, String status, LocalDate from, String document, String note, String by, String cause) {
        jdbc.sql("update equipment_status_history set effective_to = :from where equipment_id = :id and effective_to is null "
                + "and effective_from <= :from").param("from", from).param("id", id).update();
        jdbc.sql("""
                insert into equipment_status_history (equipment_id, status, effective_from, document, note, recorded_by,
                                                      cause)
                values (:id, :status, :from, :doc, :note, :by, :cause)
                """).param("id", id).param("status", status).param("from", from).param("doc", document)
                .param("note", note).param("by", by).param("cause", cause).update();
    }

    /** The rule that made the last change of the item's status, if a rule did (StatusConsistency). */
    String lastCause(long id) {
        List<String> last = jdbc.sql("""
                select cause from equipment_status_history where equipment_id = :id
                order by effective_from desc, id desc limit 1
                """).param("id", id).query((rs, n) -> rs.getString(1)).list();
        return last.isEmpty() ? null : last.get(0);
    }

    /** USCCs of enterprises out of production that still have an operating item (rows from before P2). */
    List<String> outOfProductionWithOperatingItems() {
        return jdbc.sql("""
                select distinct e.uscc from enterprise e join equipment q on q.enterprise_id = e.id
                where e.status in ('CLOSED', 'EXITED', 'DEREGISTERED') and q.status = 'OPERATING'
                order by e.uscc
                """).query(String.class).list();
    }

    List<StatusRecord> history(long id) {
        return jdbc.sql("select * from equipment_status_history where equipment_id = :id order by effective_from, id")
                .param("id", id).query((rs, n) -> EnterpriseRepository.status(rs)).list();
    }

    /**
     * Annual capacity of equipment making {@code product} whose region lies under {@code regionPath}, which had
     * {@code status} on {@code date} by its status history and was commissioned by then.
     */
    BigDecimal capacity(Product product, String regionPath, LocalDate date, EquipmentStatus status, DataScope scope) {
        SqlPredicate inScope = scope.predicate("q.region_path", null, "e.uscc");
        Map<String, Object> params = new HashMap<>(inScope.params());
        params.put("product", product.name());
        params.put("path", regionPath + "%");
        params.put("date", date);
        params.put("status", status.name());
        return jdbc.sql("""
                select coalesce(sum(q.annual_capacity), 0) from equipment q
                join enterprise e on e.id = q.enterprise_id
                join equipment_status_history h on h.equipment_id = q.id and h.effective_from <= :date
                     and (h.effective_to is null or h.effective_to > :date)
                where q.product = :product and q.region_path like :path and h.status = :status
                  and (q.commissioned is null or q.commissioned <= :date) and
                """ + inScope.sql()).params(params).query(BigDecimal.class).single();
    }

    /** Operating capacity per industry-independent product under a region path, as of today (region page). */
    Map<Product, BigDecimal> operatingByProduct(String regionPath, DataScope scope) {
        SqlPredicate inScope = scope.predicate("q.region_path", null, "e.uscc");
        Map<String, Object> params = new HashMap<>(inScope.params());
        params.put("path", regionPath + "%");
        Map<Product, BigDecimal> out = new LinkedHashMap<>();
        jdbc.sql("select q.product, sum(q.annual_capacity) as cap, count(*) as n from equipment q "
                + "join enterprise e on e.id = q.enterprise_id where q.status = 'OPERATING' and q.region_path like :path and " + inScope.sql()
                + " group by q.product order by q.product").params(params)
                .query((ResultSet rs) -> {
                    out.put(Product.valueOf(rs.getString("product")), rs.getBigDecimal("cap"));
                });
        return out;
    }

    private Map<String, Object> columns(ValidEquipment q, String regionCode, String regionPath) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", q.code());
        p.put("type", q.type().name());
        p.put("parameters", json.writeValueAsString(q.parameters()));
        p.put("product", q.product().name());
        p.put("capacity", q.annualCapacity());
        p.put("commissioned", q.commissioned());
        p.put("region", regionCode);
        p.put("path", regionPath);
        p.put("status", q.status().name());
        p.put("since", q.statusSince());
        return p;
    }

    private Equipment map(ResultSet rs) throws SQLException {
        Product product = Product.valueOf(rs.getString("product"));
        java.sql.Date commissioned = rs.getDate("commissioned");
        Map<String, Object> parameters = json.readValue(rs.getString("parameters"), new TypeReference<>() {
        });
        return new Equipment(rs.getLong("id"), rs.getString("uscc"), rs.getString("code"), rs.getString("line_code"),
                EquipmentType.valueOf(rs.getString("type")), parameters, product, rs.getBigDecimal("annual_capacity"),
                product.unit(), commissioned == null ? null : commissioned.toLocalDate(), rs.getString("region_code"),
                rs.getString("region_path"), EquipmentStatus.valueOf(rs.getString("status")),
                rs.getDate("status_since").toLocalDate());
    }
}
