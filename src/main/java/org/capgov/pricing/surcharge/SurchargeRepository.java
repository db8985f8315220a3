package org.capgov.pricing.surcharge;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.capgov.pricing.scale.EnterpriseFacts;
import org.capgov.pricing.scale.GreenPowerRelief;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts the surcharge rules read, in a few set-wise queries per list (not per account): the adverse findings of
 * the latest compliance run done for the month, verified values of the previous year, activities, upheld
 * objections; then the accounts of the subtree, streamed.
 */
@Repository
class SurchargeRepository {

    /** A grid account in force during the month, with its enterprise. */
    record Account(String accountNo, long enterpriseId, String uscc, String name, String regionPath,
            List<String> industries) {
    }

    /** The adverse and measured facts of the enterprises of a subtree, keyed by enterprise id. */
    record Facts(Map<Long, List<EnterpriseFacts.Eliminated>> eliminated,
            Map<Long, List<EnterpriseFacts.Noncompliance>> noncompliant,
            Map<Long, List<EnterpriseFacts.VerifiedValue>> verified, Map<Long, Set<String>> activities,
            Set<String> withdrawn, Map<String, GreenPowerRelief.GreenShare> greenShares) {
    }

    private final JdbcClient jdbc;

    SurchargeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest DONE compliance run evaluated as of a day in or before the month. */
    Optional<Long> run(YearMonth month) {
        return jdbc.sql("select id from evaluation_run where status = 'DONE' and as_of <= :end order by as_of desc, id desc "
                + "limit 1").param("end", Date.valueOf(month.atEndOfMonth())).query(Long.class).optional();
    }

    Facts facts(YearMonth month, String path, DataScope scope, List<String> metrics) {
        Map<Long, List<EnterpriseFacts.Eliminated>> eliminated = new HashMap<>();
        Map<Long, List<EnterpriseFacts.Noncompliance>> noncompliant = new HashMap<>();
        Optional<Long> run = run(month);
        if (run.isPresent()) {
            SqlPredicate s = scope.predicate("f.region_path", null, "f.uscc");
            Map<String, Object> p = new HashMap<>(s.params());
            p.put("run", run.get());
            p.put("path", path + "%");
            jdbc.sql("""
                    select f.enterprise_id, f.uscc, f.rule_id, f.subject, f.status, f.dimension, f.metric, f.value,
                           f.limit_value, q.type, r.catalogue_version
                    from finding f join evaluation_run r on r.id = f.run_id
                    left join equipment q on q.enterprise_id = f.enterprise_id and q.code = f.subject
                    where f.run_id = :run and f.status in ('ELIMINATED', 'NONCOMPLIANT') and f.region_path like :path
                      and """ + " " + s.sql()).params(p).query((ResultSet rs) -> {
                        long id = rs.getLong("enterprise_id");
                        String findingId = run.get() + ":" + rs.getString("uscc") + ":" + rs.getString("rule_id") + ":"
                                + rs.getString("subject");
                        if ("ELIMINATED".equals(rs.getString("status"))) {
                            eliminated.computeIfAbsent(id, k -> new ArrayList<>()).add(new EnterpriseFacts.Eliminated(
                                    findingId, rs.getString("rule_id"), rs.getString("type"), rs.getString("catalogue_version")));
                        } else if (rs.getString("metric") != null) {
                            noncompliant.computeIfAbsent(id, k -> new ArrayList<>()).add(new EnterpriseFacts.Noncompliance(
                                    findingId, rs.getString("rule_id"), rs.getString("dimension"), rs.getString("metric"),
                                    number(rs.getString("value")), number(rs.getString("limit_value")),
                                    rs.getString("catalogue_version")));
                        }
                    });
        }
        Map<Long, List<EnterpriseFacts.VerifiedValue>> verified = new HashMap<>();
        if (!metrics.isEmpty()) {
            int year = month.getYear() - 1;
            SqlPredicate s = scope.predicate("e.region_path", null, "e.uscc");
            Map<String, Object> p = new HashMap<>(s.params());
            p.put("metrics", metrics);
            p.put("from", Date.valueOf(java.time.LocalDate.of(year, 1, 1)));
            p.put("to", Date.valueOf(java.time.LocalDate.of(year, 12, 31)));
            p.put("path", path + "%");
            jdbc.sql("""
                    select distinct on (m.enterprise_id, m.metric) m.enterprise_id, m.metric, m.value, m.id
                    from measurement m join enterprise e on e.id = m.enterprise_id
                    where m.metric in (:metrics) and m.effective_date between :from and :to and m.validity = 'VALID'
                      and m.value is not null and m.source in ('INSPECTION', 'ENERGY_AUDIT')
                      and e.region_path like :path and """ + " " + s.sql() + " " + """
                     order by m.enterprise_id, m.metric, m.effective_date desc, m.id desc""").params(p)
                    .query((ResultSet rs) -> {
                        verified.computeIfAbsent(rs.getLong("enterprise_id"), k -> new ArrayList<>()).add(
                                new EnterpriseFacts.VerifiedValue(rs.getString("metric"), year, rs.getBigDecimal("value"),
                                        rs.getLong("id")));
                    });
        }
        Map<Long, Set<String>> activities = new HashMap<>();
        jdbc.sql("""
                select a.enterprise_id, a.activity from pricing_activity a join enterprise e on e.id = a.enterprise_id
                where a.effective_from <= :day and (a.effective_to is null or a.effective_to >= :day)
                  and e.region_path like :path""").param("day", Date.valueOf(month.atDay(1))).param("path", path + "%")
                .query((ResultSet rs) -> {
                    activities.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                });
        Set<String> withdrawn = withdrawn(month, path);
        Map<String, GreenPowerRelief.GreenShare> green = new HashMap<>();
        jdbc.sql("""
                select account_no, year, share_percent, province_weight_percent from green_power_share
                where year = :year and region_path like :path""").param("year", month.getYear() - 1)
                .param("path", path + "%").query((ResultSet rs) -> {
                    green.put(rs.getString(1), new GreenPowerRelief.GreenShare(rs.getInt(2), rs.getBigDecimal(3),
                            rs.getBigDecimal(4)));
                });
        return new Facts(eliminated, noncompliant, verified, activities, withdrawn, green);
    }

