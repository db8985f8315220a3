package org.capgov.region;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An administrative division or management area. {@code path} lists the codes from the root
 * ({@code /500000/500102/}); a subtree is a path prefix. {@code airZoneSet} is false while the zone is the default.
 * {@code airZoneSince} is the day the zone holds from (null when not known); {@code airZoneConfidence} is V when a
 * coordinator confirmed it against the standard, S when it is a reading still to be confirmed, null when unset.
 */
public record Region(String code, String name, String nameEn, String parentCode, String path, int level, String kind,
        LocalDate openedOn, LocalDate closedOn, AirZone airZone, boolean airZoneSet, String airZoneSetBy,
        Instant airZoneSetAt, String airZoneBasis, boolean keyAirRegion, LocalDate airZoneSince,
        String airZoneConfidence) {

    public boolean open() {
        return closedOn == null;
    }

    /** The zone is a reading still to be confirmed against DB50/418-2012's text. */
    public boolean airZoneUnconfirmed() {
        return "S".equals(airZoneConfidence);
    }
}
