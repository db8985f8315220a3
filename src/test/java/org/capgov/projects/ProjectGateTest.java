package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.catalog.Catalog;
import org.capgov.catalog.Citation;
import org.capgov.catalog.ReplacementRule;
import org.capgov.catalog.SourceDocument;
import org.capgov.compliance.Finding;
import org.capgov.compliance.ProjectRuleFindings;
import org.capgov.projects.gate.GateDecision;
import org.capgov.projects.gate.GateDecision.Decision;
import org.capgov.projects.gate.GateDecision.Effect;
import org.capgov.projects.gate.ProjectGate;
import org.capgov.projects.gate.ReplacementPlans;
import org.junit.jupiter.api.Test;

/** The project gate as a pure rule: bans read as net new capacity, ratios by region and case, suspensions, findings. */
class ProjectGateTest {

    static final LocalDate FROM = LocalDate.of(2021, 6, 1);
    static final SourceDocument NATIONAL = new SourceDocument("nat", "工信部原〔2021〕46号", "t", "i", "NATIONAL", null,
            null, FROM, null, null, null);
    static final SourceDocument LOCAL = new SourceDocument("loc", "渝府发〔2014〕3号", "t", "i", "MUNICIPAL", "500000",
            null, LocalDate.of(2014, 1, 1), null, null, null);

    static ReplacementRule ratio(String id, String doc, Boolean key, String kase, String ratio, String confidence) {
        return new ReplacementRule(id, doc, ReplacementRule.Kind.RATIO, List.of("STEEL"), null, key, kase,
                new BigDecimal(ratio), doc.equals("nat") ? FROM : LocalDate.of(2014, 1, 1), null, confidence,
                new Citation(doc, "§", null, "text " + id));
    }

    static final ReplacementRule KEY = ratio("KEY", "nat", true, "NORMAL", "1.5", "V");
    static final ReplacementRule OTHER = ratio("OTHER", "nat", false, "NORMAL", "1.25", "V");
    static final ReplacementRule MERGER_OTHER = ratio("MERGER-OTHER", "nat", false, "MERGER", "1.1", "V");
    static final ReplacementRule EQUAL_EAF = ratio("EQUAL-EAF", "nat", null, "EQUAL_EAF_TO_EAF", "1", "V");
    static final ReplacementRule LOCAL_EQUAL = ratio("LOCAL-EQUAL", "loc", null, null, "1", "V");
    static final ReplacementRule BAN = new ReplacementRule("BAN", "loc", ReplacementRule.Kind.BAN,
            List.of("STEEL", "CEMENT"), null, null, null, null, LocalDate.of(2014, 1, 1), null, "V",
            new Citation("渝府发〔2014〕3号", "二、（二）", null, "不得核准、备案产能过剩行业新增产能项目"));
    static final ReplacementRule SUSPENSION = new ReplacementRule("SUSP", "nat", ReplacementRule.Kind.SUSPENSION,
            List.of("STEEL"), null, null, null, null, LocalDate.of(2024, 8, 23), null, "V", new Citation("x", "§", null, "t"));

    static final Catalog CATALOGUE = new Catalog("7", Map.of("nat", NATIONAL, "loc", LOCAL), List.of(), List.of(),
            List.of(KEY, OTHER, MERGER_OTHER, EQUAL_EAF, LOCAL_EQUAL, BAN, SUSPENSION));

    static ProjectRuleFindings facts(String date, boolean key, Set<String> docs, Finding... findings) {
        return new ProjectRuleFindings("7", LocalDate.parse(date), "510100", key, docs, List.of(findings));
    }

    static ProjectGate.Project steel(long added, long removed, String kase) {
        return new ProjectGate.Project("STEEL", "NEW", "CRUDE_STEEL", "t", BigDecimal.valueOf(added),
                BigDecimal.valueOf(removed), kase);
    }

    @Test
    void theIssueExampleNeedsReplacementAtOnePointTwoFiveOutsideKeyRegions() {
        GateDecision d = ProjectGate.decide(CATALOGUE, facts("2021-07-01", false, Set.of("nat")), steel(1_500_000, 0, "NORMAL"));
        assertThat(d.decision()).isEqualTo(Decision.NEEDS_REPLACEMENT);
        assertThat(d.ratio()).isEqualByComparingTo("1.25");
        assertThat(d.requiredRetirement().quantity()).isEqualByComparingTo("1875000");
        assertThat(d.requiredRetirement().product()).isEqualTo("CRUDE_STEEL");
        assertThat(d.reasons()).extracting(GateDecision.Reason::ruleId).containsExactly("OTHER");
        assertThat(d.reasons().get(0).citation().text()).isEqualTo("text OTHER");
    }

