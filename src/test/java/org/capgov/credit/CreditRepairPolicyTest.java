package org.capgov.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.capgov.shared.Dimension;
import org.junit.jupiter.api.Test;

/** The repair policy's grounds and dates, including a jurisdiction's minimum period after the exit is verified. */
class CreditRepairPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    private static CreditRecord record(LocalDate exitVerifiedOn, String status) {
        return new CreditRecord(1, "91500102MA5U8A1B06", "测试", "/500000/500102/", Dimension.TECHNOLOGY, "FL-JXW",
                CreditBasis.EXIT_DEADLINE_MISSED, "TC-2024-000001", null, LocalDate.of(2025, 3, 1),
                CreditBasis.EXIT_DEADLINE_MISSED.measures(Dimension.TECHNOLOGY), status, exitVerifiedOn,
                CreditRecord.REPAIRED.equals(status) ? LocalDate.of(2025, 9, 1) : null, null, null, null, null,
                Instant.now(), "system");
    }

    @Test
    void withAMinimumPeriodTheEarliestDateIsNamed() {
        CreditRepairPolicy policy = new CreditRepairPolicy(Period.ofMonths(3));
        CreditRecord r = record(LocalDate.of(2025, 8, 31), CreditRecord.ACTIVE);
        CreditRepairPolicy.Decision early = policy.decide(r, RepairGround.EXIT_VERIFIED, LocalDate.of(2025, 11, 29), null,
                false, TODAY);
        assertThat(early.allowed()).isFalse();
        // month arithmetic of DOMAIN §7: 08-31 + 3 months = 11-30
        assertThat(early.reason()).contains("最早 2025-11-30");
        assertThat(policy.decide(r, RepairGround.EXIT_VERIFIED, LocalDate.of(2025, 11, 30), null, false, TODAY).allowed())
                .isTrue();
    }

    @Test
    void refusalsCarryChineseReasons() {
        CreditRepairPolicy policy = new CreditRepairPolicy(Period.ZERO);
        assertThat(policy.decide(record(null, CreditRecord.ACTIVE), RepairGround.EXIT_VERIFIED, TODAY, null, true, TODAY)
                .reason()).contains("尚未经现场核查");
        assertThat(policy.decide(record(null, CreditRecord.ACTIVE), RepairGround.EXIT_VERIFIED, LocalDate.of(2025, 2, 1),
                null, true, TODAY).reason()).contains("早于失信记录生效日期 2025-03-01");
        assertThat(policy.decide(record(null, CreditRecord.REPAIRED), RepairGround.COORDINATOR_DECISION, TODAY, "文号",
                true, TODAY).reason()).contains("已于 2025-09-01 修复");
        assertThat(policy.decide(record(null, CreditRecord.ACTIVE), RepairGround.COORDINATOR_DECISION, TODAY, " ",
                true, TODAY).reason()).contains("须注明决定文号");
        assertThat(policy.decide(record(null, CreditRecord.ACTIVE), RepairGround.COORDINATOR_DECISION, TODAY, "渝经信〔2026〕1号",
                true, TODAY).allowed()).isTrue();
    }

    @Test
    void measuresFollowTheSeeds() {
        assertThat(CreditBasis.EXIT_DEADLINE_MISSED.measures(Dimension.ENERGY)).hasSize(11).contains(CreditMeasure.LAND_BIDDING)
                .contains(CreditMeasure.DISCHARGE_PERMIT);
        // seed 001 二、(二)1 "对于被列入去产能名单、关停的企业，不予核发排污许可证"
        assertThat(CreditBasis.CLOSURE_BY_LAW.measures(Dimension.ENERGY))
                .containsExactly(CreditMeasure.PRODUCTION_LICENCE, CreditMeasure.DISCHARGE_PERMIT);
        assertThat(CreditBasis.CLOSURE_BY_LAW.measures(Dimension.SAFETY))
                .containsExactly(CreditMeasure.PRODUCTION_LICENCE, CreditMeasure.SAFETY_LICENCE, CreditMeasure.DISCHARGE_PERMIT);
        assertThat(List.of(CreditMeasure.values()).stream().filter(CreditMeasure::extendsToAffiliates))
                .containsExactly(CreditMeasure.LAND_BIDDING);
    }
}
