package org.capgov.registry;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.capgov.shared.DataScope;
import org.capgov.shared.Industry;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.capgov.registry.validation.ValidEnterprise;

/** SQL for enterprises, their status history, grid accounts and affiliations. */
@Repository
class EnterpriseRepository {

    static final String SCOPE_PATH = "e.region_path";
    static final String SCOPE_ENTERPRISE = "e.uscc";
    private static final Map<String, String> SORTS = Map.of("name", "e.name", "uscc", "e.uscc", "region",
            "e.region_path", "status", "e.status", "updated", "e.updated_at");
    private static final String SELECT = """
            select e.*, r.name as region_name, p.uscc as parent_uscc,
                   (select array_agg(a.uscc order by a.uscc) from enterprise_affiliation f
                      join enterprise a on a.id = f.affiliate_id where f.enterprise_id = e.id) as affiliates,
                   (select array_agg(g.account_no order by g.account_no) from grid_account g
                      where g.enterprise_id = e.id and g.valid_to is null) as grid_accounts
            from enterprise e join region r on r.code = e.region_code left join enterprise p on p.id = e.parent_id
            """;

    private final JdbcClient jdbc;
    private final EnterpriseTally tally;

    EnterpriseRepository(JdbcClient jdbc, EnterpriseTally tally) {
        this.jdbc = jdbc;
        this.tally = tally;
    }

    Optional<Enterprise> find(String uscc, DataScope scope) {
        SqlPredicate inScope = scope.predicate(SCOPE_PATH, null, SCOPE_ENTERPRISE);
        return jdbc.sql(SELECT + " where e.uscc = :uscc and " + inScope.sql()).params(inScope.params())
                .param("uscc", uscc).query((rs, n) -> map(rs)).optional();
    }

    long count(DataScope scope) {
        SqlPredicate inScope = scope.predicate(SCOPE_PATH, null, SCOPE_ENTERPRISE);
        return jdbc.sql("select count(*) from enterprise e where " + inScope.sql()).params(inScope.params())
                .query(Long.class).single();
    }

    long countEquipment(DataScope scope) {
        SqlPredicate inScope = scope.predicate(SCOPE_PATH, null, SCOPE_ENTERPRISE);
        return jdbc.sql("select count(*) from equipment q join enterprise e on e.id = q.enterprise_id where "
                + inScope.sql()).params(inScope.params()).query(Long.class).single();
    }

    Optional<Long> idOf(String uscc) {
        return jdbc.sql("select id from enterprise where uscc = :u").param("u", uscc).query(Long.class).optional();
    }

    record Page(List<Enterprise> rows, long total, boolean totalCapped) {
    }

    /** A region filter: the subtree under a path, with the paths of every region in it (itself included). */
    record Subtree(String path, List<String> paths) {
        boolean leaf() {
            return paths.size() == 1;
        }
    }

    /** Above this many regions in a subtree, a page by name is one sorted query instead of one branch per region. */
    private static final int MAX_BRANCHES = 200;

    /** Total counts stop at this many rows: exact beyond it costs more than any reader gains. */
    static final int COUNT_CAP = 10_000;