    @Test
    void keyRegionsTakeTheHigherRatioAndMergersTheLower() {
        assertThat(ProjectGate.decide(CATALOGUE, facts("2021-07-01", true, Set.of("nat")), steel(100, 0, "NORMAL")).ratio())
                .isEqualByComparingTo("1.5");
        GateDecision merger = ProjectGate.decide(CATALOGUE, facts("2021-07-01", false, Set.of("nat")), steel(100, 0, "MERGER"));
        assertThat(merger.ratio()).isEqualByComparingTo("1.1");
        assertThat(merger.requiredRetirement().quantity()).isEqualByComparingTo("110");
        // a key region has no merger ratio in this catalogue: the normal ratio applies
        assertThat(ProjectGate.decide(CATALOGUE, facts("2021-07-01", true, Set.of("nat")), steel(100, 0, "MERGER")).ratio())
                .isEqualByComparingTo("1.5");
        assertThat(ProjectGate.decide(CATALOGUE, facts("2021-07-01", true, Set.of("nat")), steel(100, 0, "EQUAL_EAF_TO_EAF"))
                .ratio()).isEqualByComparingTo("1");
    }

    @Test
    void theHighestMatchingRatioWinsBetweenNationalAndLocal() {
        GateDecision d = ProjectGate.decide(CATALOGUE, facts("2021-07-01", false, Set.of("nat", "loc")), steel(100, 0, "NORMAL"));
        assertThat(d.ratio()).isEqualByComparingTo("1.25");
        assertThat(d.reasons()).extracting(GateDecision.Reason::ruleId).containsExactly("BAN", "OTHER");
        // before the national measures, the local ban and its equal replacement apply
        GateDecision before = ProjectGate.decide(CATALOGUE, facts("2020-01-01", false, Set.of("nat", "loc")), steel(100, 0, "NORMAL"));
        assertThat(before.ratio()).isEqualByComparingTo("1");
        assertThat(before.reasons()).extracting(GateDecision.Reason::ruleId).containsExactly("BAN", "LOCAL-EQUAL");
    }

    @Test
    void aBanAloneRequiresAtLeastEqualReplacementOfTheNetAddition() {
        Catalog banOnly = new Catalog("1", Map.of("loc", LOCAL), List.of(), List.of(), List.of(BAN));
        GateDecision d = ProjectGate.decide(banOnly, facts("2020-01-01", false, Set.of("loc")),
                new ProjectGate.Project("CEMENT", "EXPANSION", "CLINKER", "t", BigDecimal.valueOf(1000), BigDecimal.valueOf(400), null));
        assertThat(d.decision()).isEqualTo(Decision.NEEDS_REPLACEMENT);
        assertThat(d.ratio()).isEqualByComparingTo("1");
        assertThat(d.requiredRetirement().quantity()).isEqualByComparingTo("600");
    }

    @Test
    void aProjectAddingNoNetCapacityIsAllowedUnderTheBan() {
        GateDecision d = ProjectGate.decide(CATALOGUE, facts("2021-07-01", false, Set.of("nat", "loc")), steel(100, 100, "NORMAL"));
        assertThat(d.decision()).isEqualTo(Decision.ALLOWED);
        assertThat(d.requiredRetirement()).isNull();
        assertThat(d.reasons()).extracting(GateDecision.Reason::source).containsExactly("NO_NET_CAPACITY");
    }

    @Test
    void theSteelSuspensionRefusesProjectsThatNeedReplacement() {
        GateDecision d = ProjectGate.decide(CATALOGUE, facts("2024-08-23", false, Set.of("nat")), steel(100, 0, "NORMAL"));
        assertThat(d.decision()).isEqualTo(Decision.REFUSED);
        assertThat(d.reasons()).anyMatch(r -> r.ruleId().equals("SUSP") && r.effect() == Effect.REFUSES);
        assertThat(ProjectGate.decide(CATALOGUE, facts("2024-08-22", false, Set.of("nat")), steel(100, 0, "NORMAL")).decision())
                .isEqualTo(Decision.NEEDS_REPLACEMENT);
    }

    @Test
    void industriesWithoutRulesOnNewCapacityAreAllowed() {
        GateDecision d = ProjectGate.decide(CATALOGUE, facts("2021-07-01", false, Set.of("nat", "loc")),
                new ProjectGate.Project("COKING", "NEW", "COKE", "t", BigDecimal.TEN, BigDecimal.ZERO, null));
        assertThat(d.decision()).isEqualTo(Decision.ALLOWED);
        assertThat(d.reasons()).isEmpty();
    }

