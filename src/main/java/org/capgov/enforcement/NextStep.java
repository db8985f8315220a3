package org.capgov.enforcement;

import java.time.LocalDate;
import java.util.List;

/**
 * Who must act next on a case and what they must do, from its state (the flow of {@link CaseState}): the enterprise
 * rectifies or exits by the deadline; the responsible department decides on extensions, verifies, proposes closure,
 * records exit measures and announces; the coordinator (领导小组办公室) records the government's approval of a closure
 * ({@link WhoMayAct}). A closed case needs nobody. The case page shows it, and every transition notifies this party.
 *
 * @param party    who acts next
 * @param task     message key of what they must do ({@code enforcement.next.<state>})
 * @param actions  the actions that move the case on from here
 * @param deadline the date by which it must be done: the case's deadline where the enterprise must act, else null
 */
public record NextStep(Party party, String task, List<CaseAction> actions, LocalDate deadline) {

    /** The party who acts next. */
    public enum Party {
        ENTERPRISE, DEPARTMENT, COORDINATOR, NOBODY
    }

    public static NextStep of(CaseState state, LocalDate deadline) {
        String task = "enforcement.next." + state.name();
        return switch (state) {
            case NOTICE_ISSUED -> new NextStep(Party.ENTERPRISE, task,
                    List.of(CaseAction.SUBMIT_RECTIFICATION, CaseAction.REQUEST_EXTENSION), deadline);
            case EXIT_ORDERED -> new NextStep(Party.ENTERPRISE, task, List.of(CaseAction.RECORD_EXIT_MEASURE), deadline);
            case EXTENSION_REQUESTED -> new NextStep(Party.DEPARTMENT, task,
                    List.of(CaseAction.GRANT_EXTENSION, CaseAction.DENY_EXTENSION), null);
            case RECTIFICATION_SUBMITTED -> new NextStep(Party.DEPARTMENT, task,
                    List.of(CaseAction.VERIFY_COMPLIANT, CaseAction.VERIFY_FAILED), null);
            case RECTIFICATION_FAILED -> new NextStep(Party.DEPARTMENT, task, List.of(CaseAction.PROPOSE_CLOSURE), null);
            case CLOSURE_PROPOSED -> new NextStep(Party.COORDINATOR, task, List.of(CaseAction.APPROVE_CLOSURE), null);
            case CLOSURE_APPROVED, EXIT_IN_PROGRESS -> new NextStep(Party.DEPARTMENT, task,
                    List.of(CaseAction.RECORD_EXIT_MEASURE, CaseAction.VERIFY_EXIT), deadline);
            case EXIT_VERIFIED -> new NextStep(Party.DEPARTMENT, task, List.of(CaseAction.ANNOUNCE), null);
            case RECTIFIED, ANNOUNCED -> new NextStep(Party.NOBODY, task, List.of(), null);
        };
    }

    public boolean done() {
        return party == Party.NOBODY;
    }
}
