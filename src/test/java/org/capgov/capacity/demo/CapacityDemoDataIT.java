package org.capgov.capacity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.capgov.identity.SystemActor;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Product;
import org.capgov.shared.Uscc;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo output generator on real PostgreSQL: plausible monthly output for every line, clinker under 75 %, a few
 * enterprise-months unreported, nothing above capacity. Rolled back, so the shared test database keeps no demo rows.
 */
class CapacityDemoDataIT extends IntegrationTest {

    @Autowired
    org.capgov.audit.AuditTrail audit;
    @Autowired
    org.capgov.capacity.warning.WarningService warnings;
    @Autowired
    java.time.Clock clock;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void twoYearsOfClinkerSitUnderSeventyFivePercentWithSomeMonthsUnreported() {
        for (int i = 0; i < 40; i++) {
            String code = Uscc.compose("91", "500235", "YD" + (100_000 + i));
            SystemActor.run(() -> {
                enterprises.create(new EnterpriseDraft(code, "演示测试水泥有限公司" + code.substring(10), "500235",
                        List.of("CEMENT"), null, null, null, null, null, null, null, null));
                equipment.create(code, new EquipmentDraft("K1", null, "CEMENT_KILN",
                        Map.of("process", "NSP", "clinker_t_per_d", 3000), "CLINKER", new BigDecimal("365000"),
                        LocalDate.of(2010, 1, 1), null, null, LocalDate.of(2010, 1, 1)));
            });
        }
        CapacityDemoData demo = new CapacityDemoData(jdbc, transaction, audit, warnings, clock);
        transaction.executeWithoutResult(status -> {
            int rows = demo.insert(Product.CLINKER, YearMonth.of(2024, 1), YearMonth.of(2025, 12));
            assertThat(rows).isGreaterThan(40 * 24 * 8 / 10);
            var figures = jdbc.sql("""
                    select count(*) as n, sum(o.quantity) / sum(o.month_capacity) as ratio,
                           max(o.quantity / o.month_capacity) as highest, min(o.quantity / o.month_capacity) as lowest
                    from output_report o join enterprise e on e.id = o.enterprise_id
                    where e.region_code = '500235' and o.product = 'CLINKER'
                    """).query().singleRow();
            long n = ((Number) figures.get("n")).longValue();
            assertThat(n).isLessThan(40 * 24).isGreaterThan(40 * 24 * 85 / 100);
            assertThat((BigDecimal) figures.get("ratio")).isBetween(new BigDecimal("0.65"), new BigDecimal("0.75"));
            assertThat((BigDecimal) figures.get("highest")).isLessThan(new BigDecimal("1.0"));
            assertThat((BigDecimal) figures.get("lowest")).isGreaterThan(new BigDecimal("0.5"));
            status.setRollbackOnly();
        });
    }
}
