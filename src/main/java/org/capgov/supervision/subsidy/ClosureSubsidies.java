package org.capgov.supervision.subsidy;

/**
 * Whether an equipment item received an award or subsidy for its exit (seed 003 奖励资金). Capacity whose closure was
 * paid for is not capacity an enterprise can sell or use again as a replacement indicator (reading S10).
 */
public interface ClosureSubsidies {

    /** True when an exit award was granted on the equipment item (registry id), whatever was paid of it yet. */
    boolean subsidised(long equipmentId);
}
