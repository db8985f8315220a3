package org.capgov.capacity.target;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.catalog.CatalogService;
import org.capgov.catalog.Target;
import org.capgov.region.RegionService;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly figures of SHARE targets (concentration, local supply, deep processing), which no registry field holds: a
 * department reports them with the document they come from. A later entry for the same year supersedes, never
 * overwrites.
 */
@Service
public class TargetFigureService {

    /** A figure as submitted. */
    public record FigureInput(Integer year, BigDecimal value, String document, String note) {
    }

    private final CatalogService catalog;
    private final TargetMeasures measures;
    private final RegionService regions;
    private final AuditTrail audit;

    TargetFigureService(CatalogService catalog, TargetMeasures measures, RegionService regions, AuditTrail audit) {
        this.catalog = catalog;
        this.measures = measures;
        this.regions = regions;
        this.audit = audit;
    }

    @Transactional
    public TargetMeasures.Figure report(String targetId, FigureInput in) {
        Target t = catalog.current().targets().stream().filter(x -> x.id().equals(targetId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("error.capacity.targetNotFound", targetId));
        if (!"SHARE".equals(t.kind())) {
            throw DomainException.invalid("targetId", "error.capacity.figureOnlyForShares", targetId);
        }
        String path = regions.get(t.region()).path();
        if (!Actors.scope().coversRegion(path)) {
            throw DomainException.forbidden("error.region.outsideScope", t.region());
        }
        if (in.year() == null || in.year() < 2000 || in.year() > 2100) {
            throw DomainException.invalid("year", "error.capacity.figureYear", in.year());
        }
        if (in.value() == null || in.value().signum() < 0 || ("%".equals(t.unit()) && in.value().compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw DomainException.invalid("value", "error.capacity.figureValue", in.value(), t.unit());
        }
        if (in.document() == null || in.document().isBlank() || in.document().length() > 300) {
            throw DomainException.invalid("document", "error.capacity.figureDocument");
        }
        String note = in.note() == null || in.note().isBlank() ? null : in.note().trim();
        if (note != null && note.length() > 500) {
            throw DomainException.invalid("note", "error.capacity.noteTooLong");
        }
        long id = measures.insertFigure(t.id(), in.year(), in.value(), in.document().trim(), note, Actors.username());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("target", t.id());
        after.put("year", in.year());
        after.put("value", in.value().toPlainString());
        after.put("document", in.document().trim());
        audit.record(AuditEvent.created("target_figure", Long.toString(id), path, after));
        return measures.figures(t.id()).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    public List<TargetMeasures.Figure> figures(String targetId) {
        return measures.figures(targetId);
    }
}
