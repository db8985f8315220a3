package org.capgov.capacity.demo;

import java.sql.Date;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.capacity.utilisation.CapacityFigures;
import org.capgov.capacity.warning.WarningService;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.Product;
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
 * Demo mode only (capgov.demo=true): two years of monthly output for every demo line, after the demo registry, then
 * the warnings of those 24 months evaluated in order (so that some persist with a history and some close). Each
 * product has its own level and trend, so that clinker, ferroalloy and shipbuilding sit under 75 %, flat glass and
 * coke between 75 and 80 %, aluminium climbs out of its warning; each enterprise-month varies around it, and about
 * one enterprise-month in twenty is left unreported. Deterministic (hashes of enterprise and month, no random
 * numbers); written by one INSERT … SELECT per product with one audit entry, as the registry's demo data is.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("capgov.demo")
class CapacityDemoData implements ApplicationRunner {

    static final int MONTHS = 24;
    private static final Logger log = LoggerFactory.getLogger(CapacityDemoData.class);

    /** Utilisation in percent at the first month and its change over the two years. */
    private record Profile(int start, int trend) {
    }

    private static final Map<Product, Profile> PROFILES = Map.ofEntries(
            Map.entry(Product.CLINKER, new Profile(71, 2)), Map.entry(Product.CEMENT, new Profile(79, 3)),
            Map.entry(Product.FLAT_GLASS, new Profile(78, -1)), Map.entry(Product.ALUMINIUM, new Profile(77, 9)),
            Map.entry(Product.CRUDE_STEEL, new Profile(83, 2)), Map.entry(Product.PIG_IRON, new Profile(84, 1)),
            Map.entry(Product.STEEL_PRODUCTS, new Profile(85, 0)), Map.entry(Product.COKE, new Profile(77, 0)),
            Map.entry(Product.FERROALLOY, new Profile(68, 1)), Map.entry(Product.SHIP, new Profile(62, 4)));
    private static final Profile OTHER = new Profile(84, 0);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final WarningService warnings;
    private final Clock clock;

    CapacityDemoData(JdbcClient jdbc, TransactionTemplate transaction, AuditTrail audit, WarningService warnings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.warnings = warnings;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from output_report)").query(Boolean.class).single()
                || !jdbc.sql("select exists (select 1 from equipment)").query(Boolean.class).single()) {
            return;
        }
        long started = System.nanoTime();
        YearMonth last = YearMonth.from(ChinaTime.today(clock)).minusMonths(1);
        YearMonth first = last.minusMonths(MONTHS - 1);
        int[] rows = {0};
        transaction.executeWithoutResult(s -> {
            for (Product product : Product.values()) {
                rows[0] += insert(product, first, last);
            }
            audit.record(new AuditEvent(AuditAction.CREATE, "output_report", "demo", "/",
                    "演示数据：" + rows[0] + " 条月度产量报送（" + first + " 至 " + last + "）", null,
                    Map.of("reports", rows[0], "from", first.toString(), "to", last.toString())));
        });
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            warnings.evaluate(m.toString());
        }
        log.info("Demo output loaded: {} monthly reports {} to {}, warnings evaluated, in {} ms", rows[0], first, last,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** One INSERT … SELECT per year of the window (a period never spans two years). */
    int insert(Product product, YearMonth first, YearMonth last) {
        Profile p = PROFILES.getOrDefault(product, OTHER);
        int total = 0;
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            YearMonth from = first.getYear() == year ? first : YearMonth.of(year, 1);
            YearMonth to = last.getYear() == year ? last : YearMonth.of(year, 12);
            total += jdbc.sql(CapacityFigures.capacityByEnterpriseMonth() + """
                    , shaped as (
                      select c.enterprise_id, c.month, c.capacity,
                             (:start + :trend * ((extract(year from c.month) * 12 + extract(month from c.month)) - :firstIndex)
                                 / :span + (abs(hashtext(c.enterprise_id || ':' || c.month)) % 13 - 6)) / 100.0 as factor,
                             abs(hashtext(c.month || '/' || c.enterprise_id)) % 20 as skip
                      from cap c where c.capacity > 0
                    )
                    insert into output_report (enterprise_id, product, month, revision, quantity, entered_quantity,
                                               entered_unit, source, month_capacity, entered_by)
                    select enterprise_id, :product, month, 1, round(capacity * factor), round(capacity * factor), :unit,
                           case when skip = 1 then 'STATISTICS' else 'SELF_REPORT' end, round(capacity, 3), 'demo'
                    from shaped where skip <> 0 and not exists (select 1 from output_report o
                        where o.enterprise_id = shaped.enterprise_id and o.product = :product and o.month = shaped.month)
                    """).param("product", product.name()).param("path", "/%").param("first", Date.valueOf(from.atDay(1)))
                    .param("last", Date.valueOf(to.atDay(1))).param("yearDays", from.atDay(1).lengthOfYear())
                    .param("start", p.start()).param("trend", p.trend())
                    .param("firstIndex", first.getYear() * 12 + first.getMonthValue()).param("span", MONTHS - 1)
                    .param("unit", product.unit()).update();
        }
        return total;
    }
}
