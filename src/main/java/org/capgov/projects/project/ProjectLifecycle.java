package org.capgov.projects.project;

import static org.capgov.projects.project.ProjectStatus.APPROVED;
import static org.capgov.projects.project.ProjectStatus.BUILT;
import static org.capgov.projects.project.ProjectStatus.COMMISSIONED;
import static org.capgov.projects.project.ProjectStatus.CONSTRUCTION_STARTED;
import static org.capgov.projects.project.ProjectStatus.DECLARED;
import static org.capgov.projects.project.ProjectStatus.DEMOLISHED;
import static org.capgov.projects.project.ProjectStatus.HALTED;
import static org.capgov.projects.project.ProjectStatus.NOT_APPROVED;
import static org.capgov.projects.project.ProjectStatus.PUBLIC_NOTICE;
import static org.capgov.projects.project.ProjectStatus.UNDER_REVIEW;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The status machine of a project as a pure rule: which step may follow which, who may take it, and what must hold
 * first. Review steps (审查, 公示, 批复, 不予批复, 停建, 拆除) belong to the responsible department; the enterprise or the
 * district officer reports construction (开工, 建成, 投产). 批复 needs a gate decision that is not a refusal (or a
 * reviewer's override), and for a project that needs replacement an announced plan covering it (reading N8); 投产
 * needs every exit obligation of its plans verified (reading N9). No database, no clock.
 */
public final class ProjectLifecycle {

    /** Who acts: a reviewer of the responsible department, or the reporting side (enterprise, district officer). */
    public enum Side { REVIEWER, REPORTER }

    /** The facts a step is checked against. {@code openExits} are exit cases of the plans not yet verified. */
    public record Facts(ProjectStatus from, ProjectStatus to, Set<Side> sides, String effectiveDecision,
            boolean announcedPlanCovers, List<String> openExits, String document) {
    }

    /** Allowed, or refused with a Chinese reason. */
    public record Verdict(boolean allowed, String reason) {
        static Verdict ok() {
            return new Verdict(true, null);
        }

        static Verdict no(String reason) {
            return new Verdict(false, reason);
        }
    }

    private static final Map<ProjectStatus, Set<ProjectStatus>> NEXT = Map.of(
            DECLARED, EnumSet.of(UNDER_REVIEW, NOT_APPROVED),
            UNDER_REVIEW, EnumSet.of(PUBLIC_NOTICE, APPROVED, NOT_APPROVED),
            PUBLIC_NOTICE, EnumSet.of(APPROVED, NOT_APPROVED),
            APPROVED, EnumSet.of(CONSTRUCTION_STARTED, HALTED),
            CONSTRUCTION_STARTED, EnumSet.of(BUILT, HALTED),
            BUILT, EnumSet.of(COMMISSIONED, HALTED),
            HALTED, EnumSet.of(CONSTRUCTION_STARTED, DEMOLISHED));

    private static final Set<ProjectStatus> REPORTED = EnumSet.of(CONSTRUCTION_STARTED, BUILT, COMMISSIONED);

    /** Decisions of {@code GateDecision.Decision} by name, so that this class stays free of the gate's types. */
    static final String REFUSED = "REFUSED";
    static final String NEEDS_REPLACEMENT = "NEEDS_REPLACEMENT";

    private ProjectLifecycle() {
    }

    /** The steps that may follow a status (none after 不予批复, 投产 and 拆除). */
    public static Set<ProjectStatus> next(ProjectStatus from) {
        return NEXT.getOrDefault(from, EnumSet.noneOf(ProjectStatus.class));
    }

    public static boolean ended(ProjectStatus s) {
        return next(s).isEmpty();
    }

    /** The side a step belongs to. */
    public static Side sideOf(ProjectStatus to) {
        return REPORTED.contains(to) ? Side.REPORTER : Side.REVIEWER;
    }

    public static Verdict check(Facts f) {
        if (!next(f.from()).contains(f.to())) {
            return Verdict.no("项目处于“" + name(f.from()) + "”，不能转为“" + name(f.to()) + "”");
        }
        Side side = sideOf(f.to());
        if (!f.sides().contains(side) && !f.sides().contains(Side.REVIEWER)) {
            return Verdict.no("“" + name(f.to()) + "”须由负责审查的部门办理");
        }
        if ((f.to() == APPROVED || f.to() == NOT_APPROVED || f.to() == DEMOLISHED || f.to() == HALTED)
                && (f.document() == null || f.document().isBlank())) {
            return Verdict.no("“" + name(f.to()) + "”须注明文书文号");
        }
        if (f.to() == APPROVED) {
            if (f.effectiveDecision() == null) {
                return Verdict.no("项目尚未经准入评价，不得批复");
            }
            if (REFUSED.equals(f.effectiveDecision())) {
                return Verdict.no("准入评价结论为不予通过，不得批复（可由审查部门记录理由与文书后改判）");
            }
            if (NEEDS_REPLACEMENT.equals(f.effectiveDecision()) && !f.announcedPlanCovers()) {
                return Verdict.no("项目须实施产能置换，尚无已公告且足额的置换方案，不得批复");
            }
        }
        if (f.to() == COMMISSIONED && !f.openExits().isEmpty()) {
            return Verdict.no("置换方案退出的产能尚未验收（退出案件 " + String.join("、", f.openExits())
                    + "），项目不得投产");
        }
        return Verdict.ok();
    }

    static String name(ProjectStatus s) {
        return switch (s) {
            case DECLARED -> "申报";
            case UNDER_REVIEW -> "审查";
            case PUBLIC_NOTICE -> "公示";
            case APPROVED -> "批复";
            case NOT_APPROVED -> "不予批复";
            case CONSTRUCTION_STARTED -> "开工";
            case BUILT -> "建成";
            case COMMISSIONED -> "投产";
            case HALTED -> "停建";
            case DEMOLISHED -> "拆除";
        };
    }
}
