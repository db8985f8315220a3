package org.capgov.shared;

import java.util.Set;

/**
 * One slice of what a person may see: the region subtree under {@code regionPath} (a materialised path such as
 * {@code /500000/500102/}) × {@code dimensions}, narrowed to one enterprise when {@code enterpriseUscc} is set.
 */
public record ScopeGrant(String regionPath, Set<Dimension> dimensions, String enterpriseUscc) {

    public ScopeGrant {
        if (regionPath == null || !regionPath.startsWith("/") || !regionPath.endsWith("/")) {
            throw new IllegalArgumentException("region path must look like /500000/500102/: " + regionPath);
        }
        dimensions = Set.copyOf(dimensions);
    }

    public boolean covers(String path) {
        return path != null && path.startsWith(regionPath);
    }
}
