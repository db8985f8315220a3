package org.capgov.capacity.target;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.capgov.capacity.utilisation.CapacityFigures;
import org.capgov.capacity.utilisation.Period;
import org.capgov.catalog.Target;
import org.capgov.enforcement.lists.ExitListEntry;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DataScope;
import org.capgov.shared.Product;
import org.springframework.stereotype.Service;

/**
 * What lies behind a target's figure: the equipment in force (caps), the equipment that left force and the announced
 * exits (eliminations), the enterprises counted (enterprise counts), output and capacity per enterprise (utilisation)
 * or the reported figures (shares). Enterprise-level rows, so they are read in the caller's data scope.
 */
@Service
public class TargetDrillDown {

    /** Rows shown at most; the figure itself always covers everything. */
    public static final int LIMIT = 500;

    /** The rows behind a figure; {@code exits} are announced exits that the registry does not show as gone. */
    public record Behind(TargetProgress progress, String basis, List<CapacityFigures.Behind> rows,
            List<ExitListEntry> exits, List<TargetMeasures.Figure> figures) {
    }

    private final TargetProgressService progress;
    private final CapacityFigures capacity;
    private final TargetMeasures measures;
    private final EnforcedExits exits;
    private final java.time.Clock clock;

    TargetDrillDown(TargetProgressService progress, CapacityFigures capacity, TargetMeasures measures, EnforcedExits exits,
            java.time.Clock clock) {
        this.progress = progress;
        this.capacity = capacity;
        this.measures = measures;
        this.exits = exits;
        this.clock = clock;
    }

    public Behind behind(String targetId, String asOf) {
        LocalDate day = asOf == null || asOf.isBlank() ? ChinaTime.today(clock) : TargetProgressService.date(asOf);
        TargetProgressService.Measured m = progress.find(targetId);
        Target t = m.target();
        TargetProgress p = progress.measure(t, m.document(), m.region(), day);
        LocalDate start = TargetProgressService.start(t, m.document());
        LocalDate until = day.isBefore(t.deadline()) ? day : t.deadline();
        String path = m.region().path();
        DataScope scope = Actors.scope();
        Product product = t.product() != null ? Product.valueOf(t.product()) : null;
        List<CapacityFigures.Behind> rows = List.of();
        List<ExitListEntry> announced = List.of();
        List<TargetMeasures.Figure> figures = List.of();
        String basis;
        switch (t.kind()) {
            case "UTILISATION" -> {
                Product u = product != null ? product : TargetProgressService.INDUSTRY_PRODUCT.get(t.industry());
                Period period = TargetProgressService.utilisationPeriod(day, t.deadline());
                rows = u == null || period == null ? List.of() : capacity.byEnterprise(u, path, period, scope, LIMIT);
                basis = "ENTERPRISES_OUTPUT";
            }
            case "CAP" -> {
                rows = product == null ? List.of() : capacity.equipmentInForceOn(product, path, until, scope, LIMIT);
                basis = "EQUIPMENT_IN_FORCE";
            }
            case "ELIMINATION" -> {
                if (product != null) {
                    rows = capacity.equipmentExitedBetween(product, path, start, until, scope, LIMIT);
                    java.util.Set<String> counted = new java.util.HashSet<>();
                    capacity.equipmentExitedBetween(product, path, start, until, DataScope.all(), Integer.MAX_VALUE)
                            .forEach(b -> counted.add(b.uscc() + "/" + b.equipmentCode()));
                    List<ExitListEntry> more = new ArrayList<>();
                    for (ExitListEntry e : exits.announced(product.name(), m.region().code(), start, until)) {
                        if (EnforcedExits.notYetCounted(List.of(e), counted).signum() > 0) {
                            more.add(e);
                            counted.add(e.enterprise().uscc() + "/" + e.equipmentCode());
                        }
                    }
                    announced = more;
                    basis = "EQUIPMENT_EXITED";
                } else {
                    rows = measures.exitedEnterpriseList(t.industry(), path, start, until, scope, LIMIT);
                    basis = "ENTERPRISES_EXITED";
                }
            }
            case "ENTERPRISE_COUNT" -> {
                rows = measures.operatingEnterpriseList(t.industry(), path, until, "STEEL".equals(t.industry()), scope,
                        LIMIT);
                basis = "ENTERPRISES_OPERATING";
            }
            default -> {
                figures = measures.figures(t.id());
                basis = "REPORTED_FIGURES";
            }
        }
        return new Behind(p, basis, rows, announced, figures);
    }
}
