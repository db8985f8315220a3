package org.capgov.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.capgov.capacity.utilisation.CapacityFigures;
import org.capgov.capacity.utilisation.MonthlyFigures;
import org.capgov.capacity.utilisation.Period;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EquipmentDraft;
import org.capgov.shared.DataScope;
import org.capgov.shared.Product;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The one-statement figures of the warning evaluation equal, to the last digit, the per-month figures of
 * {@link CapacityFigures} for every region path and month, over whatever the shared database holds plus lines that
 * start, two lines of one works, and a line dismantled inside the window, with some months unreported.
 */
class MonthlyFiguresIT extends CapacityFixtures {

    @Autowired
    MonthlyFigures monthly;
    @Autowired
    CapacityFigures figures;

    @Test
    void oneStatementGivesTheFiguresOfOneQueryPerMonth() {
        String coordinator = token(Role.COORDINATOR);
        Enterprise steady = cementWorks("500241", 365_000, LocalDate.of(2010, 1, 1));
        SystemActor.call(() -> equipment.create(steady.uscc(), new EquipmentDraft("K2", null, "CEMENT_KILN",
                Map.of("process", "NSP", "clinker_t_per_d", 2500), "CLINKER", BigDecimal.valueOf(730_000),
                LocalDate.of(2012, 5, 1), null, null, LocalDate.of(2012, 5, 1))));
        Enterprise starting = cementWorks("500241", 400_000, LocalDate.of(2025, 3, 15));
        Enterprise closing = cementWorks("500242", 300_000, LocalDate.of(2011, 1, 1));
        equipmentStatus(closing, "DISMANTLED", LocalDate.of(2025, 6, 10));
        reportClinker(coordinator, steady, "2025-02", "70000");
        reportClinker(coordinator, steady, "2025-05", "80000");
        reportClinker(coordinator, starting, "2025-04", "20000");
        reportClinker(coordinator, closing, "2025-05", "15000");
        reportClinker(coordinator, closing, "2025-06", "5000");

        YearMonth first = YearMonth.of(2025, 1);
        YearMonth last = YearMonth.of(2025, 12);
        Map<YearMonth, List<CapacityFigures.RegionSums>> all = monthly
                .byRegionPath(List.of(Product.CLINKER), first, last).get(Product.CLINKER);
        int compared = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            Period p = Period.month(m);
            Map<String, String> expected = plain(figures.byRegionPath(Product.CLINKER, "/", p, DataScope.all()));
            Map<String, String> actual = plain(all.getOrDefault(m, List.of()));
            assertThat(actual).as(m.toString()).isEqualTo(expected);
            compared += expected.size();
        }
        // at least this test's own works: 500241 in every month, 500242 until its line was dismantled in June
        assertThat(compared).isGreaterThanOrEqualTo(12 + 6);
        // the month the line started and the month the other was dismantled count by days in both
        assertThat(plain(all.get(YearMonth.of(2025, 3)))).containsKey(pathOf("500241"));
    }

    private String pathOf(String code) {
        return jdbc.sql("select path from region where code = :c").param("c", code).query(String.class).single();
    }

    /** Region path → its five figures as text, zero rows left out (a path with nothing at all says nothing). */
    private static Map<String, String> plain(List<CapacityFigures.RegionSums> sums) {
        Map<String, String> out = new TreeMap<>();
        for (CapacityFigures.RegionSums s : sums) {
            if (s.capacity().signum() == 0 && s.output().signum() == 0 && s.reportingEnterprises() == 0) {
                continue;
            }
            out.put(s.regionPath(), n(s.capacity()) + " | " + n(s.output()) + " | " + s.enterprises() + " | "
                    + s.reportingEnterprises() + " | " + n(s.missingCapacity()));
        }
        return out;
    }

    private static String n(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
