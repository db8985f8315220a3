package org.capgov.region;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads regions and lets a coordinator set the air zone and key-region flag of regions in their scope. */
@Service
public class RegionService {

    private final RegionRepository regions;
    private final AuditTrail audit;
    private final Clock clock;

    RegionService(RegionRepository regions, AuditTrail audit, Clock clock) {
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Regions whose air zone is a reading still to be confirmed against the standard (see V25), in code order. */
    public List<Region> unconfirmedAirZones() {
        return regions.findAll(false).stream().filter(Region::airZoneUnconfirmed).toList();
    }

    public List<Region> all(boolean includeClosed) {
        return regions.findAll(includeClosed);
    }

    /**
     * A region by its six-digit code, or by its name as people type it (涪陵区, or 涪陵 when only one current region's
     * name contains it); several matches are refused with their names, so the reader can pick one.
     */
    public Region get(String code) {
        if (code != null && !code.isBlank() && !code.trim().chars().allMatch(Character::isDigit)) {
            return byName(code.trim());
        }
        return regions.findByCode(code).orElseThrow(() -> DomainException.notFound("error.region.notFound", code));
    }

    private Region byName(String name) {
        List<Region> open = regions.findAll(false);
        List<Region> exact = open.stream().filter(r -> r.name().equals(name)).toList();
        if (exact.size() == 1) {
            return exact.get(0);
        }
        List<Region> partial = exact.isEmpty() ? open.stream().filter(r -> r.name().contains(name)).toList() : exact;
        if (partial.size() == 1) {
            return partial.get(0);
        }
        if (partial.isEmpty()) {
            throw DomainException.notFound("error.region.notFound", name);
        }
        throw DomainException.invalid("region", "error.region.ambiguous", name, partial.stream().limit(8)
                .map(r -> r.name() + "（" + r.code() + "）").collect(java.util.stream.Collectors.joining("、")));
    }

    public List<Region> subtree(String code) {
        return regions.findSubtree(get(code).path());
    }

    public Map<String, Long> countByKind() {
        return regions.countOpenByKind();
    }

    public long countOpen() {
        return regions.countOpenByKind().values().stream().mapToLong(Long::longValue).sum();
    }

    /** As {@link #setAttributes(String, AirZone, Boolean, String, LocalDate)} with the zone holding from today. */
    @Transactional
    public Region setAttributes(String code, AirZone airZone, Boolean keyAirRegion, String basis) {
        return setAttributes(code, airZone, keyAirRegion, basis, null);
    }

    /**
     * Sets the air zone with its basis and the day it holds from (today when not given: a zone can change with a
     * revision of the standard); the change is audited, and the zone counts as confirmed (V).
     */
    @Transactional
    public Region setAttributes(String code, AirZone airZone, Boolean keyAirRegion, String basis, LocalDate since) {
        Region before = get(code);
        if (!Actors.scope().coversRegion(before.path())) {
            throw DomainException.forbidden("error.region.outsideScope", code);
        }
        if (airZone == null && keyAirRegion == null) {
            throw DomainException.invalid("airZone", "error.region.nothingToChange");
        }
        if (airZone != null) {
            if (basis == null || basis.isBlank()) {
                throw DomainException.invalid("basis", "error.region.basisRequired");
            }
            regions.setAirZone(code, airZone, Actors.username(), basis.trim(),
                    since == null ? LocalDate.now(clock) : since);
        }
        if (keyAirRegion != null) {
            regions.setKeyAirRegion(code, keyAirRegion);
        }
        Region after = get(code);
        audit.record(AuditEvent.updated("region", code, after.path(), attributes(before), attributes(after)));
        return after;
    }

    private static Map<String, Object> attributes(Region r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("airZone", r.airZone().name());
        m.put("airZoneSet", r.airZoneSet());
        m.put("airZoneBasis", r.airZoneBasis());
        m.put("airZoneSince", r.airZoneSince() == null ? null : r.airZoneSince().toString());
        m.put("airZoneConfidence", r.airZoneConfidence());
        m.put("keyAirRegion", r.keyAirRegion());
        return m;
    }
}
