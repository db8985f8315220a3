package org.capgov.registry;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.capgov.region.Region;
import org.capgov.region.RegionService;
import org.springframework.stereotype.Component;

/** Region codes → paths of the regions that are open, read once per validation run (there are few regions). */
@Component
public class RegionDirectory {

    private final RegionService regions;

    public RegionDirectory(RegionService regions) {
        this.regions = regions;
    }

    /** A snapshot to validate many rows against. */
    public Map<String, Region> openRegions() {
        return regions.all(false).stream().collect(Collectors.toUnmodifiableMap(Region::code, Function.identity()));
    }

    /**
     * The paths of the region and of every region below it, open or closed: a search reads each in name order from
     * the search index (a region without any below is a plain equality on the path).
     */
    java.util.List<String> subtreePaths(Region region) {
        return regions.subtree(region.code()).stream().map(Region::path).toList();
    }

    /** The paths of every region, open or closed. */
    java.util.List<String> allPaths() {
        return regions.all(true).stream().map(Region::path).toList();
    }

    /** Any region, open or closed (filters and queries may name a closed region). */
    public Optional<Region> any(String code) {
        try {
            return Optional.of(regions.get(code));
        } catch (org.capgov.shared.DomainException e) {
            return Optional.empty();
        }
    }
}
