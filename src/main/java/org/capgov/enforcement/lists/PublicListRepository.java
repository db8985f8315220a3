package org.capgov.enforcement.lists;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.Dimension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.capgov.enforcement.RedListCase;
import org.capgov.enforcement.ExitMeasure;
import org.capgov.enforcement.YellowListCase;

/**
 * SQL of the public lists over the read model {@code enforcement_list_case} (V13, kept by triggers from the
 * timelines). A page is found on the narrow table first (enterprise ids or case ids in list order, with the total), then
 * only the rows of that page are joined to cases, enterprises, regions, departments and events. Lists are public by
 * law (seed 001 四(三)), so no data scope applies; no column about people is read.
 */
@Repository
class PublicListRepository {

    /** The case is on the yellow list on :asOf. */
    private static final String YELLOW = "l.kind = 'RECTIFICATION' and l.opened_on <= :asOf "
            + "and (l.yellow_until is null or l.yellow_until > :asOf)";
    /** On the red list of the year of :asOf: approved on or before it, and still that year (red_until, V29). */
    private static final String RED = "l.red_since <= :asOf and l.red_until >= :asOf";
    private static final String EXITS = "l.announced_on between :from and :asOf";
    /** An environment case open on :asOf (V31): 超标排放. */
    private static final String OVER_LIMIT = "l.kind = 'RECTIFICATION' and l.dimension = 'ENVIRONMENT' "
            + "and l.opened_on <= :asOf and (l.over_limit_until is null or l.over_limit_until > :asOf)";
    /** …and found failed by :asOf: 超标排放严重. */
    private static final String SERIOUS = OVER_LIMIT + " and l.serious_since <= :asOf";
    private static final String REGION = " and l.region_path like :prefix";

    /**
     * Per case, its events up to :asOf read once through case_event (case_id, effective_date, id): whether an extension
     * had been granted, and the deadline set by the latest event that set one. A lateral aggregate rather than two
     * EXISTS/ORDER BY subqueries, which the planner turned into a hash of every GRANT_EXTENSION in the database.
     */
    private static final String EVENTS_AS_OF = """
            cross join lateral (select coalesce(bool_or(e.action = 'GRANT_EXTENSION'), false) as granted,
                                       (array_agg(e.deadline order by e.effective_date desc, e.id desc)
                                            filter (where e.deadline is not null))[1] as deadline
                                  from case_event e where e.case_id = c.id and e.effective_date <= :asOf) x""";

    /** The deadline in force on :asOf: the latest event up to then that set one, else the notice's. */
    private static final String DEADLINE_AS_OF =
            "coalesce(x.deadline, case when x.granted then c.deadline else coalesce(c.original_deadline, c.deadline) end)";

    /** Beyond this offset a page is found by grouping the list rather than by walking it (see {@link #walk}). */
    static final long WALK_LIMIT = 20_000;

    private final JdbcClient jdbc;

    PublicListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids in list order with the total. */
    record Slice<T>(List<T> ids, long total) {
    }

    /**
     * One page of the yellow list. With the total known (kept with the counts) and no region filter, the page is read by
     * walking the list in its order instead of grouping the whole list: see {@link #walk}.
     */
    Slice<Long> yellowEnterprises(PublicListQuery q, Long total) {
        if (total != null && q.regionPath() == null && q.offset() <= WALK_LIMIT) {
            return new Slice<>(walk(YELLOW, q), total);
        }
        return enterprises(YELLOW, "max(l.opened_on) desc", q, total);
    }

    Slice<Long> redEnterprises(PublicListQuery q, Long total) {
        return enterprises(RED, "min(l.red_since) desc", q, total);
    }

    Slice<Long> overLimitEnterprises(PublicListQuery q, boolean serious, Long total) {
        return enterprises(serious ? SERIOUS : OVER_LIMIT, "max(l.opened_on) desc", q, total);
    }

