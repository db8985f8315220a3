package org.capgov.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups of the side navigation, by the work they serve, and which group a page belongs to: that group is open
 * when the page is shown, the others collapsed (on the home page, and on pages of no group, all are open).
 */
public final class NavigationGroups {

    /** Group key → the path prefixes of its pages, in the order of the navigation. */
    static final Map<String, List<String>> PREFIXES;

    static {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("registry", List.of("/regions", "/registry"));
        m.put("standards", List.of("/catalog", "/compliance"));
        m.put("enforcement", List.of("/enforcement", "/credit"));
        m.put("capacity", List.of("/capacity"));
        m.put("projects", List.of("/projects", "/ledger", "/illegal-projects"));
        m.put("pricing", List.of("/pricing"));
        m.put("monitoring", List.of("/monitoring", "/telemetry"));
        m.put("supervision", List.of("/supervision"));
        m.put("disclosure", List.of("/public", "/reports"));
        m.put("system", List.of("/audit", "/admin", "/swagger-ui"));
        PREFIXES = java.util.Collections.unmodifiableMap(m);
    }

    private NavigationGroups() {
    }

    /** The group of the page at {@code path} (without the context path), or null when it belongs to none. */
    public static String of(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return null;
        }
        for (Map.Entry<String, List<String>> group : PREFIXES.entrySet()) {
            for (String prefix : group.getValue()) {
                if (path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ".")) {
                    return group.getKey();
                }
            }
        }
        return null;
    }
}
