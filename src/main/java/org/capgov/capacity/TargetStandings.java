package org.capgov.capacity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.capacity.target.TargetProgress;
import org.capgov.capacity.target.TargetProgressService;
import org.springframework.stereotype.Component;

/**
 * The catalogue targets of a region subtree counted by how they stand on a day (MET, ON_TRACK, AT_RISK, MISSED,
 * NO_DATA), in the caller's scope: the one figure of targets' progress other modules read (supervision puts it beside
 * progress reports and in annual reports).
 */
@Component
public class TargetStandings {

    public static final List<String> STATUSES = List.of("MET", "ON_TRACK", "AT_RISK", "MISSED", "NO_DATA");

    private final TargetProgressService progress;

    TargetStandings(TargetProgressService progress) {
        this.progress = progress;
    }

    /** Status → number of targets of the region (a region code) and the regions under it, measured as of {@code day}. */
    public Map<String, Long> count(String region, LocalDate day) {
        Map<String, Long> out = new LinkedHashMap<>();
        STATUSES.forEach(s -> out.put(s, 0L));
        for (TargetProgress p : progress.progress(region, day.toString())) {
            out.merge(p.status(), 1L, Long::sum);
        }
        return out;
    }
}
