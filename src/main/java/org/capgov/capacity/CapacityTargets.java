package org.capgov.capacity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.capgov.capacity.target.TargetProgress;
import org.capgov.capacity.target.TargetProgressService;
import org.capgov.region.RegionService;
import org.capgov.shared.DomainException;
import org.springframework.stereotype.Service;

/**
 * What other modules may learn of the catalogue's capacity-cut targets: which elimination and cap targets were missed
 * at their deadline, with the region subtree and industry they concern (the pricing module's missed-target trigger,
 * seed 000 二、（七）).
 */
@Service
public class CapacityTargets {

    /** A missed capacity-cut target: its region's path, industry (null: all), goal and measured value. */
    public record MissedCutTarget(String targetId, String documentId, String kind, String regionCode, String regionPath,
            String industry, BigDecimal goal, BigDecimal value, String unit, LocalDate deadline) {
    }

    private final TargetProgressService progress;
    private final RegionService regions;

    CapacityTargets(TargetProgressService progress, RegionService regions) {
        this.progress = progress;
        this.regions = regions;
    }

    /**
     * The capacity-cut targets missed as of {@code asOf} (deadline passed, goal not reached) whose region lies in the
     * subtree {@code regionPath} ('/500000/500102/') or contains it.
     */
    public List<MissedCutTarget> missedAsOf(LocalDate asOf, String regionPath) {
        List<MissedCutTarget> out = new ArrayList<>();
        for (TargetProgress p : progress.missedCuts(asOf, regionPath)) {
            String path;
            try {
                path = regions.get(p.region()).path();
            } catch (DomainException e) {
                continue;
            }
            out.add(new MissedCutTarget(p.targetId(), p.documentId(), p.kind(), p.region(), path, p.industry(), p.goal(),
                    p.value(), p.unit(), LocalDate.parse(p.deadline())));
        }
        return out;
    }
}
