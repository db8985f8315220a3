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
}
