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
class RegionDirectory {

    private final RegionService regions;

    RegionDirectory(RegionService regions) {
        this.regions = regions;
    }

    /** A snapshot to validate many rows against. */
    Map<String, Region> openRegions() {
        return regions.all(false).stream().collect(Collectors.toUnmodifiableMap(Region::code, Function.identity()));
    }

    /**
     * Whether no region, open or closed, lies below this one: its subtree filter is then an equality on the path,
     * which the search index answers in name order.
     */
    boolean leaf(Region region) {
        return regions.subtree(region.code()).size() == 1;
    }

    /** Any region, open or closed (filters and queries may name a closed region). */
    Optional<Region> any(String code) {
        try {
            return Optional.of(regions.get(code));
        } catch (org.capgov.shared.DomainException e) {
            return Optional.empty();
        }
    }
}
