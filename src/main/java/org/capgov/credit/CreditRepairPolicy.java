package org.capgov.credit;

import java.time.LocalDate;
import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a credit record may be repaired (信用修复). The seeds tie the sanctions to the exit not being done: seed 001
 * 三(六) restricts land bidding "在企业整改到位前" (until the enterprise has put things right), and 三(八) / seed 004
 * 三(七) sanction "未按期完成落后产能退出的企业". So a record is repaired on one of two grounds:
 * <ul>
 * <li>{@link RepairGround#EXIT_VERIFIED}: the case's exit has been verified on site (the case reached EXIT_VERIFIED or
 * ANNOUNCED), on or after the verification date plus {@code capgov.credit.repair.minimum-period}. The seeds set no
 * minimum period, so the default is none; a jurisdiction whose credit-repair rules require a minimum publication
 * period sets it (an ISO-8601 period, e.g. {@code P3M}).</li>
 * <li>{@link RepairGround#COORDINATOR_DECISION}: the coordinating office (领导小组办公室, which owns the exit work) decides
 * so in a numbered document, e.g. after a court or review overturned the closure.</li>
 * </ul>
 * The effective date may lie in the past (repairs are recorded afterwards) but not before the sanction began and not
 * in the future. Each refusal is a Chinese reason.
 */
@Component
public class CreditRepairPolicy {

    /** The outcome: allowed, or the reason it is not. */
    public record Decision(boolean allowed, String reason) {
        static Decision allow() {
            return new Decision(true, null);
        }

        static Decision refuse(String reason) {
            return new Decision(false, reason);
        }
    }

    private final Period minimumPeriod;

    CreditRepairPolicy(@Value("${capgov.credit.repair.minimum-period:P0D}") Period minimumPeriod) {
        this.minimumPeriod = minimumPeriod;
    }

    public Period minimumPeriod() {
        return minimumPeriod;
    }

    public Decision decide(CreditRecord record, RepairGround ground, LocalDate effectiveDate, String document,
            boolean coordinator, LocalDate today) {
        if (!record.active()) {
            return Decision.refuse("该失信记录已于 " + record.repairedOn() + " 修复，无需重复修复");
        }
        if (effectiveDate.isAfter(today)) {
            return Decision.refuse("修复日期 " + effectiveDate + " 晚于今天，不能预先修复");
        }
        if (effectiveDate.isBefore(record.since())) {
            return Decision.refuse("修复日期 " + effectiveDate + " 早于失信记录生效日期 " + record.since());
        }
        if (ground == RepairGround.COORDINATOR_DECISION) {
            if (!coordinator) {
                return Decision.refuse("只有领导小组办公室（协调员）可以决定信用修复");
            }
            if (document == null || document.isBlank()) {
                return Decision.refuse("协调员决定信用修复须注明决定文号");
            }
            return Decision.allow();
        }
        if (record.exitVerifiedOn() == null) {
            return Decision.refuse("案件 " + record.caseId() + " 的退出尚未经现场核查确认；企业整改到位前不得修复"
                    + "（涪经信发〔2020〕85号 三(六)）");
        }
        LocalDate earliest = record.exitVerifiedOn().plus(minimumPeriod);
        if (effectiveDate.isBefore(earliest)) {
            return Decision.refuse(minimumPeriod.isZero()
                    ? "修复日期 " + effectiveDate + " 早于退出核查日期 " + record.exitVerifiedOn()
                    : "退出核查（" + record.exitVerifiedOn() + "）后须满 " + minimumPeriod + " 方可修复，最早 " + earliest);
        }
        return Decision.allow();
    }
}
