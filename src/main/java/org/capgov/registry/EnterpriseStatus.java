package org.capgov.registry;

/** Enterprise status: 正常生产, 停产, 整改中, 关停, 退出, 注销. */
public enum EnterpriseStatus {
    OPERATING, SUSPENDED, RECTIFYING, CLOSED, EXITED, DEREGISTERED
}
