package org.capgov.registry;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The statuses of an enterprise and of its equipment agree (docs/decisions/disclosure-readings.md P2): an enterprise
 * that is closed (关停), has exited (退出) or is deregistered (注销) has no equipment in production. When it leaves
 * production its operating items become idle (停用) on the same day, and no item of it may be put back into
 * production until the enterprise itself is. Capacity in force counts operating items only, so it follows.
 * When the enterprise produces again (P3), exactly the items this rule stopped come back: an item stopped for a
 * reason of its own, or changed since, stays as it is.
 */
public final class StatusConsistency {

    /** Enterprise statuses under which nothing may produce. */
    public static final Set<EnterpriseStatus> OUT_OF_PRODUCTION = EnumSet.of(EnterpriseStatus.CLOSED,
            EnterpriseStatus.EXITED, EnterpriseStatus.DEREGISTERED);

    /** Enterprise statuses under which items stopped by this rule produce again (P3): 正常生产 and 整改中. */
    public static final Set<EnterpriseStatus> PRODUCING = EnumSet.of(EnterpriseStatus.OPERATING,
            EnterpriseStatus.RECTIFYING);

    /** Why an item's status changed, kept in its history: this rule stopped it with its enterprise. */
    public static final String STOPPED_WITH_ENTERPRISE = "STOPPED_WITH_ENTERPRISE";
    /** Why an item's status changed, kept in its history: this rule restored it with its enterprise. */
    public static final String RESTORED_WITH_ENTERPRISE = "RESTORED_WITH_ENTERPRISE";

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

    /**
     * The status an item takes back when its enterprise takes {@code enterprise} (P3): operating again when the
     * enterprise produces, the item is idle and the last change of its status ({@code lastCause}) was this rule's
     * stop. Empty when it keeps its own status.
     */
    public static Optional<EquipmentStatus> restore(EnterpriseStatus enterprise, EquipmentStatus item, String lastCause) {
        return PRODUCING.contains(enterprise) && item == EquipmentStatus.IDLE
                && STOPPED_WITH_ENTERPRISE.equals(lastCause) ? Optional.of(EquipmentStatus.OPERATING) : Optional.empty();
    }

    /** The day a follow or restore takes effect: the enterprise's day, or the item's own status day when later. */
    public static LocalDate effective(LocalDate enterpriseDay, LocalDate itemSince) {
        return enterpriseDay.isBefore(itemSince) ? itemSince : enterpriseDay;
    }
}
