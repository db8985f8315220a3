package org.capgov.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.catalog.Catalog;
import org.capgov.catalog.CatalogFixtures;
import org.junit.jupiter.api.Test;

/** Issue 13 items 4 to 7 on the catalogue files: each test names the sentence of seed 000 it holds. */
class SeedApplicabilityTest {

    static final Catalog FILES = CatalogFixtures.files();
    static final Set<String> CHONGQING = Set.of("cq-2014-3", "national");

    static Facts facts(LocalDate asOf, String zone, String industry, List<Facts.EquipmentFact> equipment,
            List<Facts.MeasurementFact> measurements) {
        return new Facts(asOf, zone, CHONGQING, Set.of(industry), equipment, measurements);
    }

    static List<Finding> of(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** 二、（一） "到2018年，对达不到行业环保、能耗、工艺与装备标准的企业实施关闭或淘汰". */
    @Test
    void item4AViolationOfASeed000StandardCarriesTheOuterClosureDeadlineOf2018() {
        Facts cement = facts(LocalDate.of(2020, 3, 1), "MAIN_CITY", "CEMENT",
                List.of(new Facts.EquipmentFact("K1", "CEMENT_KILN", Map.of("process", "NSP",
                        "clinker_t_per_d", new BigDecimal("4000")))),
                List.of(new Facts.MeasurementFact("K1", "so2_conc", new BigDecimal("160"), "mg/m3", Map.of()),
                        new Facts.MeasurementFact("K1", "nox_conc", new BigDecimal("200"), "mg/m3", Map.of())));
        List<Finding> findings = ComplianceEngine.evaluate(FILES, cement);
        Finding so2 = of(findings, "CQ2014-CEMENT-ENV-SO2-MAIN-CITY").get(0);
        assertThat(so2.status()).isEqualTo("NONCOMPLIANT");
        assertThat(so2.deadline()).isEqualTo(LocalDate.of(2018, 12, 31));
        assertThat(so2.flags()).anySatisfy(f -> assertThat(f).contains("二、（一）").contains("2018-12-31")
                .contains("到2018年，对达不到行业环保、能耗、工艺与装备标准的企业实施关闭或淘汰"));
        // a rule that is met carries no closure deadline
        Finding nox = of(findings, "CQ2014-CEMENT-ENV-NOX-MAIN-CITY").get(0);
        assertThat(nox.status()).isEqualTo("COMPLIANT");
        assertThat(nox.deadline()).isNull();
        // the consequence is catalogue data, exposed for enforcement
        assertThat(FILES.consequences()).extracting(r -> r.id()).containsExactlyInAnyOrder(
                "CQ2014-CLOSURE-2018-ENVIRONMENT", "CQ2014-CLOSURE-2018-ENERGY", "CQ2014-CLOSURE-2018-TECHNOLOGY");
        assertThat(FILES.closureConsequence(FILES.rules().stream()
                .filter(r -> r.id().equals("CQ2014-CEMENT-ENV-SO2-MAIN-CITY")).findFirst().orElseThrow(),
                LocalDate.of(2020, 3, 1)).orElseThrow().deadline()).isEqualTo(LocalDate.of(2018, 12, 31));
        // national rules are not seed 000's standards: no 2018 horizon on them
        assertThat(findings).filteredOn(f -> f.ruleId().startsWith("NAT-") && f.status().equals("NONCOMPLIANT"))
                .allSatisfy(f -> assertThat(f.deadline()).isNull());
    }

    /** 二、（三）1 "…以及环保不达标的冶金炉窑". */
    @Test
    void item5AnEnvironmentViolationOnAMetallurgicalFurnaceLeadsToExit() {
        Map<String, Object> bf = Map.of("volume_m3", new BigDecimal("1200"), "purpose", "GENERAL");
        Facts.MeasurementFact dusty = new Facts.MeasurementFact("BF1", "dust_per_t_steel", new BigDecimal("1.5"), "kg/t",
                Map.of());
        List<Finding> failing = ComplianceEngine.evaluate(FILES, facts(LocalDate.of(2016, 6, 30), "OTHER", "STEEL",
                List.of(new Facts.EquipmentFact("BF1", "BLAST_FURNACE", bf)), List.of(dusty)));
        assertThat(of(failing, "CQ2014-STEEL-ENV-DUST")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo("NONCOMPLIANT"));
        assertThat(of(failing, "CQ2014-ELIM-METALLURGICAL-FURNACE-ENV-BF")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo("ELIMINATED");
            assertThat(f.subject()).isEqualTo("BF1");
            assertThat(f.dimension()).isEqualTo("TECHNOLOGY");
            assertThat(f.metric()).isEqualTo("dust_per_t_steel");
            assertThat(f.citation().text()).isEqualTo("以及环保不达标的冶金炉窑");
        });
        // the same furnace within the limit is not eliminated
        List<Finding> clean = ComplianceEngine.evaluate(FILES, facts(LocalDate.of(2016, 6, 30), "OTHER", "STEEL",
                List.of(new Facts.EquipmentFact("BF1", "BLAST_FURNACE", bf)), List.of(new Facts.MeasurementFact("BF1",
                        "dust_per_t_steel", new BigDecimal("1.0"), "kg/t", Map.of()))));
        assertThat(of(clean, "CQ2014-ELIM-METALLURGICAL-FURNACE-ENV-BF")).isEmpty();
        // an enterprise-level figure names no furnace
        List<Finding> plantWide = ComplianceEngine.evaluate(FILES, facts(LocalDate.of(2016, 6, 30), "OTHER", "STEEL",
                List.of(new Facts.EquipmentFact("BF1", "BLAST_FURNACE", bf)), List.of(new Facts.MeasurementFact(null,
                        "dust_per_t_steel", new BigDecimal("1.5"), "kg/t", Map.of()))));
        assertThat(of(plantWide, "CQ2014-ELIM-METALLURGICAL-FURNACE-ENV-BF")).isEmpty();
    }

