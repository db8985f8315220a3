package org.capgov.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue files write {@code effectiveTo} / {@code expires} as the last day in force (docs/domain.md §7): that day a
 * rule still applies, the next day it does not. Checked for every boundary in every file, and by name for the days the
 * correction of issue 13 item 1 lists.
 */
class LastDayInForceTest {

    private final Catalog catalogue = read();

    private static Catalog read() {
        try {
            return CatalogFiles.read("test").catalogue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CatalogRule rule(String id) {
        return catalogue.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyRuleAppliesOnItsLastDayAndNotTheDayAfter() {
        List<String> boundaries = new ArrayList<>();
        for (CatalogRule r : catalogue.rules()) {
            if (r.effectiveTo() != null) {
                assertThat(r.inForceOn(r.effectiveTo())).as(r.id() + " on " + r.effectiveTo()).isTrue();
                assertThat(r.inForceOn(r.effectiveTo().plusDays(1))).as(r.id() + " after " + r.effectiveTo()).isFalse();
                boundaries.add(r.id());
            }
            if (r.effectiveFrom() != null) {
                assertThat(r.inForceOn(r.effectiveFrom())).as(r.id() + " on its first day").isTrue();
                assertThat(r.inForceOn(r.effectiveFrom().minusDays(1))).as(r.id() + " before its first day").isFalse();
            }
        }
        // sc-2014 (5), GB 21256-2013 (4), the three closed ladder thresholds, the seven NAT-ELIM-2011 items
        assertThat(boundaries).hasSize(19);
    }

    /** A rule that replaces another starts the day after the other's last day: no gap, no overlap. */
    @Test
    void successorsStartTheDayAfterTheLastDay() {
        assertThat(rule("NAT-AL-LADDER-2022").effectiveFrom()).isEqualTo(rule("NAT-AL-LADDER-2014").effectiveTo().plusDays(1));
        assertThat(rule("NAT-AL-LADDER-2023").effectiveFrom()).isEqualTo(rule("NAT-AL-LADDER-2022").effectiveTo().plusDays(1));
        assertThat(rule("NAT-AL-LADDER-2025").effectiveFrom()).isEqualTo(rule("NAT-AL-LADDER-2023").effectiveTo().plusDays(1));
        assertThat(rule("NAT-GB21256-2025-BF").effectiveFrom())
                .isEqualTo(rule("NAT-GB21256-2013-BF").effectiveTo().plusDays(1));
    }

    /** 发改价格〔2013〕2530号 / 〔2021〕1239号: each year's ladder threshold applies on that year's 31 December. */
    @Test
    void aluminiumLadderThresholdsApplyOnTheirLastDay() {
        assertThat(rule("NAT-AL-LADDER-2014").inForceOn(LocalDate.of(2021, 12, 31))).isTrue();
        assertThat(rule("NAT-AL-LADDER-2022").inForceOn(LocalDate.of(2021, 12, 31))).isFalse();
        assertThat(rule("NAT-AL-LADDER-2022").inForceOn(LocalDate.of(2022, 12, 31))).isTrue();
        assertThat(rule("NAT-AL-LADDER-2023").inForceOn(LocalDate.of(2022, 12, 31))).isFalse();
        assertThat(rule("NAT-AL-LADDER-2023").inForceOn(LocalDate.of(2024, 12, 31))).isTrue();
        assertThat(rule("NAT-AL-LADDER-2025").inForceOn(LocalDate.of(2024, 12, 31))).isFalse();
        assertThat(rule("NAT-AL-LADDER-2025").inForceOn(LocalDate.of(2025, 1, 1))).isTrue();
    }

    /** GB 21256-2013 限定值 apply until 2026-06-30 inclusive; the 2025 edition from 2026-07-01. */
    @Test
    void gb21256Of2013AppliesOn30June2026() {
        for (String id : List.of("NAT-GB21256-2013-SINTERING", "NAT-GB21256-2013-PELLET", "NAT-GB21256-2013-BF",
                "NAT-GB21256-2013-CONVERTER")) {
            assertThat(rule(id).inForceOn(LocalDate.of(2026, 6, 30))).as(id).isTrue();
            assertThat(rule(id).inForceOn(LocalDate.of(2026, 7, 1))).as(id).isFalse();
        }
    }

    /** 产业结构调整指导目录（2011年本）items: last day 2024-01-31, the 2024 edition in force from 2024-02-01. */
    @Test
    void catalogue2011EliminationsApplyOn31January2024() {
        catalogue.rules().stream().filter(r -> r.id().startsWith("NAT-ELIM-2011-")).forEach(r -> {
            assertThat(r.inForceOn(LocalDate.of(2024, 1, 31))).as(r.id()).isTrue();
            assertThat(r.inForceOn(LocalDate.of(2024, 2, 1))).as(r.id()).isFalse();
        });
    }

    /** Seed 002: "本实施意见自印发之日起实施，有效期五年" — signed 2014-02-22, still in force on 2019-02-22. */
    @Test
    void sichuanOpinionsAreInForceOnTheirLastDay() {
        SourceDocument sc = catalogue.documents().get("sc-2014");
        assertThat(sc.expires()).isEqualTo(LocalDate.of(2019, 2, 22));
        catalogue.rules().stream().filter(r -> r.documentId().equals("sc-2014")).forEach(r -> {
            assertThat(r.inForceOn(LocalDate.of(2019, 2, 22))).as(r.id()).isTrue();
            assertThat(r.inForceOn(LocalDate.of(2019, 2, 23))).as(r.id()).isFalse();
        });
    }
}
