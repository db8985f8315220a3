package org.capgov.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.capgov.registry.EquipmentType;
import org.capgov.registry.ParameterSpec;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 8: project rules (scope PROJECT) are not applied to existing capacity, so the coverage does not count
 * them as rules evaluated there; the anode / cathode bans name independent plants only.
 */
class ProjectRulesCoverageTest {

    private final Catalog catalogue = read();

    private static Catalog read() {
        try {
            return CatalogFiles.read("test").catalogue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CatalogCoverage.DocumentCoverage row(CatalogCoverage coverage, String id) {
        return coverage.documents().stream().filter(d -> d.document().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void projectOnlyRulesAreCountedApartAndNotAsEncodedRules() {
        CatalogCoverage coverage = CatalogCoverage.of(catalogue);
        CatalogCoverage.DocumentCoverage cq = row(coverage, "cq-2014-3");
        List<CatalogRule> cqRules = catalogue.rules().stream().filter(r -> r.documentId().equals("cq-2014-3")).toList();
        long projectOnly = cqRules.stream().filter(CatalogRule::forProjectsOnly).count();
        // 铝 ≥400 kA renovation projects, 炭阳极 and 炭阴极 sizes
        assertThat(projectOnly).isEqualTo(3);
        assertThat(cq.projectOnly()).isEqualTo(projectOnly);
        assertThat(cq.projectGate()).isGreaterThan(projectOnly);
        assertThat(cq.rules()).isEqualTo(cqRules.stream()
                .filter(r -> r.kind() == CatalogRule.Kind.RULE && !r.forProjectsOnly()).count());
        assertThat(cq.rulesByDimension().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(cq.rules());
        assertThat(cq.total()).isEqualTo(cqRules.size() - projectOnly + cq.targets());
        assertThat(coverage.totals().projectOnly()).isEqualTo(
                catalogue.rules().stream().filter(CatalogRule::forProjectsOnly).count());
    }

    /** Seed 000 二、（三）3: "禁止建设15万吨/年以下的独立铝用炭阳极项目和2万吨/年以下的独立铝用炭阴极项目". */
    @Test
    void anodeAndCathodeBansApplyToIndependentPlantsOnly() {
        for (String id : List.of("CQ2014-AL-TECH-ANODE-SIZE", "CQ2014-AL-TECH-CATHODE-SIZE")) {
            CatalogRule r = catalogue.rules().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            assertThat(r.when()).anySatisfy(c -> {
                assertThat(c.param()).isEqualTo("independent");
                assertThat(c.in()).containsExactly("true");
            });
            assertThat(r.forProjectsOnly()).isTrue();
        }
        for (EquipmentType t : List.of(EquipmentType.CARBON_ANODE_PLANT, EquipmentType.CARBON_CATHODE_PLANT)) {
            ParameterSpec independent = t.parameter("independent").orElseThrow();
            assertThat(independent.kind()).isEqualTo(ParameterSpec.Kind.BOOLEAN);
            assertThat(independent.defaultValue()).as("unknown until recorded").isNull();
        }
    }
}
