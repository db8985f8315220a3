package org.capgov.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Enterprise and equipment statuses agree: nothing of a closed, exited or deregistered enterprise produces. */
class StatusConsistencyTest {

    @Test
    void equipmentOfAnEnterpriseOutOfProductionCannotOperate() {
        for (EnterpriseStatus e : EnterpriseStatus.values()) {
            boolean out = e == EnterpriseStatus.CLOSED || e == EnterpriseStatus.EXITED
                    || e == EnterpriseStatus.DEREGISTERED;
            assertThat(StatusConsistency.mayOperate(e)).as(e.name()).isEqualTo(!out);
            assertThat(StatusConsistency.allowed(e, EquipmentStatus.OPERATING)).as(e.name()).isEqualTo(!out);
            for (EquipmentStatus q : EquipmentStatus.values()) {
                if (q != EquipmentStatus.OPERATING) {
                    assertThat(StatusConsistency.allowed(e, q)).as(e + " " + q).isTrue();
                }
            }
        }
    }

    @Test
    void operatingItemsStopWithTheirEnterpriseOthersKeepTheirStatus() {
        assertThat(StatusConsistency.follow(EnterpriseStatus.EXITED, EquipmentStatus.OPERATING))
                .contains(EquipmentStatus.IDLE);
        assertThat(StatusConsistency.follow(EnterpriseStatus.CLOSED, EquipmentStatus.OPERATING))
                .contains(EquipmentStatus.IDLE);
        assertThat(StatusConsistency.follow(EnterpriseStatus.CLOSED, EquipmentStatus.SEALED)).isEmpty();
        assertThat(StatusConsistency.follow(EnterpriseStatus.RECTIFYING, EquipmentStatus.OPERATING)).isEmpty();
        assertThat(StatusConsistency.follow(EnterpriseStatus.SUSPENDED, EquipmentStatus.OPERATING)).isEmpty();
    }

    @Test
    void reopeningRestoresOnlyIdleItemsThatTheRuleStopped() {
        String rule = StatusConsistency.STOPPED_WITH_ENTERPRISE;
        assertThat(StatusConsistency.restore(EnterpriseStatus.OPERATING, EquipmentStatus.IDLE, rule))
                .contains(EquipmentStatus.OPERATING);
        assertThat(StatusConsistency.restore(EnterpriseStatus.RECTIFYING, EquipmentStatus.IDLE, rule))
                .contains(EquipmentStatus.OPERATING);
        // idle for a reason of its own, or idle again by hand after the rule's stop
        assertThat(StatusConsistency.restore(EnterpriseStatus.OPERATING, EquipmentStatus.IDLE, null)).isEmpty();
        assertThat(StatusConsistency.restore(EnterpriseStatus.OPERATING, EquipmentStatus.IDLE,
                StatusConsistency.RESTORED_WITH_ENTERPRISE)).isEmpty();
        // sealed or cut off by an exit measure after the rule's stop: the measure stands
        assertThat(StatusConsistency.restore(EnterpriseStatus.OPERATING, EquipmentStatus.SEALED, rule)).isEmpty();
        assertThat(StatusConsistency.restore(EnterpriseStatus.OPERATING, EquipmentStatus.POWER_CUT, rule)).isEmpty();
        // 停产 does not produce, and a status out of production restores nothing
        for (EnterpriseStatus e : java.util.List.of(EnterpriseStatus.SUSPENDED, EnterpriseStatus.CLOSED,
                EnterpriseStatus.EXITED, EnterpriseStatus.DEREGISTERED)) {
            assertThat(StatusConsistency.restore(e, EquipmentStatus.IDLE, rule)).as(e.name()).isEmpty();
        }
    }

    @Test
    void aChangeTakesEffectOnTheLaterOfTheEnterprisesDayAndTheItemsOwn() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 1);
        assertThat(StatusConsistency.effective(day, day.minusDays(10))).isEqualTo(day);
        assertThat(StatusConsistency.effective(day, day.plusDays(2))).isEqualTo(day.plusDays(2));
    }
}