    Page search(EnterpriseFilter f, Subtree region, DataScope scope, int page, int size) {
        SqlPredicate inScope = scope.predicate(SCOPE_PATH, null, SCOPE_ENTERPRISE);
        Map<String, Object> params = new HashMap<>(inScope.params());
        StringBuilder where = new StringBuilder(inScope.sql());
        where(f, region, where, params);
        String order = SORTS.getOrDefault(f.sort() == null ? "name" : f.sort(), "e.name") + (f.descending() ? " desc" : "")
                + ", e.id";
        params.put("limit", size);
        params.put("offset", (long) page * size);
        params.put("cap", COUNT_CAP + 1);
        boolean byName = f.sort() == null || "name".equals(f.sort()) || !SORTS.containsKey(f.sort());
        boolean branches = region != null && !region.leaf() && byName && !f.descending()
                && region.paths().size() <= MAX_BRANCHES;
        // region + industry (+ status): total from the tally, page from enterprise_industry
        OptionalLong tallied = tally.count(f, region, scope);
        long offset = (long) page * size;
        if (tallied.isPresent() && region != null && byName && !f.descending() && region.paths().size() <= MAX_BRANCHES) {
            long total = tallied.getAsLong();
            return capped(total <= offset ? List.of() : pageByIndustry(f, region, scope, page, size), total);
        }
        if (!branches) {
            if (tallied.isPresent() && tallied.getAsLong() <= offset) {
                // no match on this page: a walk in name order would read the whole district to find that out
                return capped(List.of(), tallied.getAsLong());
            }
            List<Enterprise> rows = page(where, order, params);
            if (tallied.isPresent()) {
                return capped(rows, tallied.getAsLong());
            }
            // a short page that is not empty (or an empty first page) is the end of the list and gives the total by
            // itself, which spares the count its second walk over a district when few enterprises match
            if (rows.size() < size && (!rows.isEmpty() || page == 0)) {
                return new Page(rows, offset + rows.size(), false);
            }
            return capped(rows, count(where, params));
        }
        long matches = tallied.isPresent() ? tallied.getAsLong() : count(where, params);
        // up to the cap, sorting every match is cheap; beyond it the matches are dense enough that each region of
        // the subtree yields its first page after a short walk in name order
        return capped(matches > COUNT_CAP ? pageByBranches(f, region, scope, page, size) : page(where, order, params),
                matches);
    }

