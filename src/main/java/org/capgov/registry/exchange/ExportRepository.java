package org.capgov.registry.exchange;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Streams equipment for exports in the row shape of the import template (parameters as key=value;…), filtered and
 * limited to the caller's scope by the equipment's region and, for an enterprise grant, its enterprise.
 */
@Repository
class ExportRepository {

    /** One exported equipment row. */
    record EquipmentRow(String uscc, String enterpriseName, String line, String code, String type, String parameters,
            String product, BigDecimal capacity, LocalDate commissioned, String region, String status,
            LocalDate statusSince) {
    }

    /** Filters already checked: codes upper-case, the region resolved to its path. */
    record Criteria(String uscc, String regionPath, String product, String type, String status) {
    }

    private final JdbcClient jdbc;

    ExportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void equipment(Criteria c, DataScope scope, Consumer<EquipmentRow> sink) {
        SqlPredicate inScope = scope.predicate("q.region_path", null, "e.uscc");
        Map<String, Object> p = new HashMap<>(inScope.params());
        StringBuilder where = new StringBuilder(inScope.sql());
        if (c.uscc() != null) {
            where.append(" and e.uscc = :uscc");
            p.put("uscc", c.uscc());
        }
        if (c.regionPath() != null) {
            where.append(" and q.region_path like :path");
            p.put("path", c.regionPath() + "%");
        }
        if (c.product() != null) {
            where.append(" and q.product = :product");
            p.put("product", c.product());
        }
        if (c.type() != null) {
            where.append(" and q.type = :type");
            p.put("type", c.type());
        }
        if (c.status() != null) {
            where.append(" and q.status = :status");
            p.put("status", c.status());
        }
        jdbc.sql("""
                select e.uscc, e.name as enterprise_name, l.code as line_code, q.code, q.type,
                       (select string_agg(x.key || '=' || (x.value #>> '{}'), ';' order by x.key)
                          from jsonb_each(q.parameters) x) as parameters,
                       q.product, q.annual_capacity, q.commissioned, q.region_code, q.status, q.status_since
                from equipment q join enterprise e on e.id = q.enterprise_id
                left join production_line l on l.id = q.line_id
                where """ + " " + where + " order by e.uscc, q.code").params(p).withFetchSize(2000)
                .query((ResultSet rs) -> {
                    java.sql.Date commissioned = rs.getDate("commissioned");
                    sink.accept(new EquipmentRow(rs.getString("uscc"), rs.getString("enterprise_name"),
                            rs.getString("line_code"), rs.getString("code"), rs.getString("type"),
                            rs.getString("parameters"), rs.getString("product"), rs.getBigDecimal("annual_capacity"),
                            commissioned == null ? null : commissioned.toLocalDate(), rs.getString("region_code"),
                            rs.getString("status"), rs.getDate("status_since").toLocalDate()));
                });
    }
}
