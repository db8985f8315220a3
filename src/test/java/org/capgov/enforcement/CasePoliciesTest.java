package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capgov.enforcement.CaseAction.GRANT_EXTENSION;
import static org.capgov.enforcement.CaseAction.RECORD_EXIT_MEASURE;
import static org.capgov.enforcement.CaseAction.REQUEST_EXTENSION;
import static org.capgov.enforcement.CaseAction.SUBMIT_RECTIFICATION;
import static org.capgov.enforcement.CaseAction.VERIFY_EXIT;
import static org.capgov.enforcement.CaseAction.VERIFY_FAILED;
import static org.capgov.enforcement.CaseState.ANNOUNCED;
import static org.capgov.enforcement.CaseState.EXTENSION_REQUESTED;
import static org.capgov.enforcement.CaseState.EXIT_IN_PROGRESS;
import static org.capgov.enforcement.CaseState.NOTICE_ISSUED;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.capgov.shared.Dimension;
import org.junit.jupiter.api.Test;

/** The legal rules of a case, one scenario each, without a database: the policies are plain functions of a case. */
class CasePoliciesTest {

    private static final LocalDate OPENED = LocalDate.of(2024, 8, 31);
    private static final LocalDate DEADLINE = LocalDate.of(2025, 2, 28);

    @Test
    void anEnterpriseMayAskForOneExtensionOfAnEnergyRectificationBeforeTheDeadline() {
        Decision d = CasePolicies.check(context(energyCase(NOTICE_ISSUED, false), REQUEST_EXTENSION, DEADLINE, List.of()));
        assertThat(d.allowed()).as(d.toString()).isTrue();
    }

    @Test
    void anExtensionAskedForAfterTheDeadlineIsRefused() {
        Decision d = CasePolicies.check(context(energyCase(NOTICE_ISSUED, false), REQUEST_EXTENSION,
                DEADLINE.plusDays(1), List.of()));
        assertThat(d.allowed()).isFalse();
        assertThat(d.policy()).isEqualTo("ExtensionBeforeDeadline");
    }

    @Test
    void aSecondExtensionRequestIsRefusedEvenWhenTheFirstWasDenied() {
        CaseEvent denied = new CaseEvent(1, "ZG-1", REQUEST_EXTENSION, NOTICE_ISSUED, EXTENSION_REQUESTED, OPENED.plusDays(10),
                null, null, null, null, "enterprise", null);
        Decision d = CasePolicies.check(context(energyCase(NOTICE_ISSUED, false), REQUEST_EXTENSION, OPENED.plusDays(20),
                List.of(denied)));
        assertThat(d.policy()).isEqualTo("OneExtensionRequest");
    }

    @Test
    void onlyDimensionsConfiguredForExtensionsMayBeExtended() {
        EnforcementCase safety = withDimension(energyCase(NOTICE_ISSUED, false), Dimension.SAFETY);
        Decision d = CasePolicies.check(context(safety, REQUEST_EXTENSION, OPENED.plusDays(1), List.of()));
        assertThat(d.policy()).isEqualTo("ExtensionDimension");
    }

    @Test
    void anExtensionOfMoreThanThreeMonthsIsRefused() {
        EnforcementCase requested = energyCase(EXTENSION_REQUESTED, false);
        CaseActionRequest four = new CaseActionRequest("GRANT_EXTENSION", null, 4, null, null, null, null, null, null,
                null, null);
        Decision d = CasePolicies.check(context(requested, GRANT_EXTENSION, OPENED.plusDays(30), List.of(), four));
        assertThat(d.policy()).isEqualTo("ExtensionAtMostThreeMonths");
        CaseActionRequest three = new CaseActionRequest("GRANT_EXTENSION", null, 3, null, null, null, null, null, null,
                null, null);
        assertThat(CasePolicies.check(context(requested, GRANT_EXTENSION, OPENED.plusDays(30), List.of(), three))
                .allowed()).isTrue();
    }

    @Test
    void failureWithoutAReportIsOnlyFoundAfterTheInclusiveDeadline() {
        EnforcementCase open = energyCase(NOTICE_ISSUED, false);
        assertThat(CasePolicies.check(context(open, VERIFY_FAILED, DEADLINE, List.of())).policy())
                .isEqualTo("FailureAfterLapse");
        assertThat(CasePolicies.check(context(open, VERIFY_FAILED, DEADLINE.plusDays(1), List.of())).allowed()).isTrue();
    }

