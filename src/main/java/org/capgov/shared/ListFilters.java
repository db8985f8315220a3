package org.capgov.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query parameters shared by the filtered list pages: the filter values (trimmed, missing as empty, in the
 * page's order, for the form and the paging links), the page number and the page size. Malformed numbers fall back
 * to the defaults, as the lists always did; the codes themselves are checked by each list's filter record, which
 * gives the Chinese error the page shows.
 */
public final class ListFilters {

    private ListFilters() {
    }

    /** The filter values of {@code keys}, trimmed, a missing one as the empty string, in the order of the keys. */
    public static Map<String, String> values(Map<String, String> query, List<String> keys) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String key : keys) {
            String v = query.get(key);
            f.put(key, v == null ? "" : v.trim());
        }
        return f;
    }

    /** The zero-based page number; missing, malformed or negative gives 0. */
    public static int page(Map<String, String> query) {
        return page(query.get("page"));
    }

    /** The zero-based page number written in {@code page}; missing, malformed or negative gives 0. */
    public static int page(String page) {
        return Math.max(0, integer(page, 0));
    }

    /** The page size if it is one of {@code sizes}, otherwise {@code fallback}. */
    public static int size(Map<String, String> query, List<Integer> sizes, int fallback) {
        int size = integer(query.get("size"), fallback);
        return sizes.contains(size) ? size : fallback;
    }

    /** The number of pages of {@code total} rows, at least one. */
    public static long pages(long total, int size) {
        return Math.max(1, (total + size - 1) / size);
    }

    /** The integer in {@code s}; blank or malformed gives {@code fallback}. */
    public static int integer(String s, int fallback) {
        try {
            return s == null || s.isBlank() ? fallback : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
