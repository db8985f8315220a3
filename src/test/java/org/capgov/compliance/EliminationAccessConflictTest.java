package org.capgov.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.catalog.CatalogRule;
import org.capgov.catalog.Catalog;
import org.capgov.catalog.CatalogFixtures;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 3, on the catalogue files: seed 000 二、（一）1 admits "400立方米及以上高炉", "30吨及以上转炉和电炉" and
 * high-alloy EAFs from 10 t, while 产业结构调整指导目录（2011年本）eliminates ≤ 400 m³ and ≤ 30 t until 2024-01-31. An
 * elimination item that catches what an access rule admits is reported as a conflict.
 */
class EliminationAccessConflictTest {

    static final Catalog FILES = CatalogFixtures.files();
    static final LocalDate IN_2016 = LocalDate.of(2016, 6, 30);

    static Facts steelPlant(LocalDate asOf, Facts.EquipmentFact... equipment) {
        return new Facts(asOf, "OTHER", Set.of("cq-2014-3", "national"), Set.of("STEEL"), List.of(equipment), List.of());
    }

    static Facts.EquipmentFact item(String ref, String type, Map<String, Object> parameters) {
        return new Facts.EquipmentFact(ref, type, parameters);
    }

    static List<Conflict> conflicts(Facts facts) {
        return ConflictDetector.detect(FILES, ComplianceEngine.evaluate(FILES, facts));
    }

    @Test
    void a400CubicMetreBlastFurnaceAdmittedBySeed000AndEliminatedNationallyIsAConflict() {
        List<Conflict> found = conflicts(steelPlant(IN_2016, item("BF1", "BLAST_FURNACE",
                Map.of("volume_m3", new BigDecimal("400"), "purpose", "GENERAL"))));
        assertThat(found).anySatisfy(c -> {
            assertThat(c.subject()).isEqualTo("BF1");
            assertThat(c.metric()).isEqualTo("volume_m3");
            assertThat(c.ruleIds()).containsExactly("CQ2014-STEEL-TECH-BF-VOLUME", "NAT-ELIM-2011-BF-400");
            assertThat(c.reason()).isEqualTo(ConflictDetector.ELIMINATION_ADMITTED);
        });
    }

    @Test
    void thirtyTonneConvertersAndEafsAndTenTonneHighAlloyEafsAreConflicts() {
        List<Conflict> found = conflicts(steelPlant(IN_2016,
                item("CV1", "CONVERTER", Map.of("nominal_t", new BigDecimal("30"))),
                item("EAF1", "EAF", Map.of("nominal_t", new BigDecimal("30"), "transformer_kva", new BigDecimal("20000"),
                        "grade", "ORDINARY")),
                item("EAF2", "EAF", Map.of("nominal_t", new BigDecimal("10"), "transformer_kva", new BigDecimal("6000"),
                        "grade", "HIGH_ALLOY"))));
        assertThat(found).anySatisfy(c -> assertThat(c.ruleIds())
                .containsExactly("CQ2014-STEEL-TECH-CONVERTER-SIZE", "NAT-ELIM-2011-CONVERTER-30T"));
        assertThat(found).anySatisfy(c -> assertThat(c.ruleIds())
                .containsExactly("CQ2014-STEEL-TECH-EAF-SIZE", "NAT-ELIM-2011-EAF-30T"));
        assertThat(found).anySatisfy(c -> assertThat(c.ruleIds())
                .containsExactly("CQ2014-STEEL-TECH-EAF-HIGH-ALLOY-SIZE", "NAT-ELIM-2011-EAF-30T"));
    }

    @Test
    void noConflictWhereBothAgreeOrOnceTheNationalItemIsNoLongerInForce() {
        // a 300 m³ furnace fails access and is eliminated: the two agree
        assertThat(conflicts(steelPlant(IN_2016, item("BF2", "BLAST_FURNACE",
                Map.of("volume_m3", new BigDecimal("300"), "purpose", "GENERAL"))))).isEmpty();
        // a 1000 m³ furnace is admitted and not eliminated
        assertThat(conflicts(steelPlant(IN_2016, item("BF3", "BLAST_FURNACE",
                Map.of("volume_m3", new BigDecimal("1000"), "purpose", "GENERAL"))))).isEmpty();
        // the 2011 catalogue's last day is 2024-01-31
        Facts.EquipmentFact bf = item("BF1", "BLAST_FURNACE", Map.of("volume_m3", new BigDecimal("400"), "purpose", "GENERAL"));
        assertThat(conflicts(steelPlant(LocalDate.of(2024, 1, 31), bf))).isNotEmpty();
        assertThat(conflicts(steelPlant(LocalDate.of(2024, 2, 1), bf))).isEmpty();
    }

    /** Runs check only rules that can meet; the pairs above are among them, found from the catalogue alone. */
    @Test
    void runsKnowWhichEliminationItemsCanCatchAdmittedEquipment() {
        CatalogRule bfAccess = rule("CQ2014-STEEL-TECH-BF-VOLUME");
        assertThat(ConflictDetector.eliminationMayCatchAdmitted(rule("NAT-ELIM-2011-BF-400"), bfAccess)).isTrue();
        assertThat(ConflictDetector.eliminationMayCatchAdmitted(rule("SC2014-ELIM-BF-400"), bfAccess)).isTrue();
        assertThat(ConflictDetector.eliminationMayCatchAdmitted(rule("NAT-ELIM-2011-CONVERTER-30T"), bfAccess)).isFalse();
        assertThat(new ComplianceRunConflicts(FILES).proneRules()).contains("NAT-ELIM-2011-BF-400",
                "NAT-ELIM-2011-CONVERTER-30T", "NAT-ELIM-2011-EAF-30T");
        assertThat(ConflictDetector.intervalsMeet("<=", new BigDecimal("400"), ">=", new BigDecimal("400"))).isTrue();
        assertThat(ConflictDetector.intervalsMeet("<", new BigDecimal("400"), ">=", new BigDecimal("400"))).isFalse();
        assertThat(ConflictDetector.intervalsMeet("<=", new BigDecimal("160"), ">", new BigDecimal("100"))).isTrue();
    }

    static CatalogRule rule(String id) {
        return FILES.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
