package org.capgov.capacity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.capgov.identity.SystemActor;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.EquipmentService;
import org.capgov.registry.StatusChange;
import org.capgov.shared.Uscc;

/**
 * Cement works with one clinker kiln, created through the registry's services as the platform. USCC bodies start
 * with "Y" (this module's range) and a random number, so tests never meet each other's enterprises.
 */
final class CapacityFixtures {

    private final EnterpriseService enterprises;
    private final EquipmentService equipment;

    CapacityFixtures(EnterpriseService enterprises, EquipmentService equipment) {
        this.enterprises = enterprises;
        this.equipment = equipment;
    }

    /** A cement works in {@code region} with kiln K1 of {@code annualT} t/a clinker commissioned on {@code commissioned}. */
    Enterprise cementWorks(String region, long annualT, LocalDate commissioned) {
        String code = Uscc.compose("91", region, "Y" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000)));
        return SystemActor.call(() -> {
            Enterprise e = enterprises.create(new EnterpriseDraft(code, "测试产能水泥有限公司" + code.substring(10), region,
                    List.of("CEMENT"), null, null, null, null, null, null, null, null));
            equipment.create(code, new EquipmentDraft("K1", null, "CEMENT_KILN",
                    Map.of("process", "NSP", "clinker_t_per_d", 3000), "CLINKER", BigDecimal.valueOf(annualT),
                    commissioned, null, null, commissioned));
            return e;
        });
    }

    void equipmentStatus(Enterprise e, String status, LocalDate from) {
        SystemActor.call(() -> equipment.changeStatus(e.uscc(), "K1", new StatusChange(status, from, "测试文书", null)));
    }
}