    /** The environment cases on the over-limit (or serious) list on :asOf of the given enterprises, newest first. */
    Map<Long, List<OverLimitEntry.Case>> overLimitCases(Collection<Long> enterpriseIds, LocalDate asOf,
            boolean serious) {
        Map<Long, List<OverLimitEntry.Case>> byEnterprise = new LinkedHashMap<>();
        if (enterpriseIds.isEmpty()) {
            return byEnterprise;
        }
        jdbc.sql("select l.enterprise_id, c.id, c.opened_on, case when l.serious_since <= :asOf then l.serious_since end, "
                + "c.department_code, d.name, " + DEADLINE_AS_OF + " from enforcement_list_case l "
                + "join enforcement_case c on c.id = l.case_id join department d on d.code = c.department_code "
                + EVENTS_AS_OF + " where l.enterprise_id in (:ids) and " + (serious ? SERIOUS : OVER_LIMIT)
                + " order by c.opened_on desc, c.id")
                .param("ids", enterpriseIds).param("asOf", asOf)
                .query((rs, n) -> {
                    byEnterprise.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new OverLimitEntry.Case(
                            rs.getString(2), date(rs, 3), date(rs, 7), date(rs, 4), rs.getString(5), rs.getString(6)));
                    return null;
                }).list();
        return byEnterprise;
    }

    /**
     * A page of enterprises in list order by grouping the filtered list; with {@code total} unknown (null), the total
     * comes with it from a window over the groups.
     */
    private Slice<Long> enterprises(String condition, String order, PublicListQuery q, Long total) {
        String where = condition + (q.regionPath() == null ? "" : REGION);
        if (total != null) {
            List<Long> ids = params(jdbc.sql("select l.enterprise_id from enforcement_list_case l where " + where
                    + " group by l.enterprise_id order by " + order + ", l.enterprise_id limit :limit offset :offset"), q)
                    .param("limit", q.size()).param("offset", q.offset()).query(Long.class).list();
            return new Slice<>(ids, total);
        }
        List<long[]> rows = params(jdbc.sql("select l.enterprise_id, count(*) over () from enforcement_list_case l where "
                + where + " group by l.enterprise_id order by " + order + ", l.enterprise_id limit :limit offset :offset"), q)
                .param("limit", q.size()).param("offset", q.offset())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        if (rows.isEmpty()) {
            // past the last page: the window gave no total, so count
            long count = params(jdbc.sql("select count(distinct l.enterprise_id) from enforcement_list_case l where "
                    + where), q).query(Long.class).single();
            return new Slice<>(List.of(), count);
        }
        return new Slice<>(rows.stream().map(r -> r[0]).toList(), rows.get(0)[1]);
    }

    /**
     * The enterprise ids of one page of a list ordered by its latest case opened (newest first, then by id), read by
     * walking its cases in that order (an index on opened_on, ties sorted per day) and keeping each enterprise's first
     * appearance, which is its latest case: only the cases up to the end of the page are read, where grouping reads the
     * whole list. Rounds of growing size continue after the last case read.
     */
    private List<Long> walk(String condition, PublicListQuery q) {
        long wanted = q.offset() + q.size();
        java.util.LinkedHashSet<Long> seen = new java.util.LinkedHashSet<>();
        LocalDate lastDay = null;
        long lastId = 0;
        int round = (int) Math.min(Math.max(2 * wanted, 100), 50_000);
        while (seen.size() < wanted) {
            String after = lastDay == null ? ""
                    : " and l.opened_on <= :lastDay and (l.opened_on < :lastDay or l.enterprise_id > :lastId)";
            var spec = params(jdbc.sql("select l.enterprise_id, l.opened_on from enforcement_list_case l where "
                    + condition + after + " order by l.opened_on desc, l.enterprise_id limit :round"), q)
                    .param("round", round);
            if (lastDay != null) {
                spec = spec.param("lastDay", lastDay).param("lastId", lastId);
            }
            List<Object[]> rows = spec.query((rs, n) -> new Object[] {rs.getLong(1), date(rs, 2)}).list();
            for (Object[] r : rows) {
                seen.add((Long) r[0]);
            }
            if (rows.size() < round) {
                break;
            }
            Object[] last = rows.get(rows.size() - 1);
            lastId = (Long) last[0];
            lastDay = (LocalDate) last[1];
            round = Math.min(round * 2, 50_000);
        }
        return seen.stream().skip(q.offset()).limit(q.size()).toList();
    }

    /**
     * The enterprises on a whole filtered list counted by their region's name and by industry, in one statement over
     * the narrow table: the list's distinct enterprises are found once. An enterprise of two industries counts in both;
     * the total is the number of enterprises. {@code from} is the first day of the exit list's year (unused by the other lists).
     */
    ListCounts counts(PublicList list, PublicListQuery q, LocalDate from) {
        String condition = switch (list) {
            case YELLOW -> YELLOW;
            case RED -> RED;
            case EXITS -> EXITS;
            case OVER_LIMIT -> OVER_LIMIT;
            case SERIOUS_OVER_LIMIT -> SERIOUS;
        };
        Map<String, Long> byRegion = new LinkedHashMap<>();
        Map<String, Long> byIndustry = new LinkedHashMap<>();
        long[] total = {0};
        // grouped once by region and set of industries (a few hundred groups), then folded here: cheaper than
        // grouping the enterprises twice and unnesting every enterprise's industries in the database
        var spec = params(jdbc.sql("""
                with listed as (select distinct l.enterprise_id from enforcement_list_case l where %s)
                select r.name, g.industries, g.n
                  from (select e.region_code, e.industries, count(*) as n from listed x
                          join enterprise e on e.id = x.enterprise_id group by e.region_code, e.industries) g
                  join region r on r.code = g.region_code"""
                .formatted(condition + (q.regionPath() == null ? "" : REGION))), q);
        if (list == PublicList.EXITS) {
            spec = spec.param("from", from);
        }
        spec.query((rs, n) -> {
            long count = rs.getLong(3);
            total[0] += count;
            byRegion.merge(rs.getString(1), count, Long::sum);
            for (Object industry : (Object[]) rs.getArray(2).getArray()) {
                byIndustry.merge(industry.toString(), count, Long::sum);
            }
            return null;
        }).list();
        return new ListCounts(total[0], byRegion, byIndustry);
    }

    Map<Long, ListedEnterprise> enterprises(Collection<Long> ids) {
        Map<Long, ListedEnterprise> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select e.id, e.uscc, e.name, e.region_code, r.name from enterprise e join region r on r.code = e.region_code "
                + "where e.id in (:ids)").param("ids", ids)
                .query((rs, n) -> new ListedEnterprise(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list().forEach(e -> found.put(e.id(), e));
        return found;
    }

    /** The open rectification cases on :asOf of the given enterprises, newest notice first. */
    Map<Long, List<YellowListCase>> yellowCases(Collection<Long> enterpriseIds, LocalDate asOf) {
        Map<Long, List<YellowListCase>> byEnterprise = new LinkedHashMap<>();
        if (enterpriseIds.isEmpty()) {
            return byEnterprise;
        }
        jdbc.sql("select l.enterprise_id, c.id, c.dimension, c.opened_on, c.department_code, d.name, x.granted, "
                + DEADLINE_AS_OF + " from enforcement_list_case l join enforcement_case c on c.id = l.case_id "
                + "join department d on d.code = c.department_code " + EVENTS_AS_OF
                + " where l.enterprise_id in (:ids) and " + YELLOW + " order by c.opened_on desc, c.id")
                .param("ids", enterpriseIds).param("asOf", asOf)
                .query((rs, n) -> {
                    LocalDate deadline = date(rs, 8);
                    byEnterprise.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new YellowListCase(
                            rs.getString(2), Dimension.valueOf(rs.getString(3)), date(rs, 4), deadline,
                            rs.getBoolean(7), deadline != null && asOf.isAfter(deadline), rs.getString(5),
                            rs.getString(6)));
                    return null;
                }).list();
        return byEnterprise;
    }

    /** The red-list cases on :asOf of the given enterprises, earliest first. */
    Map<Long, List<RedListCase>> redCases(Collection<Long> enterpriseIds, LocalDate asOf) {
        Map<Long, List<RedListCase>> byEnterprise = new LinkedHashMap<>();
        if (enterpriseIds.isEmpty()) {
            return byEnterprise;
        }
        jdbc.sql("select l.enterprise_id, c.id, l.kind, c.dimension, l.red_since, l.red_document, c.department_code, d.name, "
                + "l.red_until "
                + "from enforcement_list_case l join enforcement_case c on c.id = l.case_id "
                + "join department d on d.code = c.department_code "
                + "where l.enterprise_id in (:ids) and " + RED + " order by l.red_since, c.id")
                .param("ids", enterpriseIds).param("asOf", asOf)
                .query((rs, n) -> {
                    byEnterprise.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new RedListCase(
                            rs.getString(2), RedListCase.Basis.CLOSURE, Dimension.valueOf(rs.getString(4)), date(rs, 5),
                            date(rs, 9), rs.getString(6), rs.getString(7), rs.getString(8)));
                    return null;
                }).list();
        return byEnterprise;
    }

    /**
     * The exited items of cases announced between :from and :asOf: one row per equipment item named in the exit measures
     * (measures without equipment concern the enterprise as a whole), or the case's own equipment when it recorded none
     * (one pass over the measures: a case without any forms one group with no measure rows).
     * Capacity and product come from the measures, else from the register: looked up per item only when the measures
     * lack them (COALESCE evaluates the subquery only then), so that a year's items never join the whole register.
     */
    private static final String EXIT_ITEMS = """
            with announced as (
                select l.case_id, l.enterprise_id, l.announced_on, l.announce_document from enforcement_list_case l
                 where %s),
            items as (
                select a.case_id,
                       case when count(m.case_id) = 0
                            then (select c.equipment_id from enforcement_case c where c.id = a.case_id)
                            else m.equipment_id end as equipment_id,
                       max(m.capacity) as capacity, max(m.product) as product,
                       coalesce(array_agg(distinct m.measure order by m.measure) filter (where m.measure is not null),
                                '{}'::varchar[]) as measures,
                       coalesce(bool_or(m.commitment), false) as commitment
                  from announced a left join case_exit_measure m on m.case_id = a.case_id
                 group by a.case_id, m.equipment_id),
            rows as (
                select i.case_id, a.enterprise_id, a.announced_on, a.announce_document, i.equipment_id, i.measures,
                       i.commitment,
                       coalesce(i.product, (select q.product from equipment q where q.id = i.equipment_id)) as product,
                       coalesce(i.capacity, (select q.annual_capacity from equipment q where q.id = i.equipment_id))
                           as capacity
                  from items i join announced a on a.case_id = i.case_id)
            """;

    /** The exit list in list order. */
    private static final String EXIT_ORDER = "announced_on desc, case_id, equipment_id nulls first";

    /** One page of the exit list with its total and the capacity per product over the whole filtered list. */
    record ExitSlice(List<ExitListEntry> rows, long total, Map<String, BigDecimal> capacityByProduct) {
    }

    /**
     * One statement for the page, the total and the sums: the year's items are gathered once (the CTE {@code rows},
     * read twice, is materialised), the page is cut from them and only its rows are joined to the register for code
     * and type; the sums come back as extra rows without a case (product null: the total).
     */
    ExitSlice exits(PublicListQuery q, LocalDate from) {
        String where = EXITS + (q.regionPath() == null ? "" : REGION);
        List<Object[]> page = new ArrayList<>();
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        long[] total = {0};
        params(jdbc.sql(EXIT_ITEMS.formatted(where) + """
                , page as (
                    select r.*, row_number() over (order by %1$s) as n from rows r order by %1$s limit :limit offset :offset)
                select p.case_id, p.enterprise_id, p.announced_on, p.announce_document, q.code, q.type, p.product,
                       p.capacity, p.measures, p.commitment, p.n, null::bigint as items
                  from page p left join equipment q on q.id = p.equipment_id
                union all
                select null, null, null, null, null, null, product, sum(capacity), null, null, null, count(*)
                  from rows group by grouping sets ((product), ()) having grouping(product) = 1 or product is not null
                order by 11, 7""".formatted(EXIT_ORDER)), q)
                .param("from", from).param("limit", q.size()).param("offset", q.offset())
                .query((rs, n) -> {
                    if (rs.getString(1) != null) {
                        page.add(exitRow(rs));
                    } else if (rs.getString(7) == null) {
                        total[0] = rs.getLong(12);
                    } else {
                        sums.put(rs.getString(7), rs.getBigDecimal(8));
                    }
                    return null;
                }).list();
        Map<Long, ListedEnterprise> names = enterprises(page.stream().map(r -> (Long) r[1]).distinct().toList());
        return new ExitSlice(page.stream().map(r -> exit(r, names.get((Long) r[1]))).toList(), total[0], sums);
    }

    /** Every exit of one enterprise announced up to :asOf. */
    List<ExitListEntry> exitsOf(long enterpriseId, LocalDate asOf) {
        List<Object[]> rows = jdbc.sql(EXIT_ITEMS.formatted(EXITS + " and l.enterprise_id = :enterprise") + """
                select r.case_id, r.enterprise_id, r.announced_on, r.announce_document, q.code, q.type, r.product,
                       r.capacity, r.measures, r.commitment
                  from rows r left join equipment q on q.id = r.equipment_id order by %s""".formatted(EXIT_ORDER))
                .param("from", LocalDate.of(1900, 1, 1)).param("asOf", asOf).param("enterprise", enterpriseId)
                .query((rs, n) -> exitRow(rs)).list();
        Map<Long, ListedEnterprise> names = enterprises(List.of(enterpriseId));
        return rows.stream().map(r -> exit(r, names.get(enterpriseId))).toList();
    }

    private static Object[] exitRow(ResultSet rs) throws SQLException {
        return new Object[] {rs.getString(1), rs.getLong(2), date(rs, 3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getBigDecimal(8), measures(rs.getArray(9)), rs.getBoolean(10)};
    }

    private static ExitListEntry exit(Object[] r, ListedEnterprise enterprise) {
        @SuppressWarnings("unchecked")
        List<ExitMeasure> measures = (List<ExitMeasure>) r[8];
        return new ExitListEntry((String) r[0], enterprise, (String) r[4], (String) r[5], (String) r[6],
                (BigDecimal) r[7], measures, (Boolean) r[9], (LocalDate) r[2], (String) r[3]);
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, PublicListQuery q) {
        spec = spec.param("asOf", q.asOf());
        return q.regionPath() == null ? spec : spec.param("prefix", q.regionPath() + "%");
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static List<ExitMeasure> measures(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(o -> ExitMeasure.valueOf(o.toString())).toList();
    }
}
