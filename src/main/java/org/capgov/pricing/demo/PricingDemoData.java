package org.capgov.pricing.demo;

import java.sql.Date;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.identity.SystemActor;
import org.capgov.pricing.watch.WatchService;
import org.capgov.shared.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only (capgov.demo=true), after the demo registry: 24 months of monthly consumption for every demo grid
 * account (deterministic: a level from the account number, ±4 % a month from a hash of account and month); a closed
 * or sealed enterprise that still draws power last month, one account whose last month jumps to four times its
 * level; a verified aluminium value of the previous year above the 1239号 threshold for one smelter,
 * so that the current year's lists carry a ladder tier. Then the watch runs over last month, raising the leads.
 */
@Component
@Order(45)
@ConditionalOnBooleanProperty("capgov.demo")
class PricingDemoData implements ApplicationRunner {

    static final int MONTHS = 24;
    private static final Logger log = LoggerFactory.getLogger(PricingDemoData.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final WatchService watch;
    private final Clock clock;

    PricingDemoData(JdbcClient jdbc, TransactionTemplate transaction, AuditTrail audit, WatchService watch, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.watch = watch;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from electricity_consumption)").query(Boolean.class).single()
                || !jdbc.sql("select exists (select 1 from grid_account)").query(Boolean.class).single()) {
            return;
        }
        long started = System.nanoTime();
        YearMonth last = YearMonth.from(ChinaTime.today(clock)).minusMonths(1);
        YearMonth first = last.minusMonths(MONTHS - 1);
        int[] rows = {0};
        int[] leads = {0};
        transaction.executeWithoutResult(s -> {
            rows[0] = jdbc.sql("""
                    insert into electricity_consumption (account_no, period_kind, period_start, enterprise_id, region_path,
                                                         kwh, recorded_by)
                    select g.account_no, 'MONTH', m::date, e.id, e.region_path,
                           case when e.status in ('CLOSED', 'EXITED', 'DEREGISTERED') then 0
                                else round((200000 + abs(hashtext(g.account_no)) % 3000000)
                                           * (0.96 + (abs(hashtext(g.account_no || m::date)) % 81) / 1000.0), 2) end,
                           'demo'
                    from grid_account g join enterprise e on e.id = g.enterprise_id
                    cross join generate_series(:first, :last, interval '1 month') m
                    where g.valid_to is null""").param("first", Date.valueOf(first.atDay(1)))
                    .param("last", Date.valueOf(last.atDay(1))).update();
            // a closed or sealed enterprise drawing power last month
            jdbc.sql("""
                    update electricity_consumption c set kwh = 86000 where c.period_start = :last and c.account_no = (
                        select g.account_no from grid_account g join enterprise e on e.id = g.enterprise_id
                        where g.valid_to is null and (e.status in ('CLOSED', 'EXITED') or exists (
                            select 1 from equipment q where q.enterprise_id = e.id and q.status = 'SEALED'))
                        order by e.status in ('CLOSED', 'EXITED') desc, e.id limit 1)""")
                    .param("last", Date.valueOf(last.atDay(1))).update();
            // one jump: the first operating cement works' first account, four times its level
            jdbc.sql("""
                    update electricity_consumption c set kwh = kwh * 4 where c.period_start = :last and c.account_no = (
                        select g.account_no from grid_account g join enterprise e on e.id = g.enterprise_id
                        where g.valid_to is null and e.status = 'OPERATING' and 'CEMENT' = any (e.industries)
                        order by e.id, g.account_no limit 1)""").param("last", Date.valueOf(last.atDay(1))).update();
            // a smelter's verified value of the previous year: above 13300 kWh/t, a ladder tier this year
            int year = last.getYear() - 1;
            jdbc.sql("select measurement_ensure_partitions(array[cast(:d as date)])")
                    .param("d", Date.valueOf(java.time.LocalDate.of(year, 12, 31))).query().listOfRows();
            jdbc.sql("""
                    insert into measurement (enterprise_id, metric, value, unit, period_start, period_end, source,
                                             recorded_by, effective_date, document_ref)
                    select e.id, 'al_liquid_comprehensive_ac', 13345, 'kWh/t', :from, :to, 'INSPECTION', 'demo', :to,
                           '渝经信能源核查（演示）'
                    from enterprise e where 'ALUMINIUM' = any (e.industries) and e.status = 'OPERATING'
                      and exists (select 1 from grid_account g where g.enterprise_id = e.id and g.valid_to is null)
                    order by e.id limit 1""").param("from", Date.valueOf(java.time.LocalDate.of(year, 1, 1)))
                    .param("to", Date.valueOf(java.time.LocalDate.of(year, 12, 31))).update();
            audit.record(new AuditEvent(AuditAction.CREATE, "electricity_consumption", "demo", "/",
                    "演示用电量 " + first + " 至 " + last, null, Map.of("rows", rows[0])));
        });
        leads[0] = SystemActor.call(() -> watch.run(last, null));
        log.info("Demo consumption loaded: {} monthly rows {} to {}, {} watch leads, in {} ms", rows[0], first, last,
                leads[0], (System.nanoTime() - started) / 1_000_000);
    }
}
