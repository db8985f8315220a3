package org.capgov.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.catalog.CatalogRule;
import org.capgov.catalog.Catalog;
import org.capgov.catalog.Citation;
import org.capgov.catalog.Condition;
import org.capgov.catalog.SourceDocument;
import org.junit.jupiter.api.Test;

/** The engine on a hand-made catalogue: conditions, air zones, dates, units, eliminations, advisories, conflicts. */
class ComplianceEngineTest {

    static final LocalDate FROM = LocalDate.of(2014, 1, 1);
    static final SourceDocument CQ = new SourceDocument("cq", "渝府发〔2014〕3号", "t", "i", "MUNICIPAL", "500000", FROM,
            FROM, null, null, null);
    static final SourceDocument OTHER = new SourceDocument("cq2", "渝府发〔2014〕99号", "t", "i", "MUNICIPAL", "500000",
            FROM, FROM, null, null, null);

    static CatalogRule rule(String id, String doc, String type, String subject, String metric, List<Condition> when,
            String op, Object limit, String unit, String severity, String confidence) {
        return new CatalogRule(id, doc, CatalogRule.Kind.RULE, "ENVIRONMENT", "CEMENT", type, subject, metric, when, op,
                limit, unit, severity, null, FROM, null, confidence, new Citation("渝府发〔2014〕3号", "二", "DB50/418-2012", "…"));
    }

    static Condition airZone(String zone) {
        return new Condition(null, null, List.of(zone), null, null, null, null);
    }

    static final CatalogRule SO2_MAIN = rule("SO2-MAIN", "cq", null, "MEASUREMENT", "so2_conc", List.of(airZone("MAIN_CITY")),
            "<=", new BigDecimal("150"), "mg/m3", "VIOLATION", "V");
    static final CatalogRule SO2_OTHER = rule("SO2-OTHER", "cq", null, "MEASUREMENT", "so2_conc", List.of(airZone("OTHER")),
            "<=", new BigDecimal("200"), "mg/m3", "VIOLATION", "V");
    static final CatalogRule KILN_MAIN_CITY = new CatalogRule("ELIM-MAIN", "cq", CatalogRule.Kind.ELIMINATION, "TECHNOLOGY",
            "CEMENT", "CEMENT_KILN", "PARAMETER", null, List.of(airZone("MAIN_CITY")), null, null, null, "VIOLATION",
            LocalDate.of(2016, 12, 31), FROM, null, "V", new Citation("渝府发〔2014〕3号", "二（三）", null, "…"));
    static final CatalogRule SHAFT = new CatalogRule("ELIM-SHAFT", "cq", CatalogRule.Kind.ELIMINATION, "TECHNOLOGY", "CEMENT",
            "CEMENT_KILN", "PARAMETER", null,
            List.of(new Condition("process", null, null, null, List.of("SHAFT"), null, null)), null, null, null,
            "VIOLATION", LocalDate.of(2015, 12, 31), FROM, null, "V", new Citation("渝府发〔2014〕3号", "二（三）", null, "…"));

    static Facts facts(String zone, List<Facts.MeasurementFact> ms) {
        return new Facts(LocalDate.of(2016, 6, 30), zone, Set.of("cq", "cq2"), Set.of("CEMENT"),
                List.of(new Facts.EquipmentFact("K1", "CEMENT_KILN", Map.of("process", "NSP", "clinker_t_per_d",
                        new BigDecimal("4000")))), ms);
    }

    static Facts.MeasurementFact so2(String value) {
        return new Facts.MeasurementFact("K1", "so2_conc", new BigDecimal(value), "mg/m3", Map.of());
    }

    @Test
    void issueExampleMainCityKilnWithSo2Of160() {
        Catalog c = new Catalog("1", Map.of("cq", CQ), List.of(SO2_MAIN, SO2_OTHER, KILN_MAIN_CITY, SHAFT), List.of());
        List<Finding> findings = ComplianceEngine.evaluate(c, facts("MAIN_CITY", List.of(so2("160"))));
        Finding so2 = findings.stream().filter(f -> f.ruleId().equals("SO2-MAIN")).findFirst().orElseThrow();
        assertThat(so2.status()).isEqualTo("NONCOMPLIANT");
        assertThat(so2.subject()).isEqualTo("K1");
        assertThat(so2.limit()).isEqualTo(new BigDecimal("150"));
        assertThat(findings).noneMatch(f -> f.ruleId().equals("SO2-OTHER"));
        Finding elim = findings.stream().filter(f -> f.ruleId().equals("ELIM-MAIN")).findFirst().orElseThrow();
        assertThat(elim.status()).isEqualTo("ELIMINATED");
        assertThat(elim.deadline()).isEqualTo(LocalDate.of(2016, 12, 31));
        assertThat(findings).noneMatch(f -> f.ruleId().equals("ELIM-SHAFT"));
    }

