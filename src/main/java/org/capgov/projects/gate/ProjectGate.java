package org.capgov.projects.gate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.time.LocalDate;
import org.capgov.catalog.Catalog;
import org.capgov.catalog.ReplacementRule;
import org.capgov.compliance.Finding;
import org.capgov.compliance.ProjectRuleFindings;
import org.capgov.projects.gate.GateDecision.Decision;
import org.capgov.projects.gate.GateDecision.Effect;
import org.capgov.projects.gate.GateDecision.Reason;

/**
 * The project gate as a pure rule: the findings on the project's equipment, and the catalogue's rules on new capacity
 * in force on the project's date and covering its region, give ALLOWED, NEEDS_REPLACEMENT or REFUSED. No database,
 * no clock.
 *
 * <p>Reading of the bans ("不得核准、备案…新增产能项目"): they forbid <em>net</em> new capacity. A project fully covered
 * by an equal-or-reduced replacement adds none, so a project under a ban or a replacement ratio needs replacement of
 * its net added capacity times the ratio in force (the highest matching ratio, national or local; 1 : 1 when only a
 * ban applies, since less would leave net new capacity). A suspension of replacement, a violated project rule or an
 * eliminated equipment type refuses it.
 */
public final class ProjectGate {

    static final String S_FLAG = "依据为二手来源（置信度 S），须核对原文后方可据此确认置换方案";

    private ProjectGate() {
    }

    /** The project as the gate needs it; quantities in the product's unit, {@code removed} zero when none. */
    public record Project(String industry, String kind, String product, String unit, BigDecimal added,
            BigDecimal removed, String replacementCase) {
    }

    public static GateDecision decide(Catalog catalogue, ProjectRuleFindings facts, Project project) {
        List<Reason> reasons = new ArrayList<>();
        boolean refused = false;
        for (Finding f : facts.findings()) {
            refused |= findingReason(f, reasons);
        }
        List<ReplacementRule> inForce = catalogue.replacement().stream()
                .filter(r -> r.inForceOn(facts.asOf()) && facts.documents().contains(r.documentId())
                        && r.covers(project.industry()))
                .toList();
        List<ReplacementRule> bans = ofKind(inForce, ReplacementRule.Kind.BAN);
        List<ReplacementRule> ratios = ratios(ofKind(inForce, ReplacementRule.Kind.RATIO), project, facts.keyAirRegion());
        BigDecimal net = project.added().subtract(project.removed());
        if (bans.isEmpty() && ratios.isEmpty()) {
            return decision(catalogue, facts, project, refused ? Decision.REFUSED : Decision.ALLOWED, null, null, reasons);
        }
        if (net.signum() <= 0) {
            reasons.add(new Reason(null, "NO_NET_CAPACITY", Effect.INFORMS, "项目不新增净产能（新增 " + plain(project.added())
                    + "，同时淘汰 " + plain(project.removed()) + " " + project.unit() + "），不受新增产能禁令约束", null, null,
                    null, null, null, null, null, null, null, List.of(), null));
            return decision(catalogue, facts, project, refused ? Decision.REFUSED : Decision.ALLOWED, null, null, reasons);
        }
        for (ReplacementRule ban : bans) {
            reasons.add(entryReason(ban, Effect.REQUIRES_REPLACEMENT, "禁止新增产能：净新增 " + plain(net) + " "
                    + project.unit() + " 须以置换抵消"));
        }
        ReplacementRule chosen = ratios.stream().max(Comparator.comparing(ReplacementRule::ratio)).orElse(null);
        BigDecimal ratio = chosen == null ? BigDecimal.ONE : chosen.ratio();
        if (chosen != null) {
            reasons.add(entryReason(chosen, Effect.REQUIRES_REPLACEMENT, "置换比例 " + plain(ratio) + "：1"
                    + (chosen.keyRegion() == null ? "" : chosen.keyRegion() ? "（大气污染防治重点区域）" : "（非重点区域）")));
        }
        for (ReplacementRule s : ofKind(inForce, ReplacementRule.Kind.SUSPENSION)) {
            reasons.add(entryReason(s, Effect.REFUSES, "产能置换暂停期间不得公示置换方案，需置换的项目不予通过"));
            refused = true;
        }
        BigDecimal required = net.multiply(ratio).stripTrailingZeros();
        return decision(catalogue, facts, project, refused ? Decision.REFUSED : Decision.NEEDS_REPLACEMENT, ratio,
                new GateDecision.Quantity(project.product(), required.scale() < 0 ? required.setScale(0) : required,
                        project.unit()), reasons);
    }

