package org.capgov.enforcement;

/** The exit measures of seed 001: 断水, 断电, 拆除动力装置, 封存主体设备, 拆除, 吊销证照. */
public enum ExitMeasure {
    WATER_CUT, POWER_CUT, POWER_UNIT_REMOVED, SEALED, DISMANTLED, LICENCE_REVOKED
}
