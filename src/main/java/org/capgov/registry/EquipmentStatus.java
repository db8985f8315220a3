package org.capgov.registry;

/** Equipment status, including the exit measures of seed 001: 断水, 断电, 拆除动力装置, 封存, 拆除, and transfer. */
public enum EquipmentStatus {
    OPERATING, IDLE, WATER_CUT, POWER_CUT, POWER_UNIT_REMOVED, SEALED, DISMANTLED, TRANSFERRED
}
