package org.capgov.supervision;

/**
 * Who acts on an annual report at each step of the chain (reading S11 of docs/decisions/supervision-readings.md):
 * 经区政府同意 / 经市政府同意 is the government's own act, which the region's coordinator or district officer records;
 * acceptance belongs to the level the report goes to. A district's report is accepted only by someone over the
 * region above it (the city), never by the district itself; the city's report goes to 工业和信息化部 and 国家能源局,
 * which are not on the platform, so the city's coordinator records their answer.
 */
public final class ReportingChainPolicies {

    private ReportingChainPolicies() {
    }

    /** The region path a caller's scope must cover to accept or return a report of {@code level} at {@code path}. */
    public static String decidedOver(String path, String level) {
        return "CITY".equals(level) ? path : parent(path);
    }

    /** The enclosing region's path: {@code /500000/} for {@code /500000/500102/}; the root stays itself. */
    public static String parent(String path) {
        if (path == null || !path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("not a region path: " + path);
        }
        int end = path.lastIndexOf('/', path.length() - 2);
        return end <= 0 ? path : path.substring(0, end + 1);
    }
}
