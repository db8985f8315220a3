package org.capgov.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.capgov.pricing.scale.EnterpriseFacts;
import org.capgov.pricing.scale.GreenPowerRelief;
import org.capgov.pricing.scale.PriceCatalogue;
import org.capgov.pricing.scale.PriceScale;
import org.capgov.pricing.scale.SurchargeKind;
import org.capgov.pricing.scale.SurchargeRules;
import org.junit.jupiter.api.Test;

/** The scale arithmetic and which kind wins, on the catalogue file as shipped. */
class SurchargeRulesTest {

    static final PriceCatalogue CATALOGUE = new PriceCatalogue();
    static final SurchargeRules RULES = CATALOGUE.rules();
    static final String FULING = "/500000/500102/";

    static PriceScale scale(String id) {
        return CATALOGUE.scales().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    static EnterpriseFacts aluminium(String path, String metric, int year, String value) {
        return new EnterpriseFacts(path, List.of("ALUMINIUM"), List.of(), List.of(),
                List.of(new EnterpriseFacts.VerifiedValue(metric, year, new BigDecimal(value), 7L)), Set.of());
    }

    @Test
    void perStartedTwentyKwhCountsAPartStepAsAWholeOne() {
        PriceScale.Brackets b = scale("NAT2021-1239-AL-LADDER-2025").brackets();
        assertThat(b.rate(new BigDecimal("13300"))).isEqualByComparingTo("0");
        assertThat(b.rate(new BigDecimal("13300.5"))).isEqualByComparingTo("0.01");
        assertThat(b.rate(new BigDecimal("13320"))).isEqualByComparingTo("0.01");
        assertThat(b.rate(new BigDecimal("13321"))).isEqualByComparingTo("0.02");
        assertThat(b.rate(new BigDecimal("13500"))).isEqualByComparingTo("0.10");
    }

    @Test
    void singleAmountTakesTheHighestStepExceeded() {
        PriceScale.Brackets b = scale("NAT2013-2530-AL-LADDER").brackets();
        assertThat(b.rate(new BigDecimal("13700"))).isEqualByComparingTo("0");
        assertThat(b.rate(new BigDecimal("13750"))).isEqualByComparingTo("0.02");
        assertThat(b.rate(new BigDecimal("13800"))).isEqualByComparingTo("0.02");
        assertThat(b.rate(new BigDecimal("13801"))).isEqualByComparingTo("0.08");
    }

    @Test
    void marginalRateSumsTheShareOfEachBracket() {
        PriceScale.Brackets b = new PriceScale.Brackets("marginal_rate", "YUAN_PER_KWH",
                List.of(new PriceScale.Step(BigDecimal.ZERO, new BigDecimal("0.1")),
                        new PriceScale.Step(BigDecimal.TEN, new BigDecimal("0.2"))), null, null, null);
        assertThat(b.rate(new BigDecimal("5"))).isEqualByComparingTo("0.5");
        assertThat(b.rate(new BigDecimal("15"))).isEqualByComparingTo("2.0");
    }

    @Test
    void theLadderOf2025ReadsTheVerifiedValueOf2024() {
        SurchargeRules.Outcome o = RULES.evaluate(aluminium(FULING, "al_liquid_comprehensive_ac", 2024, "13345"),
                YearMonth.of(2025, 7));
        assertThat(o.items()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(SurchargeKind.LADDER);
            assertThat(d.scaleId()).isEqualTo("NAT2021-1239-AL-LADDER-2025");
            assertThat(d.rate()).isEqualByComparingTo("0.03");
            assertThat(d.base()).isEqualTo("AL_LIQUID_PRODUCTION");
            assertThat(d.measurementId()).isEqualTo(7L);
        });
        assertThat(RULES.evaluate(aluminium(FULING, "al_liquid_comprehensive_ac", 2025, "13345"), YearMonth.of(2025, 7))
                .items()).isEmpty();
        // the 2024 threshold (13450) for a 2024 month reading 2023
        assertThat(RULES.evaluate(aluminium(FULING, "al_liquid_comprehensive_ac", 2023, "13345"), YearMonth.of(2024, 7))
                .items()).isEmpty();
    }