    @Test
    void anActionThatDoesNotFitTheStateIsRefusedFirst() {
        Decision d = CasePolicies.check(context(energyCase(EXIT_IN_PROGRESS, false), SUBMIT_RECTIFICATION, OPENED,
                List.of()));
        assertThat(d.policy()).isEqualTo("StateAllows");
    }

    @Test
    void aClosedCaseTakesNoAction() {
        Decision d = CasePolicies.check(context(energyCase(ANNOUNCED, false), RECORD_EXIT_MEASURE, OPENED, List.of()));
        assertThat(d.policy()).isEqualTo("StateAllows");
        assertThat(d.reasonKey()).isEqualTo("enforcement.refused.closed");
    }

    @Test
    void theSameExitMeasureIsNotRecordedTwiceForOneEquipmentItem() {
        ExitMeasureRecord sealed = new ExitMeasureRecord(1, "ZG-1", 7L, "GL-1", ExitMeasure.values()[0], OPENED, null,
                null, false, null, null, 1);
        CaseContext ctx = new CaseContext(energyCase(EXIT_IN_PROGRESS, false), List.of(), List.of(sealed), null,
                RECORD_EXIT_MEASURE, null, ExitMeasure.values()[0], 7L, OPENED, Set.of(Dimension.ENERGY), List::of,
                List::of);
        assertThat(CasePolicies.check(ctx).policy()).isEqualTo("MeasureNotRepeated");
    }

    @Test
    void theExitIsVerifiedOnlyWhenEveryEquipmentItemHasExited() {
        CaseContext left = new CaseContext(energyCase(EXIT_IN_PROGRESS, false), List.of(), List.of(), null, VERIFY_EXIT,
                null, null, null, OPENED, Set.of(Dimension.ENERGY),
                () -> List.of(new ExitRequirement.Shortfall("GL-2", List.of(ExitRequirement.SEALED))), List::of);
        assertThat(CasePolicies.check(left).policy()).isEqualTo("ExitCarriedOut");
        CaseContext none = new CaseContext(energyCase(EXIT_IN_PROGRESS, false), List.of(), List.of(), null, VERIFY_EXIT,
                null, null, null, OPENED, Set.of(Dimension.ENERGY), List::of, List::of);
        assertThat(CasePolicies.check(none).allowed()).isTrue();
    }

    private static CaseContext context(EnforcementCase c, CaseAction action, LocalDate date, List<CaseEvent> timeline) {
        return context(c, action, date, timeline, null);
    }

    private static CaseContext context(EnforcementCase c, CaseAction action, LocalDate date, List<CaseEvent> timeline,
            CaseActionRequest input) {
        return new CaseContext(c, timeline, List.of(), null, action, input, null, null, date, Set.of(Dimension.ENERGY),
                List::of, List::of);
    }

    private static EnforcementCase energyCase(CaseState state, boolean extensionUsed) {
        return new EnforcementCase("ZG-1", CaseKind.RECTIFICATION, state, 1, "91500000000000000X", "某钢铁有限公司",
                "/500000/500102/", Dimension.ENERGY, null, null, "CQ-JXW", "市经济信息委", OPENED, DEADLINE, DEADLINE,
                extensionUsed, false, state.closed() ? DEADLINE : null, false, null, null, "MANUAL", false, null, 1, null,
                "coordinator");
    }

    private static EnforcementCase withDimension(EnforcementCase c, Dimension d) {
        return new EnforcementCase(c.id(), c.kind(), c.state(), c.enterpriseId(), c.uscc(), c.enterpriseName(),
                c.regionPath(), d, c.equipmentId(), c.equipmentRef(), c.department(), c.departmentName(), c.openedOn(),
                c.deadline(), c.originalDeadline(), c.extensionUsed(), c.productionStopped(), c.closedOn(), c.closedByLaw(),
                c.findingId(), c.ruleId(), c.origin(), c.overdue(), c.overdueSince(), c.version(), c.createdAt(),
                c.createdBy());
    }
}
