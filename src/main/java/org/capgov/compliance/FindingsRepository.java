package org.capgov.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads stored findings. Every query names one run (so only that run's partition is read) and takes its scope
 * condition from {@link DataScope#predicate}: region subtree × dimension of the rule × the granted enterprise.
 */
@Repository
class FindingsRepository {

    /** Total counts stop here: exact beyond it costs more than a reader gains. */
    static final int COUNT_CAP = 10_000;
    private static final String SELECT = """
            select f.*, e.name as enterprise_name from finding f join enterprise e on e.id = f.enterprise_id
            """;
    // the (run_id, enterprise_id) index gives this order; the rest is sorted per enterprise only
    private static final String ORDER = " order by f.enterprise_id, f.dimension, f.rule_id, f.subject, f.status";

    record Page(List<FindingsRow> rows, long total, boolean capped) {
    }

    /** Counts of one enterprise × dimension by status, with the enterprise's name. */
    record Tally(String uscc, String name, String dimension, Map<String, Long> counts) {
    }

    private final JdbcClient jdbc;

    FindingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page page(long runId, FindingsFilter f, String regionPath, DataScope scope, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(runId, f, regionPath, scope, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<FindingsRow> rows = jdbc.sql(SELECT + " where " + where + ORDER + " limit :limit offset :offset")
                .params(params).query((rs, n) -> map(rs)).list();
        params.put("cap", COUNT_CAP + 1);
        long total = jdbc.sql("select count(*) from (select 1 from finding f where " + where + " limit :cap) t")
                .params(params).query(Long.class).single();
        return new Page(rows, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    void stream(long runId, FindingsFilter f, String regionPath, DataScope scope, Consumer<FindingsRow> sink) {
        Map<String, Object> params = new HashMap<>();
        String where = where(runId, f, regionPath, scope, params);
        jdbc.sql(SELECT + " where " + where + ORDER).params(params).withFetchSize(2000).query((ResultSet rs) -> {
            sink.accept(map(rs));
        });
    }

    /** Counts by dimension × status over everything the filter and scope let through. */
    Map<String, Map<String, Long>> totals(long runId, FindingsFilter f, String regionPath, DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = where(runId, f, regionPath, scope, params);
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        jdbc.sql("select coalesce(f.dimension, ''), f.status, count(*) from finding f where " + where
                + " group by 1, 2 order by 1, 2").params(params).query((ResultSet rs) -> {
                    out.computeIfAbsent(rs.getString(1), d -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return out;
    }

    /** Per enterprise × dimension counts for one page of enterprises (ordered by enterprise id). */
    List<Tally> tallies(long runId, FindingsFilter f, String regionPath, DataScope scope, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(runId, f, regionPath, scope, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        Map<String, Tally> out = new LinkedHashMap<>();
        jdbc.sql("""
                with page as (select distinct f.enterprise_id from finding f where %s
                              order by f.enterprise_id limit :limit offset :offset)
                select e.uscc, e.name, coalesce(f.dimension, ''), f.status, count(*)
                from page p join enterprise e on e.id = p.enterprise_id
                join finding f on f.enterprise_id = p.enterprise_id and %s
                group by p.enterprise_id, e.uscc, e.name, 3, 4 order by p.enterprise_id, 3, 4
                """.formatted(where, where)).params(params).query((ResultSet rs) -> {
                    String key = rs.getString(1) + "\u0000" + rs.getString(3);
                    out.computeIfAbsent(key, k -> {
                        try {
                            return new Tally(rs.getString(1), rs.getString(2), rs.getString(3), new LinkedHashMap<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }).counts().put(rs.getString(4), rs.getLong(5));
                });
        return new ArrayList<>(out.values());
    }

    /** One finding of a run (not a conflict row) by enterprise, rule and subject, within the scope. */
    java.util.Optional<FindingsRow> one(long runId, String uscc, String ruleId, String subject, DataScope scope) {
        SqlPredicate inScope = scope.predicate("f.region_path", "f.dimension", "f.uscc");
        return jdbc.sql(SELECT + " where f.run_id = :run and f.uscc = :uscc and f.rule_id = :rule and f.subject = :subject"
                + " and f.status <> 'CONFLICT' and " + inScope.sql() + " limit 1")
                .params(inScope.params()).param("run", runId).param("uscc", uscc).param("rule", ruleId)
                .param("subject", subject).query((rs, n) -> map(rs)).optional();
    }

    private static String where(long runId, FindingsFilter f, String regionPath, DataScope scope,
            Map<String, Object> params) {
        SqlPredicate inScope = scope.predicate("f.region_path", "f.dimension", "f.uscc");
        params.putAll(inScope.params());
        params.put("run", runId);
        StringBuilder where = new StringBuilder("f.run_id = :run and ").append(inScope.sql());
        if (regionPath != null) {
            where.append(" and f.region_path like :regionPath");
            params.put("regionPath", regionPath + "%");
        }
        if (f.industry() != null) {
            where.append(" and exists (select 1 from enterprise x where x.id = f.enterprise_id"
                    + " and x.industries @> cast(:industry as varchar[]))");
            params.put("industry", "{" + f.industry() + "}");
        }
        if (f.dimension() != null) {
            where.append(" and f.dimension = :dimension");
            params.put("dimension", f.dimension());
        }
        if (f.status() != null) {
            where.append(" and f.status = :status");
            params.put("status", f.status());
        }
        if (f.rule() != null) {
            where.append(" and f.rule_id = :rule");
            params.put("rule", f.rule());
        }
        if (f.uscc() != null) {
            where.append(" and f.uscc = :uscc");
            params.put("uscc", f.uscc());
        }
        return where.toString();
    }

    private static FindingsRow map(ResultSet rs) throws SQLException {
        return new FindingsRow(rs.getLong("run_id"), rs.getString("uscc"), rs.getString("enterprise_name"),
                rs.getString("region_path"), rs.getString("rule_id"), rs.getString("document_id"),
                rs.getString("dimension"), rs.getString("status"), rs.getString("subject"), rs.getString("metric"),
                rs.getString("value"), rs.getString("comparator"), rs.getString("limit_value"), rs.getString("unit"),
                rs.getString("severity"), rs.getObject("deadline", LocalDate.class), rs.getString("confidence"),
                rs.getBoolean("flagged"), rs.getString("conflict_with"), rs.getString("note"));
    }
}
