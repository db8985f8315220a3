package org.capgov.enforcement;

import java.util.ArrayList;
import java.util.List;

/**
 * What the on-site check of an exit (VERIFY_EXIT) requires of each equipment item the case covers. Seed 001 二、(五)
 * "对落后生产工艺装备应立即断水、断电，拆除动力装置，封存主体设备（生产线），并限时拆除" and its annex (五) "具备拆除条件的应立即拆除；
 * 暂不具备拆除条件的，应立即断水、断电，拆除动力装置，封存主体设备（生产线），企业向社会公开承诺不再恢复生产，同时在…网站公告，接受社会
 * 监督，并限时拆除": an item already dismantled needs nothing more; any other item needs all four measures, the
 * enterprise's public commitment and a dismantling deadline. The announcement is the case's own ANNOUNCE step, after
 * the dismantling (二、(五) "拆除完毕后，在区政府网站公告"); see docs/decisions/enforcement-readings.md.
 */
enum ExitRequirement {
    WATER_CUT, POWER_CUT, POWER_UNIT_REMOVED, SEALED, COMMITMENT, DISMANTLE_DEADLINE;

    /** The requirements the measures recorded for one item leave unmet, in the seed's order; none once dismantled. */
    static List<ExitRequirement> missing(List<ExitMeasureRecord> ofItem) {
        if (ofItem.stream().anyMatch(m -> m.measure() == ExitMeasure.DISMANTLED)) {
            return List.of();
        }
        List<ExitRequirement> missing = new ArrayList<>();
        for (ExitRequirement r : values()) {
            boolean met = switch (r) {
                case COMMITMENT -> ofItem.stream().anyMatch(ExitMeasureRecord::commitment);
                case DISMANTLE_DEADLINE -> ofItem.stream().anyMatch(m -> m.dismantleDeadline() != null);
                default -> ofItem.stream().anyMatch(m -> m.measure().name().equals(r.name()));
            };
            if (!met) {
                missing.add(r);
            }
        }
        return missing;
    }

    /** An equipment item of the case with what it still lacks. */
    record Shortfall(String equipmentCode, List<ExitRequirement> missing) {
    }
}