    @Test
    void aViolatedProjectRuleOrAnEliminatedTypeRefusesAndAnSecondarySourceOnlyAdvises() {
        Citation c = new Citation("渝府发〔2014〕3号", "二、（一）1．（3）", null, "转炉公称容量30t以上");
        Finding small = new Finding("CONV", "TECHNOLOGY", "NONCOMPLIANT", "V1", "nominal_t", new BigDecimal("20"), ">=",
                new BigDecimal("30"), "t", "VIOLATION", null, "V", List.of(), c);
        GateDecision d = ProjectGate.decide(CATALOGUE, facts("2021-07-01", false, Set.of("nat"), small), steel(100, 0, "NORMAL"));
        assertThat(d.decision()).isEqualTo(Decision.REFUSED);
        assertThat(d.reasons().get(0)).satisfies(r -> {
            assertThat(r.ruleId()).isEqualTo("CONV");
            assertThat(r.effect()).isEqualTo(Effect.REFUSES);
            assertThat(r.citation()).isEqualTo(c);
        });
        Finding eliminated = new Finding("ELIM", "TECHNOLOGY", "ELIMINATED", "V2", null, null, null, null, null,
                "VIOLATION", null, "V", List.of(), c);
        assertThat(ProjectGate.decide(CATALOGUE, facts("2021-07-01", false, Set.of(), eliminated), steel(100, 0, null))
                .decision()).isEqualTo(Decision.REFUSED);
        Finding secondary = new Finding("SEC", "TECHNOLOGY", "NONCOMPLIANT", "V1", "nominal_t", BigDecimal.ONE, ">=",
                BigDecimal.TEN, "t", "ADVISORY", null, "S", List.of(), c);
        GateDecision advised = ProjectGate.decide(CATALOGUE, facts("2021-07-01", false, Set.of(), secondary), steel(100, 0, null));
        assertThat(advised.decision()).isEqualTo(Decision.ALLOWED);
        assertThat(advised.reasons()).extracting(GateDecision.Reason::effect).containsExactly(Effect.ADVISES);
    }

    static ReplacementPlans.PlanFacts plan(String status, String announcedOn, String region, long covered) {
        return new ReplacementPlans.PlanFacts("ZH-9", status, "CRUDE_STEEL", region, BigDecimal.valueOf(covered),
                announcedOn == null ? null : LocalDate.parse(announcedOn), announcedOn == null ? null : "渝经信公告〔2021〕1号");
    }

    @Test
    void anAnnouncedPlanOfTheSameRegionRetiringEnoughAllowsTheProjectAndNothingElseDoes() {
        GateDecision d = ProjectGate.decide(CATALOGUE, facts("2021-07-01", false, Set.of("nat")), steel(1_500_000, 0, null));
        GateDecision covered = ProjectGate.withPlan(d, plan("ANNOUNCED", "2021-06-20", "510100", 1_875_000));
        assertThat(covered.decision()).isEqualTo(Decision.ALLOWED);
        assertThat(covered.replacementPlan().covers()).isTrue();
        assertThat(covered.reasons()).last().extracting(GateDecision.Reason::text).asString()
                .contains("ZH-9").contains("渝经信公告〔2021〕1号");

        GateDecision tooLittle = ProjectGate.withPlan(d, plan("ANNOUNCED", "2021-06-20", "510100", 1_874_999));
        assertThat(tooLittle.decision()).isEqualTo(Decision.NEEDS_REPLACEMENT);
        assertThat(tooLittle.replacementPlan().covers()).isFalse();
        assertThat(tooLittle.reasons()).last().extracting(GateDecision.Reason::text).asString().contains("少于所需");
        assertThat(ProjectGate.withPlan(d, plan("NOTICE", null, "510100", 2_000_000)).reasons()).last()
                .extracting(GateDecision.Reason::text).asString().contains("尚未公告");
        assertThat(ProjectGate.withPlan(d, plan("ANNOUNCED", "2021-07-02", "510100", 2_000_000)).reasons()).last()
                .extracting(GateDecision.Reason::text).asString().contains("晚于评价日期");
        GateDecision elsewhere = ProjectGate.withPlan(d, plan("ANNOUNCED", "2021-06-20", "500102", 2_000_000));
        assertThat(elsewhere.decision()).isEqualTo(Decision.NEEDS_REPLACEMENT);
        assertThat(elsewhere.reasons()).last().extracting(GateDecision.Reason::text).asString().contains("500102");

        GateDecision suspended = ProjectGate.decide(CATALOGUE, facts("2024-09-01", false, Set.of("nat")),
                steel(1_500_000, 0, null));
        GateDecision stillRefused = ProjectGate.withPlan(suspended, plan("ANNOUNCED", "2024-08-01", "510100", 9_000_000));
        assertThat(stillRefused.decision()).isEqualTo(Decision.REFUSED);
        assertThat(stillRefused.replacementPlan().covers()).isFalse();
        assertThat(ProjectGate.withPlan(d, null)).isSameAs(d);
    }

    @Test
    void aSuspensionIsFoundByIndustryOnTheDayTheNoticeStartsAmongTheDocumentsCoveringTheRegion() {
        assertThat(ProjectGate.suspension(CATALOGUE, Set.of("nat"), "STEEL", LocalDate.of(2024, 8, 23))).contains(SUSPENSION);
        assertThat(ProjectGate.suspension(CATALOGUE, Set.of("nat"), "STEEL", LocalDate.of(2026, 12, 8))).contains(SUSPENSION);
        assertThat(ProjectGate.suspension(CATALOGUE, Set.of("nat"), "STEEL", LocalDate.of(2024, 8, 22))).isEmpty();
        assertThat(ProjectGate.suspension(CATALOGUE, Set.of("nat"), "CEMENT", LocalDate.of(2026, 12, 8))).isEmpty();
        assertThat(ProjectGate.suspension(CATALOGUE, Set.of("loc"), "STEEL", LocalDate.of(2026, 12, 8))).isEmpty();
    }
}
