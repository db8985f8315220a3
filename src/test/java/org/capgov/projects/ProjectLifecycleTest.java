package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.capgov.projects.project.ProjectLifecycle;
import org.capgov.projects.project.ProjectLifecycle.Facts;
import org.capgov.projects.project.ProjectLifecycle.Side;
import org.capgov.projects.project.ProjectStatus;
import org.junit.jupiter.api.Test;

/** The status machine of projects: order of steps, who takes them, approval and commissioning conditions. */
class ProjectLifecycleTest {

    static final Set<Side> REVIEWER = Set.of(Side.REVIEWER);
    static final Set<Side> REPORTER = Set.of(Side.REPORTER);

    static ProjectLifecycle.Verdict step(ProjectStatus from, ProjectStatus to, Set<Side> sides, String decision,
            boolean covered, List<String> open, String document) {
        return ProjectLifecycle.check(new Facts(from, to, sides, decision, covered, open, document));
    }

    @Test
    void stepsFollowTheOrderOfTheSeeds() {
        assertThat(ProjectLifecycle.next(ProjectStatus.DECLARED)).contains(ProjectStatus.UNDER_REVIEW);
        assertThat(ProjectLifecycle.next(ProjectStatus.BUILT)).contains(ProjectStatus.COMMISSIONED, ProjectStatus.HALTED);
        assertThat(ProjectLifecycle.ended(ProjectStatus.COMMISSIONED)).isTrue();
        assertThat(ProjectLifecycle.ended(ProjectStatus.NOT_APPROVED)).isTrue();
        var skip = step(ProjectStatus.DECLARED, ProjectStatus.CONSTRUCTION_STARTED, REVIEWER, "ALLOWED", false, List.of(),
                null);
        assertThat(skip.allowed()).isFalse();
        assertThat(skip.reason()).contains("申报").contains("开工");
    }

    @Test
    void reviewStepsBelongToTheDepartmentConstructionToTheReporter() {
        assertThat(step(ProjectStatus.DECLARED, ProjectStatus.UNDER_REVIEW, REPORTER, "ALLOWED", false, List.of(), null)
                .reason()).contains("审查的部门");
        assertThat(step(ProjectStatus.DECLARED, ProjectStatus.UNDER_REVIEW, REVIEWER, "ALLOWED", false, List.of(), null)
                .allowed()).isTrue();
        assertThat(step(ProjectStatus.APPROVED, ProjectStatus.CONSTRUCTION_STARTED, REPORTER, "ALLOWED", false,
                List.of(), null).allowed()).isTrue();
    }

    @Test
    void approvalNeedsADocumentAndADecisionThatIsNoRefusal() {
        assertThat(step(ProjectStatus.UNDER_REVIEW, ProjectStatus.APPROVED, REVIEWER, "ALLOWED", false, List.of(), " ")
                .reason()).contains("文号");
        assertThat(step(ProjectStatus.UNDER_REVIEW, ProjectStatus.APPROVED, REVIEWER, "REFUSED", false, List.of(), "批复1")
                .reason()).contains("不予通过");
        assertThat(step(ProjectStatus.UNDER_REVIEW, ProjectStatus.APPROVED, REVIEWER, "ALLOWED", false, List.of(), "批复1")
                .allowed()).isTrue();
    }

    @Test
    void aProjectThatNeedsReplacementIsApprovedOnlyWithAnAnnouncedPlan() {
        assertThat(step(ProjectStatus.PUBLIC_NOTICE, ProjectStatus.APPROVED, REVIEWER, "NEEDS_REPLACEMENT", false,
                List.of(), "批复1").reason()).contains("置换方案");
        assertThat(step(ProjectStatus.PUBLIC_NOTICE, ProjectStatus.APPROVED, REVIEWER, "NEEDS_REPLACEMENT", true,
                List.of(), "批复1").allowed()).isTrue();
    }

    @Test
    void commissioningWaitsForEveryExitToBeVerified() {
        var refused = step(ProjectStatus.BUILT, ProjectStatus.COMMISSIONED, REPORTER, "ALLOWED", true,
                List.of("EX-1", "EX-2"), null);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.reason()).contains("EX-1、EX-2").contains("不得投产");
        assertThat(step(ProjectStatus.BUILT, ProjectStatus.COMMISSIONED, REPORTER, "ALLOWED", true, List.of(), null)
                .allowed()).isTrue();
    }
}
