package org.capgov.enforcement;

import static org.capgov.enforcement.CaseAction.*;
import static org.capgov.enforcement.CaseState.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legal rules of a case, one named policy each (refusal: 409 with the reason). Every action passes the state
 * rule first, then its own rules in order; the first refusal wins. Rules rest on seed 001 and docs/domain.md §2 and §7.
 */
final class CasePolicies {

    /** A rule about one action on one case. */
    interface CasePolicy {
        Decision check(CaseContext ctx);
    }

    /** From which states each action may be taken. */
    static final Map<CaseAction, Set<CaseState>> FROM = new EnumMap<>(Map.ofEntries(
            Map.entry(REQUEST_EXTENSION, EnumSet.of(NOTICE_ISSUED)),
            Map.entry(GRANT_EXTENSION, EnumSet.of(EXTENSION_REQUESTED)),
            Map.entry(DENY_EXTENSION, EnumSet.of(EXTENSION_REQUESTED)),
            Map.entry(SUBMIT_RECTIFICATION, EnumSet.of(NOTICE_ISSUED)),
            Map.entry(VERIFY_COMPLIANT, EnumSet.of(RECTIFICATION_SUBMITTED)),
            // 经整改仍未达标 (after a report) or 逾期未整改 (the deadline passed without one)
            Map.entry(VERIFY_FAILED, EnumSet.of(RECTIFICATION_SUBMITTED, NOTICE_ISSUED)),
            Map.entry(PROPOSE_CLOSURE, EnumSet.of(RECTIFICATION_FAILED)),
            Map.entry(APPROVE_CLOSURE, EnumSet.of(CLOSURE_PROPOSED)),
            // after the on-site check only the dismantling is still recorded (限时拆除, see DISMANTLING_AFTER_CHECK)
            Map.entry(RECORD_EXIT_MEASURE, EnumSet.of(CLOSURE_APPROVED, EXIT_ORDERED, EXIT_IN_PROGRESS, EXIT_VERIFIED)),
            Map.entry(VERIFY_EXIT, EnumSet.of(EXIT_IN_PROGRESS)),
            Map.entry(ANNOUNCE, EnumSet.of(EXIT_VERIFIED))));

    /** Where each action leads. */
    static final Map<CaseAction, CaseState> TO = new EnumMap<>(Map.ofEntries(
            Map.entry(REQUEST_EXTENSION, EXTENSION_REQUESTED), Map.entry(GRANT_EXTENSION, NOTICE_ISSUED),
            Map.entry(DENY_EXTENSION, NOTICE_ISSUED), Map.entry(SUBMIT_RECTIFICATION, RECTIFICATION_SUBMITTED),
            Map.entry(VERIFY_COMPLIANT, RECTIFIED), Map.entry(VERIFY_FAILED, RECTIFICATION_FAILED),
            Map.entry(PROPOSE_CLOSURE, CLOSURE_PROPOSED), Map.entry(APPROVE_CLOSURE, CLOSURE_APPROVED),
            Map.entry(RECORD_EXIT_MEASURE, EXIT_IN_PROGRESS), Map.entry(VERIFY_EXIT, EXIT_VERIFIED),
            Map.entry(ANNOUNCE, ANNOUNCED)));

    /** The action fits the state the case is in (a closed case takes none). */
    static final CasePolicy STATE_ALLOWS = ctx -> {
        if (ctx.c().state().closed()) {
            return Decision.refuse("StateAllows", "enforcement.refused.closed", ctx.c().state());
        }
        return FROM.get(ctx.action()).contains(ctx.c().state()) ? Decision.ALLOWED
                : Decision.refuse("StateAllows", "enforcement.refused.state", ctx.c().state(), ctx.action());
    };

    /** Seed 001: 可提出不超过3个月的延期申请 — one request per case, granted or not. */
    static final CasePolicy ONE_EXTENSION_REQUEST = ctx -> ctx.c().extensionUsed()
            || ctx.timeline().stream().anyMatch(e -> e.action() == REQUEST_EXTENSION)
                    ? Decision.refuse("OneExtensionRequest", "enforcement.refused.extensionUsed") : Decision.ALLOWED;

    /** At most one extension is ever granted on a case. */
    static final CasePolicy ONE_EXTENSION_GRANT = ctx -> ctx.c().extensionUsed()
            ? Decision.refuse("OneExtensionGrant", "enforcement.refused.extensionUsed") : Decision.ALLOWED;

    /** Extensions exist for ENERGY (seed 001 二、(一)); other dimensions only where configured. */
    static final CasePolicy EXTENSION_DIMENSION = ctx -> ctx.extendable().contains(ctx.c().dimension())
            ? Decision.ALLOWED
            : Decision.refuse("ExtensionDimension", "enforcement.refused.extensionDimension", ctx.c().dimension());

