package org.capgov.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.capgov.identity.SystemActor;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Uscc;

/**
 * Enterprises for the disclosure tests, created through the registry's services as the platform. USCC bodies start
 * with "PE" and a random number, so they never meet another test's enterprises in the shared database.
 */
final class PublicFixtures {

    static final String LEGAL_REPRESENTATIVE = "甄公示";
    static final String ADDRESS = "涪陵区公示路 88 号";
    static final String GRID_ACCOUNT = "GRID-PE-4711";

    private PublicFixtures() {
    }

    static String uscc(String region) {
        return Uscc.compose("91", region, "PE" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
    }

    /**
     * A steel works in {@code region} with personal data set (legal representative, address, grid account) and a
     * 350 m³ blast furnace commissioned in 2008, below the 400 m³ access threshold.
     */
    static String steelWorks(EnterpriseService enterprises, EquipmentService equipment, String region, String name) {
        String code = uscc(region);
        SystemActor.run(() -> {
            enterprises.create(new EnterpriseDraft(code, name, region, List.of("STEEL"), ADDRESS, LEGAL_REPRESENTATIVE,
                    null, null, List.of(GRID_ACCOUNT + code.substring(12)), null, null, null));
            equipment.create(code, new EquipmentDraft("BF1", null, "BLAST_FURNACE",
                    Map.of("volume_m3", 350, "purpose", "GENERAL"), "PIG_IRON", new BigDecimal("300000"),
                    LocalDate.of(2008, 5, 1), null, null, null));
        });
        return code;
    }
}
