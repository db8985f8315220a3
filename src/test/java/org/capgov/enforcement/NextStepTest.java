package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.capgov.enforcement.NextStep.Party;
import org.junit.jupiter.api.Test;

/** Who acts next, state by state; every open state names somebody, and the enterprise's turn has a deadline. */
class NextStepTest {

    static final LocalDate DEADLINE = LocalDate.of(2025, 2, 28);

    @Test
    void everyOpenStateNamesWhoActsAndClosedOnesNobody() {
        for (CaseState s : CaseState.values()) {
            NextStep next = NextStep.of(s, DEADLINE);
            assertThat(next.done()).as(s.name()).isEqualTo(s.closed());
            assertThat(next.actions().isEmpty()).as(s.name()).isEqualTo(s.closed());
            assertThat(next.task()).isEqualTo("enforcement.next." + s.name());
        }
    }

    @Test
    void theFlowPassesBetweenEnterpriseDepartmentAndCoordinator() {
        assertThat(NextStep.of(CaseState.NOTICE_ISSUED, DEADLINE).party()).isEqualTo(Party.ENTERPRISE);
        assertThat(NextStep.of(CaseState.NOTICE_ISSUED, DEADLINE).deadline()).isEqualTo(DEADLINE);
        assertThat(NextStep.of(CaseState.EXTENSION_REQUESTED, DEADLINE).party()).isEqualTo(Party.DEPARTMENT);
        assertThat(NextStep.of(CaseState.RECTIFICATION_SUBMITTED, DEADLINE).actions())
                .containsExactly(CaseAction.VERIFY_COMPLIANT, CaseAction.VERIFY_FAILED);
        assertThat(NextStep.of(CaseState.CLOSURE_PROPOSED, DEADLINE).party()).isEqualTo(Party.COORDINATOR);
        assertThat(NextStep.of(CaseState.CLOSURE_PROPOSED, DEADLINE).actions()).containsExactly(CaseAction.APPROVE_CLOSURE);
        assertThat(NextStep.of(CaseState.CLOSURE_APPROVED, DEADLINE).party()).isEqualTo(Party.DEPARTMENT);
        assertThat(NextStep.of(CaseState.EXIT_VERIFIED, DEADLINE).actions()).containsExactly(CaseAction.ANNOUNCE);
        assertThat(NextStep.of(CaseState.EXTENSION_REQUESTED, DEADLINE).deadline()).isNull();
    }
}
