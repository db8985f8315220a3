package org.capgov.enforcement.lists;

import java.util.Map;

/**
 * The enterprises on a whole filtered public list: how many ({@code total}), and counted by the name of their region
 * and by industry code (an enterprise of two industries counts in both), for the charts of the public list pages and
 * the total of a page.
 */
public record ListCounts(long total, Map<String, Long> byRegionName, Map<String, Long> byIndustry) {
}
