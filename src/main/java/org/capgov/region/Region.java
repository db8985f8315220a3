package org.capgov.region;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An administrative division or management area. {@code path} lists the codes from the root
 * ({@code /500000/500102/}); a subtree is a path prefix. {@code airZoneSet} is false while the zone is the default.
 */
public record Region(String code, String name, String nameEn, String parentCode, String path, int level, String kind,
        LocalDate openedOn, LocalDate closedOn, AirZone airZone, boolean airZoneSet, String airZoneSetBy,
        Instant airZoneSetAt, String airZoneBasis, boolean keyAirRegion) {

    public boolean open() {
        return closedOn == null;
    }
}
