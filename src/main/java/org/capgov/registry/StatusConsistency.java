package org.capgov.registry;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The statuses of an enterprise and of its equipment agree (docs/decisions/disclosure-readings.md P2): an enterprise
 * that is closed (关停), has exited (退出) or is deregistered (注销) has no equipment in production. When it leaves
 * production its operating items become idle (停用) on the same day, and no item of it may be put back into
 * production until the enterprise itself is. Capacity in force counts operating items only, so it follows.
 */
public final class StatusConsistency {

    /** Enterprise statuses under which nothing may produce. */
    public static final Set<EnterpriseStatus> OUT_OF_PRODUCTION = EnumSet.of(EnterpriseStatus.CLOSED,
            EnterpriseStatus.EXITED, EnterpriseStatus.DEREGISTERED);

    private StatusConsistency() {
    }

    /** Whether equipment of an enterprise of this status may operate. */
    public static boolean mayOperate(EnterpriseStatus enterprise) {
        return !OUT_OF_PRODUCTION.contains(enterprise);
    }

    /** Whether an item may have {@code item} while its enterprise has {@code enterprise}. */
    public static boolean allowed(EnterpriseStatus enterprise, EquipmentStatus item) {
        return item != EquipmentStatus.OPERATING || mayOperate(enterprise);
    }

    /** The status an item takes when its enterprise takes {@code enterprise}; empty when it keeps its own. */
    public static Optional<EquipmentStatus> follow(EnterpriseStatus enterprise, EquipmentStatus item) {
        return allowed(enterprise, item) ? Optional.empty() : Optional.of(EquipmentStatus.IDLE);
    }
}