    /** 二、（三）4 "引导熔窑规模在500T/D以下且不满足平板玻璃准入条件的小浮法玻璃生产线有序退出". */
    @Test
    void item6ASmallFloatLineIsEliminatedOnlyWhenItFailsTheAccessConditionsAndIsNoDataWithoutTheFact() {
        Map<String, Object> line = new HashMap<>(Map.of("process", "FLOAT", "melt_t_per_d", new BigDecimal("450")));
        assertThat(smallFloat(line)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo("NO_DATA");
            assertThat(f.metric()).isEqualTo("meets_flat_glass_access");
        });
        line.put("meets_flat_glass_access", Boolean.FALSE);
        assertThat(smallFloat(line)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo("ELIMINATED");
            assertThat(f.severity()).isEqualTo("ADVISORY");
        });
        line.put("meets_flat_glass_access", Boolean.TRUE);
        assertThat(smallFloat(line)).isEmpty();
        // a line above 500 t/d is outside the item whatever is known of it
        assertThat(smallFloat(Map.of("process", "FLOAT", "melt_t_per_d", new BigDecimal("600")))).isEmpty();
    }

    private static List<Finding> smallFloat(Map<String, Object> parameters) {
        return of(ComplianceEngine.evaluate(FILES, facts(LocalDate.of(2015, 6, 30), "OTHER", "FLAT_GLASS",
                List.of(new Facts.EquipmentFact("G1", "GLASS_LINE", parameters)), List.of())),
                "CQ2014-ELIM-GLASS-SMALL-FLOAT");
    }

    /**
     * 二、（三）2 "2016年年底前全面关闭主城的水泥生产线": a clinker line is a 水泥生产线, a stand-alone grinding station
     * (cement mills, no kiln) is not (docs/decisions/seed-readings.md R7).
     */
    @Test
    void item7MainCityClinkerLinesCloseAndStandAloneGrindingStationsAreNotCementProductionLines() {
        List<Finding> kiln = ComplianceEngine.evaluate(FILES, facts(LocalDate.of(2016, 6, 30), "MAIN_CITY", "CEMENT",
                List.of(new Facts.EquipmentFact("K1", "CEMENT_KILN", Map.of("process", "NSP",
                        "clinker_t_per_d", new BigDecimal("4000")))), List.of()));
        assertThat(of(kiln, "CQ2014-ELIM-CEMENT-MAIN-CITY")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo("ELIMINATED");
            assertThat(f.deadline()).isEqualTo(LocalDate.of(2016, 12, 31));
        });
        List<Finding> grindingStation = ComplianceEngine.evaluate(FILES, facts(LocalDate.of(2016, 6, 30), "MAIN_CITY",
                "CEMENT", List.of(new Facts.EquipmentFact("M1", "CEMENT_MILL", Map.of("diameter_m", new BigDecimal("3.8")))),
                List.of()));
        assertThat(grindingStation).noneMatch(f -> f.status().equals("ELIMINATED"));
        assertThat(FILES.eliminations()).noneMatch(r -> "CEMENT_MILL".equals(r.equipmentType())
                && r.documentId().equals("cq-2014-3"));
    }
}
