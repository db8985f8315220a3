package org.capgov.capacity.utilisation;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.Product;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of {@link CapacityFigures#byRegionPath} for many products and months at once, unscoped, in one
 * set-based statement: what the warning evaluation reads (docs/decisions/capacity-figures-performance.md).
 *
 * <p>It counts exactly as {@link CapacityFigures} does (the same days in force and the same per-line terms "annual
 * capacity × days ÷ days of the year"), but without a row per enterprise × month: a line in force over the whole
 * window adds the same term every month, so such lines are grouped by product, region path and annual capacity first
 * and their terms multiplied by their number; only the lines with a status change inside the window are taken month
 * by month. The capacity of the enterprise-months that reported is summed over the reports themselves, and the
 * missing capacity is the rest. Numeric sums in PostgreSQL are exact, so the figures are identical to the per-month
 * query's.
 */
@Repository
public class MonthlyFigures {

    private static final String SQL = """
            with eq as materialized (
              select q.enterprise_id, q.product, q.region_path, q.annual_capacity, q.in_force,
                     q.in_force @> daterange(cast(:first as date), cast(:end as date)) as whole
              from capacity_in_force q
              where q.product = any(cast(:products as varchar[]))
            ), months as materialized (
              select m::date as month, (m + interval '1 month')::date as next,
                     (date_trunc('year', m) + interval '1 year')::date - date_trunc('year', m)::date as year_days
              from generate_series(cast(:first as date), cast(:last as date), interval '1 month') m
            ), part as materialized (
              select eq.enterprise_id, eq.product, eq.region_path, months.month,
                     sum(eq.annual_capacity * (select coalesce(sum(upper(r) - lower(r)), 0)
                                               from unnest(eq.in_force * datemultirange(daterange(months.month, months.next))) r)
                         / months.year_days) as capacity
              from eq cross join months where not eq.whole
              group by 1, 2, 3, 4
            ), whole_ent as materialized (
              select distinct enterprise_id, product from eq where whole and annual_capacity > 0
            ), o as materialized (
              select o.enterprise_id, o.product, e.region_path, o.month, o.quantity
              from output_report o join enterprise e on e.id = o.enterprise_id
              where o.current and o.product = any(cast(:products as varchar[])) and o.month >= :first and o.month <= :last
            ), figures as (
              -- capacity of lines in force all window long
              select w.product, w.region_path, months.month,
                     sum(w.n * (w.annual_capacity * (months.next - months.month) / months.year_days)) as capacity,
                     0 as output, 0 as enterprises, 0 as reporting, 0 as reported_capacity
              from (select product, region_path, annual_capacity, count(*) as n from eq where whole group by 1, 2, 3) w
              cross join months group by 1, 2, 3
              union all
              -- enterprises with a line in force all window long (with capacity every month)
              select w.product, w.region_path, months.month, 0, 0, w.n, 0, 0
              from (select product, region_path, count(distinct enterprise_id) as n from eq
                    where whole and annual_capacity > 0 group by 1, 2) w cross join months
              union all
              -- lines with a change inside the window, month by month, and their enterprises without such a line
              select p.product, p.region_path, p.month, p.capacity, 0,
                     case when p.capacity > 0 and w.enterprise_id is null then 1 else 0 end, 0, 0
              from part p left join whole_ent w on w.enterprise_id = p.enterprise_id and w.product = p.product
              union all
              -- the reports
              select o.product, o.region_path, o.month, 0, o.quantity, 0, 1, 0
              from o
              union all
              -- the capacity of the enterprise-months that reported: their whole lines' terms ...
              select o.product, o.region_path, o.month, 0, 0, 0, 0,
                     eq.annual_capacity * (months.next - months.month) / months.year_days
              from o join eq on eq.enterprise_id = o.enterprise_id and eq.product = o.product and eq.whole
              join months on months.month = o.month
              union all
              -- ... and their changed lines' figures
              select o.product, o.region_path, o.month, 0, 0, 0, 0, p.capacity
              from o join part p on p.enterprise_id = o.enterprise_id and p.product = o.product and p.month = o.month
            )
            select product, region_path, month, sum(capacity) as capacity, sum(output) as output,
                   sum(enterprises) as enterprises, sum(reporting) as reporting,
                   sum(capacity) - sum(reported_capacity) as missing
            from figures group by 1, 2, 3
            """;

    /** Memory for the statement's hashes and the reports it reads three times, instead of temporary files. */
    static final String WORK_MEM = "256MB";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    MonthlyFigures(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setReadOnly(true);
    }

    /** Per product and month from {@code first} to {@code last}: the sums per enterprise region path, unscoped. */
    public Map<Product, Map<YearMonth, List<CapacityFigures.RegionSums>>> byRegionPath(Collection<Product> products,
            YearMonth first, YearMonth last) {
        Map<Product, Map<YearMonth, List<CapacityFigures.RegionSums>>> out = new HashMap<>();
        if (products.isEmpty() || last.isBefore(first)) {
            return out;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("products", products.stream().map(Product::name).toArray(String[]::new));
        params.put("first", Date.valueOf(first.atDay(1)));
        params.put("last", Date.valueOf(last.atDay(1)));
        params.put("end", Date.valueOf(last.plusMonths(1).atDay(1)));
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select set_config('work_mem', :mem, true)").param("mem", WORK_MEM).query().singleRow();
            read(params, out);
        });
        return out;
    }

    private void read(Map<String, Object> params, Map<Product, Map<YearMonth, List<CapacityFigures.RegionSums>>> out) {
        jdbc.sql(SQL).params(params).query((java.sql.ResultSet rs) -> {
            Product product = Product.valueOf(rs.getString("product"));
            YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
            BigDecimal capacity = rs.getBigDecimal("capacity");
            out.computeIfAbsent(product, k -> new HashMap<>()).computeIfAbsent(month, k -> new ArrayList<>())
                    .add(new CapacityFigures.RegionSums(rs.getString("region_path"), capacity, rs.getBigDecimal("output"),
                            rs.getLong("enterprises"), rs.getLong("reporting"), rs.getBigDecimal("missing")));
        });
    }
}
