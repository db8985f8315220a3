package org.capgov.capacity.output;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capgov.shared.DataScope;
import org.capgov.shared.Decimals;
import org.capgov.shared.Product;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of output reports; every read takes the caller's scope (region subtree, own enterprise). */
@Repository
class OutputRepository {

    /** The registry's facts about the enterprise a report is for. */
    record ReportingEnterprise(long id, String uscc, String name, String regionCode, String regionPath) {
    }

    /** A report before it is stored, in the product's unit. */
    record NewReport(long enterpriseId, Product product, YearMonth month, BigDecimal quantity, BigDecimal enteredQuantity,
            String enteredUnit, String source, BigDecimal monthCapacity, boolean aboveCapacityConfirmed, String note,
            String enteredBy) {
    }

    private static final String SELECT = """
            select o.*, e.uscc, e.name as enterprise_name, e.region_code from output_report o
            join enterprise e on e.id = o.enterprise_id
            """;

    private final JdbcClient jdbc;

    OutputRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReportingEnterprise> enterprise(String uscc) {
        return jdbc.sql("select id, uscc, name, region_code, region_path from enterprise where uscc = :uscc")
                .param("uscc", uscc).query((rs, i) -> new ReportingEnterprise(rs.getLong("id"), rs.getString("uscc"),
                        rs.getString("name"), rs.getString("region_code"), rs.getString("region_path"))).optional();
    }

    /** The enterprises of the given USCCs that exist, by USCC, in one query. */
    Map<String, ReportingEnterprise> enterprises(java.util.Collection<String> usccs) {
        Map<String, ReportingEnterprise> out = new java.util.HashMap<>();
        if (usccs.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, uscc, name, region_code, region_path from enterprise where uscc = any(:usccs)")
                .param("usccs", usccs.toArray(String[]::new)).query((java.sql.ResultSet rs) -> {
                    out.put(rs.getString("uscc"), new ReportingEnterprise(rs.getLong("id"), rs.getString("uscc"),
                            rs.getString("name"), rs.getString("region_code"), rs.getString("region_path")));
                });
        return out;
    }

    /**
     * Stores the next revision of enterprise × product × month; the previous one stops being current. The row lock
     * on the enterprise serialises two corrections of the same enterprise arriving at once.
     */
    long insert(NewReport r) {
        jdbc.sql("select id from enterprise where id = :id for update").param("id", r.enterpriseId()).query(Long.class)
                .single();
        Map<String, Object> key = Map.of("enterprise", r.enterpriseId(), "product", r.product().name(),
                "month", Date.valueOf(r.month().atDay(1)));
        int revision = jdbc.sql("select coalesce(max(revision), 0) + 1 from output_report where enterprise_id = :enterprise "
                + "and product = :product and month = :month").params(key).query(Integer.class).single();
        jdbc.sql("update output_report set current = false where enterprise_id = :enterprise and product = :product "
                + "and month = :month and current").params(key).update();
        Map<String, Object> p = new HashMap<>(key);
        p.put("revision", revision);
        p.put("quantity", r.quantity());
        p.put("enteredQuantity", r.enteredQuantity());
        p.put("enteredUnit", r.enteredUnit());
        p.put("source", r.source());
        p.put("monthCapacity", r.monthCapacity());
        p.put("confirmed", r.aboveCapacityConfirmed());
        p.put("note", r.note());
        p.put("by", r.enteredBy());
        return jdbc.sql("""
                insert into output_report (enterprise_id, product, month, revision, quantity, entered_quantity, entered_unit,
                                           source, month_capacity, above_capacity_confirmed, note, entered_by)
                values (:enterprise, :product, :month, :revision, :quantity, :enteredQuantity, :enteredUnit, :source,
                        :monthCapacity, :confirmed, :note, :by)
                returning id
                """).params(p).query(Long.class).single();
    }

    Optional<OutputReport> find(long id, DataScope scope) {
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        Map<String, Object> p = new HashMap<>(inScope.params());
        p.put("id", id);
        return jdbc.sql(SELECT + " where o.id = :id and " + inScope.sql()).params(p).query(OutputRepository::map).optional();
    }

    /** Reports in scope, newest month first; only current revisions unless {@code revisions}. */
    List<OutputReport> search(String uscc, Product product, LocalDate from, LocalDate to, String regionPath,
            boolean revisions, int limit, DataScope scope) {
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        Map<String, Object> p = new HashMap<>(inScope.params());
        StringBuilder where = new StringBuilder(" where ").append(inScope.sql());
        if (!revisions) {
            where.append(" and o.current");
        }
        if (uscc != null) {
            where.append(" and e.uscc = :uscc");
            p.put("uscc", uscc);
        }
        if (product != null) {
            where.append(" and o.product = :product");
            p.put("product", product.name());
        }
        if (from != null) {
            where.append(" and o.month >= :from");
            p.put("from", Date.valueOf(from));
        }
        if (to != null) {
            where.append(" and o.month <= :to");
            p.put("to", Date.valueOf(to));
        }
        if (regionPath != null) {
            where.append(" and e.region_path like :path");
            p.put("path", regionPath + "%");
        }
        p.put("limit", limit);
        return jdbc.sql(SELECT + where + " order by o.month desc, e.uscc, o.product, o.revision desc limit :limit")
                .params(p).query(OutputRepository::map).list();
    }

    private static OutputReport map(ResultSet rs, int i) throws SQLException {
        Product product = Product.valueOf(rs.getString("product"));
        return new OutputReport(rs.getLong("id"), rs.getString("uscc"), rs.getString("enterprise_name"),
                rs.getString("region_code"), product.name(), YearMonth.from(rs.getDate("month").toLocalDate()).toString(),
                rs.getInt("revision"), rs.getBoolean("current"), Decimals.plain(rs.getBigDecimal("quantity")),
                product.unit(), Decimals.plain(rs.getBigDecimal("entered_quantity")), rs.getString("entered_unit"),
                rs.getString("source"), Decimals.plain(rs.getBigDecimal("month_capacity")), rs.getBoolean("above_capacity_confirmed"),
                rs.getString("note"), rs.getString("entered_by"), rs.getTimestamp("entered_at").toInstant());
    }
}