    @Test
    void limitIsInclusiveAndOtherZonesHaveTheirOwnLimit() {
        Catalog c = new Catalog("1", Map.of("cq", CQ), List.of(SO2_MAIN, SO2_OTHER), List.of());
        assertThat(ComplianceEngine.evaluate(c, facts("MAIN_CITY", List.of(so2("150")))).get(0).status()).isEqualTo("COMPLIANT");
        List<Finding> other = ComplianceEngine.evaluate(c, facts("OTHER", List.of(so2("160"))));
        assertThat(other).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("SO2-OTHER");
            assertThat(f.status()).isEqualTo("COMPLIANT");
        });
        assertThat(ComplianceEngine.evaluate(c, facts("OTHER", List.of())).get(0).status()).isEqualTo("NO_DATA");
    }

    @Test
    void rulesOutsideTheirDatesOrDocumentsDoNotApply() {
        CatalogRule late = new CatalogRule("LATE", "cq", CatalogRule.Kind.RULE, "ENVIRONMENT", "CEMENT", null, "MEASUREMENT",
                "so2_conc", List.of(), "<=", new BigDecimal("1"), "mg/m3", "VIOLATION", null, LocalDate.of(2020, 1, 1), null,
                "V", null);
        Catalog c = new Catalog("1", Map.of("cq", CQ), List.of(late), List.of());
        assertThat(ComplianceEngine.evaluate(c, facts("OTHER", List.of(so2("5"))))).isEmpty();
        Facts elsewhere = new Facts(LocalDate.of(2021, 1, 1), "OTHER", Set.of(), Set.of("CEMENT"), List.of(), List.of(so2("5")));
        assertThat(ComplianceEngine.evaluate(c, elsewhere)).isEmpty();
    }

    @Test
    void softRulesGiveAdvisoryAndSecondarySourcesAreFlagged() {
        CatalogRule soft = rule("SOFT", "cq", null, "MEASUREMENT", "so2_conc", List.of(), "<=", new BigDecimal("100"),
                "mg/m3", "ADVISORY", "V");
        CatalogRule secondary = rule("SEC", "cq", null, "MEASUREMENT", "so2_conc", List.of(), "<=", new BigDecimal("100"),
                "mg/m3", "VIOLATION", "S");
        Catalog c = new Catalog("1", Map.of("cq", CQ), List.of(soft, secondary), List.of());
        List<Finding> f = ComplianceEngine.evaluate(c, facts("OTHER", List.of(so2("120"))));
        assertThat(f).filteredOn(x -> x.ruleId().equals("SOFT")).singleElement().extracting(Finding::status)
                .isEqualTo("ADVISORY");
        assertThat(f).filteredOn(x -> x.ruleId().equals("SEC")).singleElement()
                .satisfies(x -> assertThat(x.flags()).containsExactly(ComplianceEngine.S_FLAG));
    }

    @Test
    void contradictoryRulesAreReportedNotResolved() {
        CatalogRule atMost = rule("AT-MOST", "cq", null, "MEASUREMENT", "so2_conc", List.of(), "<=", new BigDecimal("100"),
                "mg/m3", "VIOLATION", "V");
        CatalogRule atLeast = rule("AT-LEAST", "cq2", null, "MEASUREMENT", "so2_conc", List.of(), ">=",
                new BigDecimal("120"), "mg/m3", "VIOLATION", "V");
        CatalogRule sameLevelOtherLimit = rule("OTHER-LIMIT", "cq2", null, "MEASUREMENT", "so2_conc", List.of(), "<=",
                new BigDecimal("90"), "mg/m3", "VIOLATION", "V");
        Catalog c = new Catalog("1", Map.of("cq", CQ, "cq2", OTHER), List.of(atMost, atLeast, sameLevelOtherLimit),
                List.of());
        List<Finding> f = ComplianceEngine.evaluate(c, facts("OTHER", List.of(so2("110"))));
        List<Conflict> conflicts = ConflictDetector.detect(c, f);
        assertThat(conflicts).anySatisfy(x -> assertThat(x.ruleIds()).containsExactlyInAnyOrder("AT-MOST", "AT-LEAST"));
        assertThat(conflicts).anySatisfy(x -> assertThat(x.ruleIds()).containsExactlyInAnyOrder("AT-MOST", "OTHER-LIMIT"));
        assertThat(conflicts).noneMatch(x -> x.ruleIds().equals(List.of("AT-LEAST", "OTHER-LIMIT"))
                && x.reason().contains("不同限值"));
    }
}