    /**
     * The gate once a replacement plan is announced (公告): a project that needs replacement and is covered by the
     * plan's retired capacity adds no net capacity, so it is ALLOWED, the plan and its announcement given as the
     * reason; any other decision, or a plan that does not cover the quantity, stays as it was.
     */
    public static GateDecision coveredBy(GateDecision d, String plan, String announcement, BigDecimal covered) {
        if (d == null || d.decision() != Decision.NEEDS_REPLACEMENT || d.requiredRetirement() == null
                || covered == null || covered.compareTo(d.requiredRetirement().quantity()) < 0) {
            return d;
        }
        List<Reason> reasons = new ArrayList<>(d.reasons());
        reasons.add(new Reason(null, "REPLACEMENT_PLAN", Effect.INFORMS, "置换方案 " + plan + " 已公告（" + announcement
                + "），退出产能 " + plain(covered) + " " + d.requiredRetirement().unit() + " 不少于所需 "
                + plain(d.requiredRetirement().quantity()) + " " + d.requiredRetirement().unit(), null, null, null,
                null, null, null, null, null, null, List.of(), null));
        return new GateDecision(d.catalogueVersion(), d.asOf(), d.region(), d.keyAirRegion(), d.industry(), d.kind(),
                Decision.ALLOWED, d.ratio(), d.requiredRetirement(), List.copyOf(reasons));
    }

    /**
     * The decision for a stateless request that names a replacement plan (reading P6): only a plan announced (公告) on
     * or before the request's date, for a project of the same region, whose retired capacity reaches the required
     * retirement covers the project, which is then ALLOWED as after {@link #coveredBy}. Otherwise the decision stays,
     * a reason saying why the plan does not cover it. A plan never lifts a refusal.
     */
    public static GateDecision withPlan(GateDecision d, ReplacementPlans.PlanFacts plan) {
        if (plan == null) {
            return d;
        }
        boolean announced = "ANNOUNCED".equals(plan.status()) && plan.announcedOn() != null;
        GateDecision.PlanCoverage no = new GateDecision.PlanCoverage(plan.code(), plan.status(),
                announced ? plan.announcedOn() : null, announced ? plan.announcement() : null, plan.covered(), false);
        String why = null;
        if (d.decision() == Decision.REFUSED) {
            why = "项目不予通过，置换方案 " + plan.code() + " 不改变这一结论";
        } else if (d.decision() == Decision.ALLOWED) {
            why = "项目无须置换，置换方案 " + plan.code() + " 不影响结论";
        } else if (!announced) {
            why = "置换方案 " + plan.code() + " 尚未公告，须经省级行业主管部门确认并公告后方可据以批复";
        } else if (d.asOf() != null && plan.announcedOn().isAfter(d.asOf())) {
            why = "置换方案 " + plan.code() + " 于 " + plan.announcedOn() + " 公告，晚于评价日期 " + d.asOf();
        } else if (d.region() != null && !d.region().equals(plan.regionCode())) {
            why = "置换方案 " + plan.code() + " 属于区划 " + plan.regionCode() + " 的项目，不能用于区划 " + d.region()
                    + " 的项目";
        } else if (plan.covered() == null || plan.covered().compareTo(d.requiredRetirement().quantity()) < 0) {
            why = "置换方案 " + plan.code() + " 的退出产能 " + plain(plan.covered() == null ? BigDecimal.ZERO
                    : plan.covered()) + " " + d.requiredRetirement().unit() + " 少于所需 "
                    + plain(d.requiredRetirement().quantity()) + " " + d.requiredRetirement().unit();
        }
        if (why != null) {
            List<Reason> reasons = new ArrayList<>(d.reasons());
            reasons.add(new Reason(null, "REPLACEMENT_PLAN", Effect.INFORMS, why, null, null, null, null, null, null,
                    null, null, null, List.of(), null));
            return new GateDecision(d.catalogueVersion(), d.asOf(), d.region(), d.keyAirRegion(), d.industry(),
                    d.kind(), d.decision(), d.ratio(), d.requiredRetirement(), List.copyOf(reasons), no);
        }
        GateDecision c = coveredBy(d, plan.code(), plan.announcement(), plan.covered());
        return new GateDecision(c.catalogueVersion(), c.asOf(), c.region(), c.keyAirRegion(), c.industry(), c.kind(),
                c.decision(), c.ratio(), c.requiredRetirement(), c.reasons(), new GateDecision.PlanCoverage(
                        plan.code(), plan.status(), plan.announcedOn(), plan.announcement(), plan.covered(), true));
    }

