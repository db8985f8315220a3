package org.capgov.capacity.utilisation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.DataScope;
import org.capgov.shared.FigureCache;
import org.capgov.shared.Product;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Output and capacity in force per enterprise region, from the registry's tables and the current output reports.
 *
 * <p>Capacity in force (README, "Capacity"): a line counts from its commissioning date (or,
 * when that is unknown, its first recorded status) except while it is DISMANTLED or TRANSFERRED or its enterprise is
 * EXITED or DEREGISTERED; idle, water- or power-cut, sealed lines and closed or suspended enterprises still count,
 * because the capacity exists until it has exited. Those days are stored per line in {@code capacity_in_force}, kept
 * current by triggers on the registry's tables (docs/decisions/capacity-figures-performance.md). Each month's capacity is annual capacity × days in force in the
 * month ÷ days of that year (PostgreSQL date multiranges hold the days in force). Both numerator and denominator are
 * placed by the enterprise's region, so that an enterprise's output and its capacity always fall in the same region.
 */
@Repository
public class CapacityFigures {

    /** Sums for the enterprises registered under one region path. */
    public record RegionSums(String regionPath, BigDecimal capacity, BigDecimal output, long enterprises,
            long reportingEnterprises, BigDecimal missingCapacity) {
    }

    // the lines' days in force, kept by the registry's writes (capacity_in_force, migration V190)
    private static final String IN_FORCE = """
            eq as (
              select q.enterprise_id, q.equipment_id, q.region_path, q.annual_capacity, q.in_force
              from capacity_in_force q
              join enterprise e on e.id = q.enterprise_id
              where q.product = :product and q.region_path like :path and %s %s
            ),
            months as (
              select m::date as month, (m + interval '1 month')::date as next
              from generate_series(cast(:first as date), cast(:last as date), interval '1 month') m
            ),
            cap as (
              select eq.enterprise_id, eq.region_path, months.month,
                     -- a line in force all month long (most lines, most months) needs no intersection of ranges
                     sum(eq.annual_capacity * (case when eq.in_force @> daterange(months.month, months.next)
                                                    then months.next - months.month
                                                    else (select coalesce(sum(upper(r) - lower(r)), 0)
                                                          from unnest(eq.in_force * datemultirange(daterange(months.month, months.next))) r)
                                               end)
                         / :yearDays) as capacity
              from eq cross join months
              group by eq.enterprise_id, eq.region_path, months.month
            )
            """;

    private final JdbcClient jdbc;
    private final FigureCache cache;