    @Test
    void sichuanPlusTenPercentMeetsTheNationalLadderAsAReportedConflict() {
        SurchargeRules.Outcome o = RULES.evaluate(aluminium("/510000/510100/", "al_liquid_ac", 2015, "13900"),
                YearMonth.of(2016, 3));
        assertThat(o.items()).isEmpty();
        assertThat(o.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("OVERLAP");
            assertThat(List.of(c.first().scaleId(), c.second().scaleId()))
                    .containsExactlyInAnyOrder("NAT2013-2530-AL-LADDER", "SC2014-AL-PRICE-PLUS10");
        });
        // the same enterprise in Chongqing: only the national ladder
        SurchargeRules.Outcome cq = RULES.evaluate(aluminium(FULING, "al_liquid_ac", 2015, "13900"), YearMonth.of(2016, 3));
        assertThat(cq.conflicts()).isEmpty();
        assertThat(cq.items()).singleElement().satisfies(d -> assertThat(d.rate()).isEqualByComparingTo("0.08"));
    }

    @Test
    void eliminatedSteelEquipmentPaysFiftyFenAndWinsOverRestricted() {
        EnterpriseFacts steel = new EnterpriseFacts(FULING, List.of("STEEL"),
                List.of(new EnterpriseFacts.Eliminated("9:X:R1:F1", "R1", "INDUCTION_FURNACE", "v1")),
                List.of(new EnterpriseFacts.Noncompliance("9:X:R2:enterprise", "R2", "ENERGY", "energy_per_t",
                        new BigDecimal("500"), new BigDecimal("435"), "v1")), List.of(), Set.of());
        SurchargeRules.Outcome o = RULES.evaluate(steel, YearMonth.of(2025, 7));
        assertThat(o.items()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(SurchargeKind.DIFFERENTIAL_ELIMINATED);
            assertThat(d.rate()).isEqualByComparingTo("0.50");
            assertThat(d.findingId()).isEqualTo("9:X:R1:F1");
        });
        assertThat(o.conflicts()).isEmpty();
    }

    @Test
    void moreThanDoubleTheLimitIsPunitiveAndPunitiveBeatsRestricted() {
        EnterpriseFacts steel = new EnterpriseFacts(FULING, List.of("STEEL"), List.of(),
                List.of(new EnterpriseFacts.Noncompliance("9:X:R2:enterprise", "R2", "ENERGY", "energy_per_t",
                        new BigDecimal("900"), new BigDecimal("435"), "v1")), List.of(), Set.of());
        assertThat(RULES.evaluate(steel, YearMonth.of(2025, 7)).items()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(SurchargeKind.PUNITIVE));
        EnterpriseFacts withElimination = new EnterpriseFacts(FULING, List.of("STEEL"),
                List.of(new EnterpriseFacts.Eliminated("9:X:R1:F1", "R1", "EAF", "v1")), steel.noncompliant(), List.of(),
                Set.of());
        SurchargeRules.Outcome o = RULES.evaluate(withElimination, YearMonth.of(2025, 7));
        assertThat(o.items()).isEmpty();
        assertThat(o.conflicts()).hasSize(1);
    }

    @Test
    void cryptoMiningPaysTheEliminatedClassPriceInChongqingFrom2024() {
        EnterpriseFacts miner = new EnterpriseFacts(FULING, List.of("OTHER"), List.of(), List.of(), List.of(),
                Set.of("CRYPTO_MINING"));
        assertThat(RULES.evaluate(miner, YearMonth.of(2025, 7)).items()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(SurchargeKind.DIFFERENTIAL_ELIMINATED);
            assertThat(d.scaleId()).isEqualTo("CQ2024-MINING-ELIMINATED");
        });
        assertThat(RULES.evaluate(miner, YearMonth.of(2023, 7)).items()).isEmpty();
    }

    @Test
    void draftsAreNeverBilledButAreInTheCatalogue() {
        assertThat(CATALOGUE.scales()).filteredOn(PriceScale::draft).extracting(PriceScale::kind)
                .contains(SurchargeKind.WATER_PUNITIVE);
        assertThat(RULES.inForce(YearMonth.of(2025, 7))).noneMatch(PriceScale::draft);
    }

    @Test
    void everyScaleIsCitedAndDated() {
        assertThat(CATALOGUE.scales()).allSatisfy(s -> {
            assertThat(s.citation().document()).isNotBlank();
            assertThat(s.citation().text()).isNotBlank();
            assertThat(s.effectiveFrom()).isNotNull();
            assertThat(s.confidence()).isIn("V", "S", "C");
        });
    }

    @Test
    void aMissedCutTargetIsEvaluatedAsADraftAndNeverBilled() {
        EnterpriseFacts.MissedTarget target = new EnterpriseFacts.MissedTarget("CQ-T1", "cq-2014", "/500000/", "STEEL");
        EnterpriseFacts steel = new EnterpriseFacts(FULING, List.of("STEEL"), List.of(), List.of(), List.of(), Set.of(),
                List.of(target));
        YearMonth july = YearMonth.of(2025, 7);
        assertThat(RULES.evaluate(steel, july).items()).isEmpty();
        assertThat(RULES.drafts(steel, july)).singleElement().satisfies(d -> {
            assertThat(d.scaleId()).isEqualTo("CQ2014-TARGET-MISSED");
            assertThat(d.kind()).isEqualTo(SurchargeKind.PUNITIVE);
            assertThat(d.rate()).isNull();
            assertThat(d.findingId()).isEqualTo("target:CQ-T1");
        });
        EnterpriseFacts cement = new EnterpriseFacts(FULING, List.of("CEMENT"), List.of(), List.of(), List.of(),
                Set.of(), List.of(target));
        assertThat(RULES.drafts(cement, july)).as("another industry's target").isEmpty();
        EnterpriseFacts elsewhere = new EnterpriseFacts("/510000/510100/", List.of("STEEL"), List.of(), List.of(),
                List.of(), Set.of(), List.of(new EnterpriseFacts.MissedTarget("SC-T1", "sc-2014", "/510000/", null)));
        assertThat(RULES.drafts(elsewhere, july)).as("the draft governs Chongqing only").isEmpty();
    }

    @Test
    void greenPowerReliefCountsWholePointsAboveFifteenPercent() {
        GreenPowerRelief.GreenShare share = new GreenPowerRelief.GreenShare(2024, new BigDecimal("23.6"),
                new BigDecimal("20"));
        assertThat(GreenPowerRelief.reliefPercent(share)).isEqualTo(8);
        assertThat(GreenPowerRelief.reliefPercent(new GreenPowerRelief.GreenShare(2024, new BigDecimal("15"),
                BigDecimal.ZERO))).as("15 % is not above 15 %").isZero();
        assertThat(GreenPowerRelief.reliefPercent(new GreenPowerRelief.GreenShare(2024, new BigDecimal("15.9"),
                BigDecimal.ZERO))).as("a part point does not count").isZero();
        assertThat(GreenPowerRelief.reliefPercent(new GreenPowerRelief.GreenShare(2024, new BigDecimal("30"),
                new BigDecimal("31")))).as("below the province's incentive weight").isZero();
        assertThat(GreenPowerRelief.reliefPercent(new GreenPowerRelief.GreenShare(2024, new BigDecimal("100"),
                BigDecimal.ZERO))).isEqualTo(85);
        assertThat(GreenPowerRelief.relieved(new BigDecimal("0.03"), 8)).isEqualByComparingTo("0.0276");
    }

    @Test
    void greenPowerReliefCutsTheLadderOnly() {
        SurchargeRules.Outcome o = RULES.evaluate(aluminium(FULING, "al_liquid_comprehensive_ac", 2024, "13345"),
                YearMonth.of(2025, 7));
        SurchargeRules.Due ladder = o.items().stream().filter(d -> d.kind() == SurchargeKind.LADDER).findFirst()
                .orElseThrow();
        assertThat(ladder.rate()).isEqualByComparingTo("0.03");
        GreenPowerRelief.GreenShare share = new GreenPowerRelief.GreenShare(2024, new BigDecimal("25"),
                new BigDecimal("21.5"));
        SurchargeRules.Due relieved = GreenPowerRelief.apply(ladder, share);
        assertThat(relieved.rate()).isEqualByComparingTo("0.0270");
        assertThat(relieved.reliefPercent()).isEqualTo(10);
        assertThat(relieved.scaleId()).isEqualTo(ladder.scaleId());
        SurchargeRules.Due miner = RULES.evaluate(new EnterpriseFacts(FULING, List.of("OTHER"), List.of(), List.of(),
                List.of(), Set.of("CRYPTO_MINING")), YearMonth.of(2025, 7)).items().get(0);
        assertThat(GreenPowerRelief.apply(miner, share)).isSameAs(miner);
        assertThat(GreenPowerRelief.apply(ladder, null)).isSameAs(ladder);
    }
}