    private static Page capped(List<Enterprise> rows, long total) {
        return new Page(rows, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    private List<Enterprise> page(CharSequence where, String order, Map<String, Object> params) {
        return jdbc.sql(SELECT + " where " + where + " order by " + order + " limit :limit offset :offset").params(params)
                .query((rs, n) -> map(rs)).list();
    }

    /** Matches counted up to one past the cap. */
    private long count(CharSequence where, Map<String, Object> params) {
        return jdbc.sql("select count(*) from (select 1 from enterprise e where " + where + " limit :cap) t")
                .params(params).query(Long.class).single();
    }

    /**
     * A page in name order of a subtree with several regions (a city or province): the first page+size matches of each
     * region, read in name order from enterprise_region_name, merged. One sorted query over the whole subtree would
     * have to sort every match.
     */
    List<Enterprise> pageByBranches(EnterpriseFilter f, Subtree region, DataScope scope, int page, int size) {
        SqlPredicate inScope = scope.predicate(SCOPE_PATH, null, SCOPE_ENTERPRISE);
        Map<String, Object> params = new HashMap<>(inScope.params());
        StringBuilder where = new StringBuilder(inScope.sql());
        where(f, null, where, params);
        return mergedBranches("select e.id, e.name from enterprise e where " + where + " and e.region_path = :branch%d "
                + "order by e.name, e.id", region, params, page, size);
    }

    /**
     * A page in name order of the enterprises of one industry in a region subtree, read from enterprise_industry
     * (V22), whose index holds them by industry, region and name: each region of the subtree yields its first matches
     * without passing over enterprises of other industries. Only for filters {@link EnterpriseTally#covers} covers.
     */
    List<Enterprise> pageByIndustry(EnterpriseFilter f, Subtree region, DataScope scope, int page, int size) {
        SqlPredicate inScope = scope.regionPredicate("x.region_path");
        Map<String, Object> params = new HashMap<>(inScope.params());
        StringBuilder where = new StringBuilder(inScope.sql()).append(" and x.industry = :industry");
        params.put("industry", Industry.valueOf(f.industry().trim().toUpperCase()).name());
        if (f.status() != null && !f.status().isBlank()) {
            where.append(" and x.status = :status");
            params.put("status", EnterpriseStatus.valueOf(f.status().trim().toUpperCase()).name());
        }
        return mergedBranches("select x.enterprise_id as id, x.name from enterprise_industry x where " + where
                + " and x.region_path = :branch%d order by x.name, x.enterprise_id", region, params, page, size);
    }

    /**
     * The page of the union of one name-ordered query per region of the subtree ({@code branch}, with {@code %d} for
     * the number of its region path parameter), each cut at the rows the page needs.
     */
    private List<Enterprise> mergedBranches(String branch, Subtree region, Map<String, Object> params, int page, int size) {
        params.put("branchLimit", (long) (page + 1) * size);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        StringBuilder ids = new StringBuilder("select id from (");
        for (int i = 0; i < region.paths().size(); i++) {
            params.put("branch" + i, region.paths().get(i));
            ids.append(i == 0 ? "(" : " union all (").append(String.format(branch, i)).append(" limit :branchLimit)");
        }
        ids.append(") t order by name, id limit :limit offset :offset");
        return jdbc.sql(SELECT + " where e.id in (" + ids + ") order by e.name, e.id").params(params)
                .query((rs, n) -> map(rs)).list();
    }

    /** Streams every enterprise matching the filter, in USCC order, for exports. */
    void stream(EnterpriseFilter f, Subtree region, DataScope scope, java.util.function.Consumer<Enterprise> sink) {
        SqlPredicate inScope = scope.predicate(SCOPE_PATH, null, SCOPE_ENTERPRISE);
        Map<String, Object> params = new HashMap<>(inScope.params());
        StringBuilder where = new StringBuilder(inScope.sql());
        where(f, region, where, params);
        jdbc.sql(SELECT + " where " + where + " order by e.uscc").params(params).withFetchSize(2000)
                .query((ResultSet rs) -> {
                    sink.accept(map(rs));
                });
    }

    private static void where(EnterpriseFilter f, Subtree region, StringBuilder where, Map<String, Object> params) {
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" and (e.name ilike :text or e.uscc like :usccPrefix)");
            params.put("text", org.capgov.shared.LikePattern.contains(f.text().trim()));
            params.put("usccPrefix", org.capgov.shared.LikePattern.startsWith(f.text().trim().toUpperCase()));
        }
        if (region != null && region.leaf()) {
            // same rows as the prefix, but the planner can then read enterprise_region_name in name order
            where.append(" and e.region_path = :regionPath");
            params.put("regionPath", region.path());
        } else if (region != null) {
            where.append(" and e.region_path like :regionPath");
            params.put("regionPath", region.path() + "%");
        }
        if (f.industry() != null && !f.industry().isBlank()) {
            where.append(" and e.industries @> cast(:industry as varchar[])");
            params.put("industry", "{" + Industry.valueOf(f.industry().trim().toUpperCase()).name() + "}");
        }
        if (f.status() != null && !f.status().isBlank()) {
            where.append(" and e.status = :status");
            params.put("status", EnterpriseStatus.valueOf(f.status().trim().toUpperCase()).name());
        }
        if (f.capacityMin() != null || f.capacityMax() != null) {
            where.append(" and (select coalesce(sum(q.annual_capacity), 0) from equipment q where q.enterprise_id = e.id "
                    + "and q.status = 'OPERATING'" + (f.product() != null && !f.product().isBlank() ? " and q.product = :product" : "")
                    + ") between :capMin and :capMax");
            if (f.product() != null && !f.product().isBlank()) {
                params.put("product", f.product().trim().toUpperCase());
            }
            params.put("capMin", f.capacityMin() == null ? java.math.BigDecimal.ZERO : f.capacityMin());
            params.put("capMax", f.capacityMax() == null ? new java.math.BigDecimal("1e15") : f.capacityMax());
        }
    }

    long insert(ValidEnterprise e, Long parentId) {
        return jdbc.sql("""
                insert into enterprise (uscc, uscc_flag, name, region_code, region_path, address, industries,
                                        legal_representative, parent_id, status, status_since)
                values (:uscc, :flag, :name, :region, :path, :address, cast(:industries as varchar[]), :legal, :parent,
                        :status, :since) returning id
                """).params(columns(e, parentId)).query(Long.class).single();
    }

    void update(long id, ValidEnterprise e, Long parentId) {
        Map<String, Object> p = columns(e, parentId);
        p.put("id", id);
        jdbc.sql("""
                update enterprise set uscc_flag = :flag, name = :name, region_code = :region, region_path = :path,
                       address = :address, industries = cast(:industries as varchar[]), legal_representative = :legal,
                       parent_id = :parent, updated_at = now()
                where id = :id
                """).params(p).update();
    }