    CapacityFigures(JdbcClient jdbc, FigureCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /**
     * Capacity, output and reporting per enterprise region path under {@code pathPrefix} in {@code period}: a month
     * of an enterprise with capacity in force and no current report counts as missing capacity.
     */
    public List<RegionSums> byRegionPath(Product product, String pathPrefix, Period period, DataScope scope) {
        return cache.get(List.of("byRegionPath", product, pathPrefix, period, scope),
                () -> List.copyOf(computeByRegionPath(product, pathPrefix, period, scope)));
    }

    private List<RegionSums> computeByRegionPath(Product product, String pathPrefix, Period period, DataScope scope) {
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        Map<String, Object> params = params(product, pathPrefix, period, inScope);
        String sql = "with " + IN_FORCE.formatted(inScope.sql(), "") + """
                , out as (
                  select o.enterprise_id, e.region_path, o.month, o.quantity
                  from output_report o join enterprise e on e.id = o.enterprise_id
                  where o.current and o.product = :product and o.month >= :first and o.month <= :last
                    and e.region_path like :path and
                """ + inScope.sql() + """
                )
                select coalesce(c.region_path, o.region_path) as region_path,
                       coalesce(sum(c.capacity), 0) as capacity,
                       coalesce(sum(o.quantity), 0) as output,
                       count(distinct c.enterprise_id) filter (where c.capacity > 0) as enterprises,
                       count(distinct o.enterprise_id) as reporting,
                       coalesce(sum(c.capacity) filter (where o.enterprise_id is null), 0) as missing
                from cap c full join out o on o.enterprise_id = c.enterprise_id and o.month = c.month
                group by 1
                """;
        List<RegionSums> out = new ArrayList<>();
        jdbc.sql(sql).params(params).query((java.sql.ResultSet rs) -> {
            out.add(new RegionSums(rs.getString("region_path"), rs.getBigDecimal("capacity"), rs.getBigDecimal("output"),
                    rs.getLong("enterprises"), rs.getLong("reporting"), rs.getBigDecimal("missing")));
        });
        return out;
    }

    /** The capacity in force of one enterprise for one product in {@code period} (no scope: the caller checked it). */
    public BigDecimal ofEnterprise(long enterpriseId, Product product, Period period) {
        Map<String, Object> params = params(product, "/", period, SqlPredicate.TRUE);
        params.put("enterprise", enterpriseId);
        return jdbc.sql("with " + IN_FORCE.formatted("true", "and q.enterprise_id = :enterprise")
                + " select coalesce(sum(capacity), 0) from cap").params(params).query(BigDecimal.class).single()
                .setScale(3, RoundingMode.HALF_UP);
    }

    /**
     * The SQL of capacity in force per enterprise × month for one product (parameters :product, :path, :first,
     * :last, :yearDays), ending in the CTE {@code cap(enterprise_id, region_path, month, capacity)}; for bulk writers
     * such as the demo data, which must count capacity exactly as utilisation does.
     */
    public static String capacityByEnterpriseMonth() {
        return capacityByEnterpriseMonth("");
    }

    /** As {@link #capacityByEnterpriseMonth()}, the equipment narrowed by {@code condition} ("and …" over q, e). */
    public static String capacityByEnterpriseMonth(String condition) {
        return "with " + IN_FORCE.formatted("true", condition);
    }

    /** Annual capacity in force on {@code date} under {@code pathPrefix} (no scope: aggregate figures). */
    public BigDecimal inForceOn(Product product, String pathPrefix, java.time.LocalDate date) {
        Map<String, Object> params = params(product, pathPrefix, Period.month(java.time.YearMonth.from(date)), SqlPredicate.TRUE);
        params.put("day", Date.valueOf(date));
        return jdbc.sql("with " + IN_FORCE.formatted("true", "") + " select coalesce(sum(annual_capacity), 0) from eq "
                + "where in_force @> cast(:day as date)").params(params).query(BigDecimal.class).single();
    }

    /**
     * Annual capacity that left force between {@code from} and {@code to} (inclusive): in force on some day of the
     * window and no longer on {@code to}.
     */
    public BigDecimal exitedBetween(Product product, String pathPrefix, java.time.LocalDate from, java.time.LocalDate to) {
        if (to.isBefore(from)) {
            // a target measured as of a day before its period began: nothing can have left force yet
            return BigDecimal.ZERO;
        }
        Map<String, Object> params = params(product, pathPrefix, Period.month(java.time.YearMonth.from(to)), SqlPredicate.TRUE);
        params.put("from", Date.valueOf(from));
        params.put("to", Date.valueOf(to));
        return jdbc.sql("with " + IN_FORCE.formatted("true", "") + " select coalesce(sum(annual_capacity), 0) from eq "
                + "where in_force && datemultirange(daterange(cast(:from as date), cast(:to as date), '[]')) "
                + "and not in_force @> cast(:to as date)").params(params).query(BigDecimal.class).single();
    }

    /** One equipment item behind a capacity figure, or one enterprise behind a utilisation figure. */
    public record Behind(String uscc, String enterprise, String regionName, String equipmentCode, String equipmentType,
            BigDecimal capacity, BigDecimal output) {
    }

    private static final String BEHIND = """
             select e.uscc, e.name, (select g.name from region g where g.code = e.region_code), q.code, q.type, eq.annual_capacity
             from eq join equipment q on q.id = eq.equipment_id join enterprise e on e.id = eq.enterprise_id
            """;

    /** The equipment in force on {@code date} under {@code pathPrefix}, largest first, in the caller's scope. */
    public List<Behind> equipmentInForceOn(Product product, String pathPrefix, java.time.LocalDate date, DataScope scope,
            int limit) {
        return behind(product, pathPrefix, date, "where eq.in_force @> cast(:day as date)", scope, limit, Map.of());
    }

    /** The equipment that left force between {@code from} and {@code to} (as {@link #exitedBetween}), largest first. */
    public List<Behind> equipmentExitedBetween(Product product, String pathPrefix, java.time.LocalDate from,
            java.time.LocalDate to, DataScope scope, int limit) {
        return behind(product, pathPrefix, to, "where eq.in_force && datemultirange(daterange(cast(:from as date), "
                + "cast(:day as date), '[]')) and not eq.in_force @> cast(:day as date)", scope, limit,
                Map.of("from", Date.valueOf(from)));
    }

    private List<Behind> behind(Product product, String pathPrefix, java.time.LocalDate day, String where,
            DataScope scope, int limit, Map<String, Object> extra) {
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        Map<String, Object> params = params(product, pathPrefix, Period.month(java.time.YearMonth.from(day)), inScope);
        params.putAll(extra);
        params.put("day", Date.valueOf(day));
        params.put("limit", limit);
        return jdbc.sql("with " + IN_FORCE.formatted(inScope.sql(), "") + BEHIND + where
                + " order by eq.annual_capacity desc, e.uscc, q.code limit :limit").params(params)
                .query((rs, n) -> new Behind(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), null)).list();
    }

    /** Output and capacity per enterprise under {@code pathPrefix} in {@code period}, largest capacity first. */
    public List<Behind> byEnterprise(Product product, String pathPrefix, Period period, DataScope scope, int limit) {
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        Map<String, Object> params = params(product, pathPrefix, period, inScope);
        params.put("limit", limit);
        String sql = "with " + IN_FORCE.formatted(inScope.sql(), "") + """
                , out as (
                  select o.enterprise_id, sum(o.quantity) as quantity
                  from output_report o join enterprise e on e.id = o.enterprise_id
                  where o.current and o.product = :product and o.month >= :first and o.month <= :last
                    and e.region_path like :path and
                """ + inScope.sql() + """
                  group by o.enterprise_id
                ), per as (
                  select enterprise_id, sum(capacity) as capacity from cap group by enterprise_id
                )
                select e.uscc, e.name, (select g.name from region g where g.code = e.region_code), coalesce(per.capacity, 0) as capacity, out.quantity
                from per full join out on out.enterprise_id = per.enterprise_id
                join enterprise e on e.id = coalesce(per.enterprise_id, out.enterprise_id)
                order by 4 desc, e.uscc limit :limit
                """;
        return jdbc.sql(sql).params(params).query((rs, n) -> new Behind(rs.getString(1), rs.getString(2),
                rs.getString(3), null, null, rs.getBigDecimal(4).setScale(3, RoundingMode.HALF_UP),
                rs.getBigDecimal(5))).list();
    }

    private static Map<String, Object> params(Product product, String pathPrefix, Period period, SqlPredicate inScope) {
        Map<String, Object> params = new HashMap<>(inScope.params());
        params.put("product", product.name());
        params.put("path", pathPrefix + "%");
        params.put("first", Date.valueOf(period.from()));
        params.put("last", Date.valueOf(period.lastMonth().atDay(1)));
        params.put("yearDays", period.daysOfYear());
        return params;
    }
}
