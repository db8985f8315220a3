package org.capgov.registry;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.DataScope;
import org.capgov.shared.Industry;
import org.capgov.shared.Product;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Figures of a region subtree for the registry's region page: operating capacity per equipment type × product and
 * enterprise counts per industry × status. Every query takes the caller's scope from {@link DataScope} (region
 * subtree and, for an enterprise account, its own enterprise); the subtree is a bound path prefix.
 */
@Repository
class RegistryStatisticsRepository {

    /**
     * Operating equipment of one industry (the industry of its type, so that no item counts twice) making one
     * product: capacity, items and enterprises.
     */
    record IndustryCapacity(Industry industry, Product product, BigDecimal capacity, long equipment, long enterprises) {
    }

    /** Enterprises registered in one industry with one status (an enterprise of several industries counts in each). */
    record IndustryStatusCount(String industry, EnterpriseStatus status, long enterprises) {
    }

    private final JdbcClient jdbc;

    RegistryStatisticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Operating capacity under {@code regionPath} (by the equipment's own region) per industry and product. */
    List<IndustryCapacity> operatingByIndustryAndProduct(String regionPath, DataScope scope) {
        SqlPredicate inScope = scope.predicate("q.region_path", null, "e.uscc");
        Map<String, Object> params = new HashMap<>(inScope.params());
        params.put("path", regionPath + "%");
        // the industry of each type, as bound values: case q.type when :type_0 then :industry_0 ... end
        StringBuilder industry = new StringBuilder("case q.type");
        EquipmentType[] types = EquipmentType.values();
        for (int i = 0; i < types.length; i++) {
            industry.append(" when :type_").append(i).append(" then :industry_").append(i);
            params.put("type_" + i, types[i].name());
            params.put("industry_" + i, types[i].industry().name());
        }
        industry.append(" else :industry_other end");
        params.put("industry_other", Industry.OTHER.name());
        List<IndustryCapacity> out = new ArrayList<>();
        jdbc.sql("select " + industry + " as industry, q.product, sum(q.annual_capacity) as cap, count(*) as n, "
                + "count(distinct q.enterprise_id) as firms "
                + "from equipment q join enterprise e on e.id = q.enterprise_id "
                + "where q.status = 'OPERATING' and q.region_path like :path and " + inScope.sql()
                + " group by 1, q.product").params(params)
                .query((ResultSet rs) -> {
                    out.add(new IndustryCapacity(Industry.valueOf(rs.getString("industry")),
                            Product.valueOf(rs.getString("product")), rs.getBigDecimal("cap"), rs.getLong("n"),
                            rs.getLong("firms")));
                });
        out.sort(java.util.Comparator.comparing(IndustryCapacity::industry).thenComparing(IndustryCapacity::product));
        return out;
    }

    /** Enterprises under {@code regionPath} per industry and status. */
    List<IndustryStatusCount> enterprisesByIndustryAndStatus(String regionPath, DataScope scope) {
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        Map<String, Object> params = new HashMap<>(inScope.params());
        params.put("path", regionPath + "%");
        List<IndustryStatusCount> out = new ArrayList<>();
        jdbc.sql("""
                select i.industry, e.status, count(*) as n
                from enterprise e cross join lateral unnest(e.industries) as i(industry)
                where e.region_path like :path and
                """ + inScope.sql() + " group by i.industry, e.status order by i.industry, e.status").params(params)
                .query((ResultSet rs) -> {
                    out.add(new IndustryStatusCount(rs.getString("industry"), EnterpriseStatus.valueOf(rs.getString("status")),
                            rs.getLong("n")));
                });
        return out;
    }

    /** Enterprises under {@code regionPath} in the caller's scope (each counted once). */
    long enterprises(String regionPath, DataScope scope) {
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        Map<String, Object> params = new HashMap<>(inScope.params());
        params.put("path", regionPath + "%");
        return jdbc.sql("select count(*) from enterprise e where e.region_path like :path and " + inScope.sql())
                .params(params).query(Long.class).single();
    }
}