    /** "account|kind" of the upheld objections in force for the month in the subtree. */
    Set<String> withdrawn(YearMonth month, String path) {
        Set<String> withdrawn = new HashSet<>();
        jdbc.sql("""
                select account_no, kind from pricing_objection
                where status = 'UPHELD' and effective_month <= :month and region_path like :path""")
                .param("month", Date.valueOf(month.atDay(1))).param("path", path + "%")
                .query((ResultSet rs) -> {
                    withdrawn.add(rs.getString(1) + "|" + rs.getString(2));
                });
        return withdrawn;
    }

    /** The regions (enterprise paths) of the given accounts in force during the month, in one read. */
    List<String> regionsOf(Set<String> accountNos, YearMonth month) {
        if (accountNos.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select distinct e.region_path from grid_account g join enterprise e on e.id = g.enterprise_id
                where g.account_no = any(:a) and g.valid_from <= :end and (g.valid_to is null or g.valid_to > :start)""")
                .param("a", accountNos.toArray(String[]::new)).param("start", Date.valueOf(month.atDay(1)))
                .param("end", Date.valueOf(month.atEndOfMonth())).query(String.class).list();
    }

    /** Accounts in force on any day of the month, enterprise by enterprise, streamed. */
    void accounts(YearMonth month, String path, DataScope scope, Consumer<Account> sink) {
        SqlPredicate s = scope.predicate("e.region_path", null, "e.uscc");
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("start", Date.valueOf(month.atDay(1)));
        p.put("end", Date.valueOf(month.atEndOfMonth()));
        p.put("path", path + "%");
        jdbc.sql("""
                select g.account_no, e.id, e.uscc, e.name, e.region_path, e.industries
                from grid_account g join enterprise e on e.id = g.enterprise_id
                where g.valid_from <= :end and (g.valid_to is null or g.valid_to > :start)
                  and e.region_path like :path and """ + " " + s.sql() + " " + """
                 order by e.id, g.account_no""").params(p).withFetchSize(5000).query((ResultSet rs) -> {
                    sink.accept(new Account(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), strings(rs.getArray(6))));
                });
    }

    /** The account in force during the month, for billing and objections. */
    Optional<Account> account(String accountNo, YearMonth month) {
        return jdbc.sql("""
                select g.account_no, e.id, e.uscc, e.name, e.region_path, e.industries
                from grid_account g join enterprise e on e.id = g.enterprise_id
                where g.account_no = :a and g.valid_from <= :end and (g.valid_to is null or g.valid_to > :start)
                order by g.valid_from desc limit 1""").param("a", accountNo)
                .param("start", Date.valueOf(month.atDay(1))).param("end", Date.valueOf(month.atEndOfMonth()))
                .query((rs, i) -> new Account(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), strings(rs.getArray(6)))).optional();
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static BigDecimal number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
