package org.capgov.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.capgov.shared.DataScope;
import org.capgov.shared.Industry;
import org.capgov.shared.SqlPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Enterprise counts per region × industry × status (table {@code enterprise_tally}, kept by triggers, see V22): the
 * total of a search filtered by region subtree, industry and status without walking the matches.
 */
@Repository
class EnterpriseTally {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseTally.class);

    private final JdbcClient jdbc;

    EnterpriseTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether the tally (and enterprise_industry) can answer the filter: an industry is given (without one, an
     * enterprise of two industries would count twice), no text or capacity filter, and a scope of regions only (an
     * enterprise user's scope is one enterprise, which they do not know).
     */
    static boolean covers(EnterpriseFilter f, DataScope scope) {
        return !blank(f.industry()) && blank(f.text()) && f.capacityMin() == null && f.capacityMax() == null
                && scope.grants().stream().noneMatch(g -> g.enterpriseUscc() != null);
    }

    /** The number of enterprises matching the filter, when the tally {@link #covers} it. */
    OptionalLong count(EnterpriseFilter f, EnterpriseRepository.Subtree region, DataScope scope) {
        if (!covers(f, scope)) {
            return OptionalLong.empty();
        }
        SqlPredicate inScope = scope.regionPredicate("t.region_path");
        Map<String, Object> params = new HashMap<>(inScope.params());
        StringBuilder where = new StringBuilder(inScope.sql()).append(" and t.industry = :industry");
        params.put("industry", Industry.valueOf(f.industry().trim().toUpperCase()).name());
        if (region != null) {
            where.append(" and t.region_path like :regionPath");
            params.put("regionPath", region.path() + "%");
        }
        if (!blank(f.status())) {
            where.append(" and t.status = :status");
            params.put("status", EnterpriseStatus.valueOf(f.status().trim().toUpperCase()).name());
        }
        return OptionalLong.of(jdbc.sql("select coalesce(sum(t.n), 0) from enterprise_tally t where " + where)
                .params(params).query(Long.class).single());
    }

    /**
     * Folds the deltas into one row per region × industry × status. Safe beside running changes and another fold:
     * the DELETE removes exactly the rows its snapshot sees and the INSERT puts back their sums; deltas committed
     * meanwhile are left for the next fold.
     */
    @Scheduled(fixedDelayString = "${capgov.registry.tally-fold:PT1H}", initialDelayString = "PT5M")
    void fold() {
        long t0 = System.nanoTime();
        long rows = jdbc.sql("""
                with d as (delete from enterprise_tally returning *)
                insert into enterprise_tally (region_path, industry, status, n)
                select region_path, industry, status, sum(n) from d group by 1, 2, 3 having sum(n) <> 0
                """).update();
        log.debug("enterprise tally folded into {} rows in {} ms", rows, (System.nanoTime() - t0) / 1_000_000);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
