package org.capgov.enforcement.lists;

import java.util.Map;

/**
 * The enterprises on a whole filtered public list, counted by the name of their region and by industry code (an
 * enterprise of two industries counts in both), for the charts of the public list pages.
 */
public record ListCounts(Map<String, Long> byRegionName, Map<String, Long> byIndustry) {
}