    /** 不超过3个月. */
    static final CasePolicy EXTENSION_AT_MOST_THREE_MONTHS = ctx -> ctx.input() == null || ctx.input().months() == null
            || ctx.input().months() <= CaseDates.MAX_EXTENSION_MONTHS ? Decision.ALLOWED
                    : Decision.refuse("ExtensionAtMostThreeMonths", "enforcement.refused.extensionTooLong",
                            CaseDates.MAX_EXTENSION_MONTHS, ctx.input().months());

    /** An extension is asked for within the period (确需延长整改期限): not after the deadline has passed. */
    static final CasePolicy EXTENSION_BEFORE_DEADLINE = ctx -> ctx.c().deadline() != null
            && ctx.date().isAfter(ctx.c().deadline())
                    ? Decision.refuse("ExtensionBeforeDeadline", "enforcement.refused.extensionLate", ctx.c().deadline())
                    : Decision.ALLOWED;

    /** Without a report, failure is 逾期未整改: only once the (inclusive) deadline has passed. */
    static final CasePolicy FAILURE_AFTER_LAPSE = ctx -> ctx.c().state() == NOTICE_ISSUED
            && (ctx.c().deadline() == null || !ctx.date().isAfter(ctx.c().deadline()))
                    ? Decision.refuse("FailureAfterLapse", "enforcement.refused.notLapsed", ctx.c().deadline())
                    : Decision.ALLOWED;

    /** A measure is recorded once per equipment item (a second 封存 of the same furnace is a mistake). */
    static final CasePolicy MEASURE_NOT_REPEATED = ctx -> ctx.measure() != null && ctx.measures().stream()
            .anyMatch(m -> m.measure() == ctx.measure() && java.util.Objects.equals(m.equipmentId(), ctx.equipmentId()))
                    ? Decision.refuse("MeasureNotRepeated", "enforcement.refused.measureRepeated", ctx.measure())
                    : Decision.ALLOWED;

    /**
     * The on-site check confirms the full set of exit measures on every equipment item the case covers (seed 001 二、(五)
     * and its annex, {@link ExitRequirement}): dismantled, or water and power cut, power units removed, main equipment
     * sealed, the enterprise's public commitment and a dismantling deadline. The refusal names the first item and the
     * first requirement it lacks, and every item still short.
     */
    static final CasePolicy EXIT_CARRIED_OUT = ctx -> {
        List<ExitRequirement.Shortfall> left = ctx.equipmentNotExited().get();
        if (left.isEmpty()) {
            return Decision.ALLOWED;
        }
        ExitRequirement.Shortfall first = left.get(0);
        return Decision.refuse("ExitCarriedOut", "enforcement.refused.equipmentNotExited",
                String.join("、", left.stream().map(ExitRequirement.Shortfall::equipmentCode).toList()),
                first.equipmentCode(), first.missing().get(0), first.missing().size());
    };

    /** After the on-site check the only measure left to record is the dismantling itself. */
    static final CasePolicy DISMANTLING_AFTER_CHECK = ctx -> ctx.c().state() == EXIT_VERIFIED && ctx.measure() != null
            && ctx.measure() != ExitMeasure.DISMANTLED
                    ? Decision.refuse("DismantlingAfterCheck", "enforcement.refused.onlyDismantlingAfterCheck",
                            ctx.measure())
                    : Decision.ALLOWED;

    /** Seed 001 二、(五) "拆除完毕后，在区政府网站公告" and 实施要点 6 产能退出 "对需要关闭的落后产能切实做好设备拆除工作": announced once dismantled. */
    static final CasePolicy DISMANTLED_BEFORE_ANNOUNCEMENT = ctx -> {
        List<String> left = ctx.equipmentNotDismantled().get();
        return left.isEmpty() ? Decision.ALLOWED
                : Decision.refuse("DismantledBeforeAnnouncement", "enforcement.refused.notDismantled",
                        String.join("、", left));
    };

    private static final Map<CaseAction, List<CasePolicy>> RULES = new EnumMap<>(Map.of(
            REQUEST_EXTENSION, List.of(EXTENSION_DIMENSION, ONE_EXTENSION_REQUEST, EXTENSION_BEFORE_DEADLINE),
            GRANT_EXTENSION, List.of(EXTENSION_DIMENSION, ONE_EXTENSION_GRANT, EXTENSION_AT_MOST_THREE_MONTHS),
            VERIFY_FAILED, List.of(FAILURE_AFTER_LAPSE),
            RECORD_EXIT_MEASURE, List.of(DISMANTLING_AFTER_CHECK, MEASURE_NOT_REPEATED),
            VERIFY_EXIT, List.of(EXIT_CARRIED_OUT),
            ANNOUNCE, List.of(DISMANTLED_BEFORE_ANNOUNCEMENT)));

    private CasePolicies() {
    }

    /** The state rule, then the action's own rules; the first refusal. */
    static Decision check(CaseContext ctx) {
        Decision d = STATE_ALLOWS.check(ctx);
        for (CasePolicy p : RULES.getOrDefault(ctx.action(), List.of())) {
            if (!d.allowed()) {
                return d;
            }
            d = p.check(ctx);
        }
        return d;
    }
}
