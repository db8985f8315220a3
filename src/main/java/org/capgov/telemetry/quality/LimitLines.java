package org.capgov.telemetry.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.capgov.catalog.CatalogRule;
import org.capgov.catalog.CatalogService;
import org.capgov.registry.Enterprise;
import org.springframework.stereotype.Component;

/**
 * The limit line drawn on a factor's chart and used by {@link PinnedUnderLimitPolicy}: the strictest upper limit
 * ({@code <} or {@code <=}) the current catalogue sets on the metric for one of the enterprise's industries, in
 * force on the day. The engine's own verdict (air zone, equipment conditions) may pick a laxer rule; the line is a
 * guide for the eye, the verdict is the compliance engine's.
 */
@Component
public class LimitLines {

    /** A limit with the rule it comes from and that rule's citation (document and section), as people cite it. */
    public record Limit(double value, String unit, String ruleId, String citation) {
    }

    private final CatalogService catalog;

    LimitLines(CatalogService catalog) {
        this.catalog = catalog;
    }

    public Optional<Limit> of(Enterprise e, String metric, LocalDate day) {
        if (metric == null || e == null) {
            return Optional.empty();
        }
        Limit best = null;
        for (CatalogRule r : catalog.current().limits()) {
            if (!metric.equals(r.metric()) || !"MEASUREMENT".equals(r.subject()) || !(r.limit() instanceof Number n)
                    || !("<".equals(r.comparator()) || "<=".equals(r.comparator()))) {
                continue;
            }
            if (r.effectiveFrom() != null && r.effectiveFrom().isAfter(day)
                    || r.effectiveTo() != null && r.effectiveTo().isBefore(day)) {
                continue;
            }
            if (r.industry() != null && e.industries().stream().noneMatch(i -> i.name().equals(r.industry()))) {
                continue;
            }
            double v = new BigDecimal(n.toString()).doubleValue();
            if (best == null || v < best.value()) {
                best = new Limit(v, r.unit(), r.id(), citation(r));
            }
        }
        return Optional.ofNullable(best);
    }

    private static String citation(CatalogRule r) {
        if (r.citation() == null) {
            return r.documentId();
        }
        StringBuilder s = new StringBuilder(r.citation().document() == null ? r.documentId() : r.citation().document());
        if (r.citation().section() != null && !r.citation().section().isBlank()) {
            s.append(' ').append(r.citation().section());
        }
        if (r.citation().standard() != null && !r.citation().standard().isBlank()) {
            s.append('（').append(r.citation().standard()).append('）');
        }
        return s.toString();
    }
}