    /**
     * The catalogue's suspension of replacement (a {@code SUSPENSION} rule) in force on {@code day} for the industry,
     * among the documents covering the plan's region, if any (reading P8 in docs/decisions/replacement-plan-readings.md):
     * the day that counts is the day the public notice of a plan starts, not the project's date.
     */
    public static Optional<ReplacementRule> suspension(Catalog catalogue, Set<String> documents, String industry,
            LocalDate day) {
        return catalogue.replacement().stream()
                .filter(r -> r.kind() == ReplacementRule.Kind.SUSPENSION && r.inForceOn(day)
                        && documents.contains(r.documentId()) && r.covers(industry))
                .findFirst();
    }

    /**
     * Ratios matching the product, the key-region attribute and the replacement case; a case the industry's ratios
     * do not name (a merger in cement) falls back to the normal ratios.
     */
    private static List<ReplacementRule> ratios(List<ReplacementRule> all, Project project, boolean keyRegion) {
        String wanted = project.replacementCase() == null ? ReplacementRule.NORMAL : project.replacementCase();
        List<ReplacementRule> fitting = all.stream()
                .filter(r -> r.product() == null || r.product().equals(project.product()))
                .filter(r -> r.keyRegion() == null || r.keyRegion() == keyRegion)
                .toList();
        boolean named = fitting.stream().anyMatch(r -> wanted.equals(r.replacementCase()));
        String effective = named ? wanted : ReplacementRule.NORMAL;
        return fitting.stream().filter(r -> r.replacementCase() == null || effective.equals(r.replacementCase())).toList();
    }

    private static boolean findingReason(Finding f, List<Reason> reasons) {
        boolean adverse = "NONCOMPLIANT".equals(f.status()) || "ELIMINATED".equals(f.status());
        if (!adverse && !"ADVISORY".equals(f.status())) {
            return false;
        }
        boolean refuses = adverse && "VIOLATION".equals(f.severity()) && !"S".equals(f.confidence());
        String source = "ELIMINATED".equals(f.status()) ? "ELIMINATION" : "PROJECT_RULE";
        String text = "ELIMINATED".equals(f.status()) ? "设备 " + f.subject() + " 属淘汰类，不得新建"
                : "设备 " + f.subject() + " 的 " + f.metric() + " 为 " + f.value() + "，不满足 " + f.comparator() + " "
                        + f.limit() + (f.unit() == null ? "" : " " + f.unit());
        reasons.add(new Reason(f.ruleId(), source, refuses ? Effect.REFUSES : Effect.ADVISES, text, f.subject(),
                f.status(), f.metric(), f.value(), f.comparator(), f.limit(), f.unit(), f.severity(), f.confidence(),
                f.flags(), f.citation()));
        return refuses;
    }

    private static Reason entryReason(ReplacementRule r, Effect effect, String text) {
        return new Reason(r.id(), r.kind().name(), effect, text, null, null, null, r.ratio(), null, null, null, null,
                r.confidence(), "S".equals(r.confidence()) ? List.of(S_FLAG) : List.of(), r.citation());
    }

    private static List<ReplacementRule> ofKind(List<ReplacementRule> rules, ReplacementRule.Kind kind) {
        return rules.stream().filter(r -> r.kind() == kind).toList();
    }

    private static GateDecision decision(Catalog catalogue, ProjectRuleFindings facts, Project project,
            Decision decision, BigDecimal ratio, GateDecision.Quantity required, List<Reason> reasons) {
        return new GateDecision(catalogue.version(), facts.asOf(), facts.region(), facts.keyAirRegion(),
                project.industry(), project.kind(), decision, ratio, required, List.copyOf(reasons));
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
