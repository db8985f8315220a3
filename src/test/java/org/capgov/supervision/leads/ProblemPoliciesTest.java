package org.capgov.supervision.leads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The closed loop of seed 004 四、（四）: 发现 → 交办 → 整改 → 销号, never back and never skipping rectification. */
class ProblemPoliciesTest {

    @Test
    void theLoopRunsFoundAssignedRectifyingClosed() {
        assertThat(ProblemPolicies.next("FOUND", "ASSIGN")).contains("ASSIGNED");
        assertThat(ProblemPolicies.next("ASSIGNED", "RECTIFY")).contains("RECTIFYING");
        assertThat(ProblemPolicies.next("RECTIFYING", "CLOSE")).contains("CLOSED");
    }

    @Test
    void noStepIsSkippedOrUndone() {
        assertThat(ProblemPolicies.next("FOUND", "CLOSE")).isEmpty();
        assertThat(ProblemPolicies.next("ASSIGNED", "CLOSE")).isEmpty();
        assertThat(ProblemPolicies.next("CLOSED", "RECTIFY")).isEmpty();
        assertThat(ProblemPolicies.next("RECTIFYING", "ASSIGN")).isEmpty();
        assertThat(ProblemPolicies.next("FOUND", null)).isEmpty();
        assertThat(ProblemPolicies.allowed("CLOSED")).isEmpty();
        assertThat(ProblemPolicies.allowed("ASSIGNED")).containsExactly("RECTIFY");
    }

    @Test
    void assigningNamesDepartmentAndDeadlineClosingSaysHow() {
        assertThat(ProblemPolicies.required("ASSIGN")).containsExactly("department", "deadline");
        assertThat(ProblemPolicies.required("CLOSE")).containsExactly("note");
        assertThat(ProblemPolicies.required("RECTIFY")).isEmpty();
    }
}
