package org.capgov.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.capgov.pricing.scale.PriceCatalogue;
import org.capgov.pricing.watch.WatchRules;
import org.junit.jupiter.api.Test;

/** The three watch rules with the shipped thresholds (50 kWh a day, 3 × MAD, 500 kW at load factor 0.8). */
class WatchRulesTest {

    static final WatchRules RULES = new WatchRules(new PriceCatalogue().watch());

    static List<BigDecimal> months(long... kwh) {
        List<BigDecimal> l = new ArrayList<>();
        for (long k : kwh) {
            l.add(BigDecimal.valueOf(k));
        }
        return l;
    }

    @Test
    void aClosedEnterpriseDrawingMoreThanTheSmallThresholdIsAHit() {
        assertThat(RULES.closedButDrawing(true, BigDecimal.valueOf(1500), 31)).isEmpty();
        assertThat(RULES.closedButDrawing(true, BigDecimal.valueOf(1551), 31)).hasValueSatisfying(h -> {
            assertThat(h.rule()).isEqualTo("CLOSED_DRAWING");
            assertThat(h.figures().get("threshold")).isEqualByComparingTo("1550");
        });
        assertThat(RULES.closedButDrawing(false, BigDecimal.valueOf(1_000_000), 31)).isEmpty();
    }

    @Test
    void aJumpBeyondThreeMadsAboveTheMedianIsAHit() {
        List<BigDecimal> history = months(100, 110, 90, 105, 95, 100, 102, 98, 100, 104, 96, 100);
        // median 100, MAD 3 (|dev| sorted: 0 0 0 2 2 4 4 5 5 10 10 → median 3), limit 109
        assertThat(RULES.jump(history, BigDecimal.valueOf(109))).isEmpty();
        assertThat(RULES.jump(history, BigDecimal.valueOf(400))).hasValueSatisfying(h -> {
            assertThat(h.figures().get("median")).isEqualByComparingTo("100");
            assertThat(h.figures().get("mad")).isEqualByComparingTo("3");
            assertThat(h.figures().get("threshold")).isEqualByComparingTo("109");
        });
    }

    @Test
    void tooShortAHistoryOrAFlatOneDoesNotFlagEveryKilowattHour() {
        assertThat(RULES.jump(months(100, 100, 100), BigDecimal.valueOf(1000))).isEmpty();
        List<BigDecimal> flat = months(100, 100, 100, 100, 100, 100);
        assertThat(RULES.jump(flat, BigDecimal.valueOf(102))).isEmpty();
        assertThat(RULES.jump(flat, BigDecimal.valueOf(104))).isPresent();
    }

    @Test
    void continuousHighLoadWithoutSteelEquipmentLooksLikeAnInductionFurnace() {
        BigDecimal month = BigDecimal.valueOf(600L * 744);
        assertThat(RULES.inductionProfile(false, month, 744, BigDecimal.valueOf(650))).hasValueSatisfying(h -> {
            assertThat(h.figures().get("averageKw")).isEqualByComparingTo("600");
        });
        assertThat(RULES.inductionProfile(true, month, 744, BigDecimal.valueOf(650))).isEmpty();
        // peaky load: average 600 kW but peak 2000 kW is not continuous
        assertThat(RULES.inductionProfile(false, month, 744, BigDecimal.valueOf(2000))).isEmpty();
        assertThat(RULES.inductionProfile(false, BigDecimal.valueOf(100L * 744), 744, null)).isEmpty();
    }
}
