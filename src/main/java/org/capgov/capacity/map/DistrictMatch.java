package org.capgov.capacity.map;

import java.util.Map;

/**
 * Matches a map feature to a current region code. The map's codes and names predate the 2016–2017 changes in
 * 重庆 (梁平县 500228 → 梁平区 500155, 武隆县 500232 → 武隆区 500156, 开县 500234 → 开州区 500154): a feature keeps its code
 * where the region of that code still has its name; otherwise the name is looked up, as it is and with 县 turned into
 * 区 (a county that became a district keeps its proper name; 天津's 蓟县 became 蓟州区 in 2016); a feature that matches
 * nothing is left out (null).
 */
public final class DistrictMatch {

    /** Renamed, not only re-ranked: the old name does not lead to the new one by its suffix. */
    private static final Map<String, String> RENAMED = Map.of("开县", "开州区", "蓟县", "蓟州区");

    private DistrictMatch() {
    }

    /** The current code of feature {@code code} / {@code name}, given the current regions as code → name. */
    public static String current(String code, String name, Map<String, String> regions) {
        if (name == null || name.isBlank()) {
            return regions.containsKey(code) ? code : null;
        }
        if (name.equals(regions.get(code))) {
            return code;
        }
        String asDistrict = RENAMED.getOrDefault(name,
                name.endsWith("县") ? name.substring(0, name.length() - 1) + "区" : name);
        String proper = stem(name);
        String found = null;
        for (Map.Entry<String, String> r : regions.entrySet()) {
            if (r.getValue().equals(name) || r.getValue().equals(asDistrict)) {
                return r.getKey();
            }
            if (found == null && proper.length() >= 2 && stem(r.getValue()).equals(proper)) {
                found = r.getKey();
            }
        }
        return found;
    }

    /** The proper name without 县 / 区 / 市 / 自治县. */
    private static String stem(String name) {
        return name.replaceAll("(自治县|县|区|市)$", "");
    }
}