    void setStatus(long id, EnterpriseStatus status, LocalDate since) {
        jdbc.sql("update enterprise set status = :s, status_since = :d, updated_at = now() where id = :id")
                .param("s", status.name()).param("d", since).param("id", id).update();
    }

    void addStatus(long id, String status, LocalDate from, String document, String note, String by) {
        jdbc.sql("update enterprise_status_history set effective_to = :from where enterprise_id = :id and effective_to is null "
                + "and effective_from <= :from").param("from", from).param("id", id).update();
        jdbc.sql("""
                insert into enterprise_status_history (enterprise_id, status, effective_from, document, note, recorded_by)
                values (:id, :status, :from, :doc, :note, :by)
                """).param("id", id).param("status", status).param("from", from).param("doc", document)
                .param("note", note).param("by", by).update();
    }

    List<StatusRecord> history(long id) {
        return jdbc.sql("select * from enterprise_status_history where enterprise_id = :id order by effective_from, id")
                .param("id", id).query((rs, n) -> status(rs)).list();
    }

    /** The enterprise currently holding a grid account, if another one holds it. */
    Optional<String> accountHolder(String accountNo, long exceptEnterprise) {
        return jdbc.sql("""
                select e.uscc from grid_account g join enterprise e on e.id = g.enterprise_id
                where g.account_no = :a and g.valid_to is null and g.enterprise_id <> :id
                """).param("a", accountNo).param("id", exceptEnterprise).query(String.class).optional();
    }

    void setGridAccounts(long id, List<String> accounts, LocalDate today) {
        jdbc.sql("update grid_account set valid_to = :today where enterprise_id = :id and valid_to is null "
                + "and not (account_no = any(cast(:keep as varchar[])))").param("today", today).param("id", id)
                .param("keep", "{" + String.join(",", accounts) + "}").update();
        for (String a : accounts) {
            jdbc.sql("""
                    insert into grid_account (account_no, enterprise_id, valid_from)
                    select :a, :id, :today where not exists
                      (select 1 from grid_account where account_no = :a and enterprise_id = :id and valid_to is null)
                    """).param("a", a).param("id", id).param("today", today).update();
        }
    }

    void setAffiliates(long id, List<Long> affiliateIds) {
        jdbc.sql("delete from enterprise_affiliation where enterprise_id = :id").param("id", id).update();
        for (Long a : affiliateIds) {
            jdbc.sql("insert into enterprise_affiliation (enterprise_id, affiliate_id, relation) values (:id, :a, 'AFFILIATE')")
                    .param("id", id).param("a", a).update();
        }
    }

    private static Map<String, Object> columns(ValidEnterprise e, Long parentId) {
        Map<String, Object> p = new HashMap<>();
        p.put("uscc", e.uscc());
        p.put("flag", e.usccFlag());
        p.put("name", e.name());
        p.put("region", e.regionCode());
        p.put("path", e.regionPath());
        p.put("address", e.address());
        p.put("industries", "{" + String.join(",", e.industries().stream().map(Enum::name).toList()) + "}");
        p.put("legal", e.legalRepresentative());
        p.put("parent", parentId);
        p.put("status", e.status().name());
        p.put("since", e.statusSince());
        return p;
    }

    static StatusRecord status(ResultSet rs) throws SQLException {
        java.sql.Date to = rs.getDate("effective_to");
        return new StatusRecord(rs.getString("status"), rs.getDate("effective_from").toLocalDate(),
                to == null ? null : to.toLocalDate(), rs.getString("document"), rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }

    private static Enterprise map(ResultSet rs) throws SQLException {
        return new Enterprise(rs.getLong("id"), rs.getString("uscc"), rs.getString("uscc_flag"), rs.getString("name"),
                rs.getString("region_code"), rs.getString("region_name"), rs.getString("region_path"),
                rs.getString("address"), strings(rs.getArray("industries")).stream().map(Industry::valueOf).toList(),
                rs.getString("legal_representative"), rs.getString("parent_uscc"), strings(rs.getArray("affiliates")),
                strings(rs.getArray("grid_accounts")), EnterpriseStatus.valueOf(rs.getString("status")),
                rs.getDate("status_since").toLocalDate(), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream((Object[]) array.getArray()).map(Object::toString).toList());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
