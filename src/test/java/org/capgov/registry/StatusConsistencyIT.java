package org.capgov.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.capgov.identity.SystemActor;
import org.capgov.shared.DomainException;
import org.capgov.shared.Uscc;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An enterprise leaving production takes its operating equipment with it (停用 on the same day, in the item's history
 * and the audit trail), its capacity in force drops accordingly, and none of its items can be put back into
 * production while it is closed or exited.
 */
class StatusConsistencyIT extends IntegrationTest {

    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;

    @Test
    void exitedEnterpriseHasNoOperatingEquipmentAndNoCapacityInForce() {
        String uscc = Uscc.compose("91", "500102", "H1" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 999_999));
        LocalDate today = SystemActor.call(() -> {
            enterprises.create(new EnterpriseDraft(uscc, "状态一致检验钢铁有限公司" + uscc.substring(13), "500102",
                    List.of("STEEL"), null, null, null, null, List.of(), null, null, null));
            equipment.create(uscc, new EquipmentDraft("BF1", null, "BLAST_FURNACE",
                    Map.of("volume_m3", 450, "purpose", "GENERAL"), "PIG_IRON", new BigDecimal("400000"),
                    LocalDate.of(2010, 5, 1), null, null, null));
            equipment.create(uscc, new EquipmentDraft("BF2", null, "BLAST_FURNACE",
                    Map.of("volume_m3", 450, "purpose", "GENERAL"), "PIG_IRON", new BigDecimal("400000"),
                    LocalDate.of(2010, 5, 1), null, "SEALED", LocalDate.of(2015, 1, 1)));
            return enterprises.get(uscc).statusSince();
        });
        BigDecimal before = SystemActor.call(() -> equipment.capacity("PIG_IRON", "500102", null, null).capacity());

        SystemActor.run(() -> enterprises.changeStatus(uscc, new StatusChange("EXITED", null, "涪府发〔2026〕1号", "检验")));

        List<Equipment> items = SystemActor.call(() -> equipment.of(uscc));
        assertThat(items).extracting(Equipment::status).doesNotContain(EquipmentStatus.OPERATING);
        Equipment bf1 = items.stream().filter(q -> q.code().equals("BF1")).findFirst().orElseThrow();
        assertThat(bf1.status()).isEqualTo(EquipmentStatus.IDLE);
        assertThat(items.stream().filter(q -> q.code().equals("BF2")).findFirst().orElseThrow().status())
                .isEqualTo(EquipmentStatus.SEALED);
        assertThat(SystemActor.call(() -> equipment.history(uscc, "BF1")))
                .anySatisfy(h -> assertThat(h.note()).contains("设备随之停止生产"));
        BigDecimal after = SystemActor.call(() -> equipment.capacity("PIG_IRON", "500102", null, null).capacity());
        assertThat(before.subtract(after)).isEqualByComparingTo("400000");

        // nothing of it may be put back into production, nor registered as producing, while it has exited
        assertThatThrownBy(() -> SystemActor.run(() -> equipment.changeStatus(uscc, "BF1",
                new StatusChange("OPERATING", null, null, null))))
                .isInstanceOf(DomainException.class).satisfies(e -> assertThat(((DomainException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> SystemActor.run(() -> equipment.create(uscc, new EquipmentDraft("BF3", null,
                "BLAST_FURNACE", Map.of("volume_m3", 450, "purpose", "GENERAL"), "PIG_IRON", new BigDecimal("1"),
                LocalDate.of(2010, 5, 1), null, null, null)))).isInstanceOf(DomainException.class);
        assertThat(SystemActor.call(() -> equipment.get(uscc, "BF1")).status()).isEqualTo(EquipmentStatus.IDLE);
        assertThat(today).isNotNull();
    }
}
