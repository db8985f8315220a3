package org.capgov.credit;

/** On what a credit record was repaired; see {@link CreditRepairPolicy}. */
public enum RepairGround {
    /** The case's exit was verified on site (整改到位). */
    EXIT_VERIFIED,
    /** The coordinating office decided so in a numbered document. */
    COORDINATOR_DECISION
}
