package org.capgov.disclosure;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public projection of the register. It selects the disclosed columns only, so that personal data (legal
 * representative, address, grid accounts) cannot reach a public page by a template mistake: it is never loaded.
 */
@Repository
class PublicEnterpriseRepository {

    /** Totals stop here: the public search needs "more than 10,000", not an exact count of a million rows. */
    static final int COUNT_CAP = 10_000;
    private static final String SELECT = """
            select e.uscc, e.name, e.region_code, r.name as region_name, e.region_path, e.industries, e.status, e.status_since
            from enterprise e join region r on r.code = e.region_code
            """;

    record Page(List<PublicEnterprise> rows, long total, boolean totalCapped) {
    }

    private final JdbcClient jdbc;

    PublicEnterpriseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PublicEnterprise> find(String uscc) {
        return jdbc.sql(SELECT + " where e.uscc = :uscc").param("uscc", uscc).query((rs, n) -> map(rs)).optional();
    }

    Optional<Long> idOf(String uscc) {
        return jdbc.sql("select id from enterprise where uscc = :uscc").param("uscc", uscc).query(Long.class).optional();
    }

    /** By name (part) or USCC (prefix), region subtree and industry; in name order. */
    Page search(String text, String regionPath, String industry, int page, int size) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> params = new HashMap<>();
        if (text != null && !text.isBlank()) {
            where.append(" and (e.name ilike :text or e.uscc like :usccPrefix)");
            params.put("text", org.capgov.shared.LikePattern.contains(text.trim()));
            params.put("usccPrefix", org.capgov.shared.LikePattern.startsWith(text.trim().toUpperCase(java.util.Locale.ROOT)));
        }
        if (regionPath != null) {
            where.append(" and e.region_path like :regionPath");
            params.put("regionPath", regionPath + "%");
        }
        if (industry != null) {
            where.append(" and e.industries @> cast(:industry as varchar[])");
            params.put("industry", "{" + industry + "}");
        }
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<PublicEnterprise> rows = jdbc.sql(SELECT + " where " + where + " order by e.name, e.id limit :limit offset :offset")
                .params(params).query((rs, n) -> map(rs)).list();
        params.put("cap", COUNT_CAP + 1);
        long total = jdbc.sql("select count(*) from (select 1 from enterprise e where " + where + " limit :cap) t")
                .params(params).query(Long.class).single();
        return new Page(rows, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    private static PublicEnterprise map(ResultSet rs) throws SQLException {
        Array industries = rs.getArray("industries");
        List<String> codes = Arrays.stream((Object[]) industries.getArray()).map(String::valueOf).sorted().toList();
        return new PublicEnterprise(rs.getString("uscc"), rs.getString("name"), rs.getString("region_code"),
                rs.getString("region_name"), rs.getString("region_path"), codes, rs.getString("status"),
                rs.getDate("status_since").toLocalDate());
    }
}
