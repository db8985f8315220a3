package org.capgov.pricing.watch;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.pricing.scale.PriceCatalogue;
import org.capgov.shared.Actors;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the watch rules over the monthly consumption of a month (docs/decisions/pricing-readings.md P6): each hit not
 * raised before becomes a lead routed to the district government and the 经济信息委 of the enterprise's region, and
 * to the district officers (seed 004 二、（五）4 "及时将用电异常企业信息报当地区县政府").
 */
@Service
public class WatchService {

    /** Equipment statuses that mean "out of production" for rule (a). */
    static final List<String> OUT = List.of("SEALED", "DISMANTLED", "POWER_CUT", "POWER_UNIT_REMOVED", "TRANSFERRED");
    /** Enterprise statuses that mean "out of production" for rule (a). */
    static final List<String> CLOSED = List.of("CLOSED", "EXITED", "DEREGISTERED");
    /** Registered steel-making equipment: an account of its enterprise may show a furnace's load (rule c). */
    static final List<String> STEEL_MAKING = List.of("EAF", "INDUCTION_FURNACE", "CONVERTER", "BLAST_FURNACE");

    /** An account with its enterprise's state during the month. */
    record Watched(String accountNo, long enterpriseId, String uscc, String name, String regionPath,
            boolean outOfProduction, boolean steel) {
    }

    private final JdbcClient jdbc;
    private final PriceCatalogue catalogue;
    private final LeadWriter leads;

    WatchService(JdbcClient jdbc, PriceCatalogue catalogue, LeadWriter leads) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.leads = leads;
    }

    /**
     * The watch over {@code month} for the given accounts (null: every account); returns the number of new leads.
     * One query streams each account's monthly figures in account order with its enterprise's state joined, so only
     * one account's months are held at a time and memory does not grow with accounts × months; the hits are kept
     * and turned into leads after the stream.
     */
    @Transactional
    public int run(YearMonth month, Set<String> accounts) {
        if (accounts == null) {
            // a run over every account groups and orders a year of figures for each: in memory, not in temporary files
            jdbc.sql("set local work_mem = '256MB'").update();
        }
        WatchRules rules = new WatchRules(catalogue.watch());
        int days = month.lengthOfMonth();
        List<LeadWriter.Raised> hits = new ArrayList<>();
        var current = new Object() {
            Watched account;
            boolean excused;
            List<BigDecimal> trailing = new ArrayList<>();
            BigDecimal kwh;
            BigDecimal peak;

            void finish() {
                if (account == null || kwh == null) {
                    return;
                }
                List<WatchRules.Hit> found = new ArrayList<>();
                rules.closedButDrawing(account.outOfProduction(), kwh, days).ifPresent(found::add);
                if (!excused) {
                    rules.jump(trailing, kwh).ifPresent(found::add);
                }
                rules.inductionProfile(account.steel(), kwh, days * 24, peak).ifPresent(found::add);
                for (WatchRules.Hit h : found) {
                    hits.add(new LeadWriter.Raised(account, h, List.copyOf(trailing)));
                }
            }
        };
        stream(month, accounts, (w, excused, m, kwh, peak) -> {
            if (current.account == null || !current.account.accountNo().equals(w.accountNo())) {
                current.finish();
                current.account = w;
                current.excused = excused;
                current.trailing = new ArrayList<>();
                current.kwh = null;
                current.peak = null;
            }
            if (m.equals(month)) {
                current.kwh = kwh;
                current.peak = peak;
            } else {
                current.trailing.add(kwh);
            }
        });
        current.finish();
        return leads.write(month, hits);
    }

    /** One account-month of the stream: the account's state, whether a registered reason covers the month, figures. */
    interface RowSink {
        void accept(Watched account, boolean excused, YearMonth month, BigDecimal kwh, BigDecimal peak);
    }

    /**
     * The accounts in force during the month with a figure for it, each with its trailing months and the month itself,
     * account by account in month order. A month's figure is the month row where sent, else the sum of the day rows.
     */
    void stream(YearMonth month, Set<String> accounts, RowSink sink) {
        Map<String, Object> p = new HashMap<>();
        p.put("from", Date.valueOf(month.minusMonths(catalogue.watch().jumpTrailingMonths()).atDay(1)));
        p.put("to", Date.valueOf(month.atEndOfMonth()));
        p.put("start", Date.valueOf(month.atDay(1)));
        p.put("end", Date.valueOf(month.atEndOfMonth()));
        p.put("out", OUT);
        p.put("closed", CLOSED);
        p.put("steel", STEEL_MAKING);
        String filter = "";
        String accountFilter = "";
        if (accounts != null) {
            // one array parameter: a batch may name more accounts than a statement takes parameters
            p.put("accounts", accounts.toArray(String[]::new));
            filter = " and account_no = any(cast(:accounts as text[]))";
            accountFilter = " and g.account_no = any(cast(:accounts as text[]))";
        }
        // a run asked for by a person raises leads only in that person's scope (the platform's runs cover all)
        SqlPredicate scope = Actors.scope().predicate("e.region_path", null, "e.uscc");
        p.putAll(scope.params());
        accountFilter += " and " + scope.sql();
        // one row per account, its months as arrays: the figures are grouped once and nothing wide is sorted, and
        // only accounts with a figure for the month come back
        jdbc.sql("""
                with d as (
                    select account_no, date_trunc('month', period_start)::date as m,
                           coalesce(sum(kwh) filter (where period_kind = 'MONTH'), sum(kwh)) as kwh, max(peak_kw) as peak
                    from electricity_consumption where period_start between :from and :to""" + filter + """

                    group by 1, 2),
                c as (
                    select account_no, array_agg(m order by m) as ms, array_agg(kwh order by m) as kwhs,
                           array_agg(peak order by m) as peaks
                    from d group by account_no having bool_or(m = :start)),
                w as (
                    select distinct on (g.account_no) g.account_no, e.id, e.uscc, e.name, e.region_path,
                           (e.status in (:closed) and e.status_since <= :start)
                           or (coalesce(q.total, 0) > 0 and q.total = q.out_since) as out_of_production,
                           coalesce(q.steel, false) as steel
                    from grid_account g join enterprise e on e.id = g.enterprise_id
                    left join (
                        select enterprise_id, count(*) as total,
                               count(*) filter (where status in (:out) and status_since <= :start) as out_since,
                               bool_or(type in (:steel)) as steel
                        from equipment group by enterprise_id) q on q.enterprise_id = e.id
                    where g.valid_from <= :end and (g.valid_to is null or g.valid_to > :start)""" + accountFilter + """

                    order by g.account_no, g.valid_from desc),
                x as (
                    select distinct account_no from consumption_reason
                    where :start between month_from and month_to)
                select w.*, x.account_no is not null as excused, c.ms, c.kwhs, c.peaks
                from c join w on w.account_no = c.account_no
                left join x on x.account_no = c.account_no""").params(p).withFetchSize(5_000).query((ResultSet rs) -> {
                    Watched w = new Watched(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6), rs.getBoolean(7));
                    boolean excused = rs.getBoolean(8);
                    Object[] ms = (Object[]) rs.getArray(9).getArray();
                    Object[] kwhs = (Object[]) rs.getArray(10).getArray();
                    Object[] peaks = (Object[]) rs.getArray(11).getArray();
                    for (int i = 0; i < ms.length; i++) {
                        sink.accept(w, excused, YearMonth.from(((java.sql.Date) ms[i]).toLocalDate()),
                                (BigDecimal) kwhs[i], (BigDecimal) peaks[i]);
                    }
                });
    }
}
