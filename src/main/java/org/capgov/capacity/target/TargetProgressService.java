package org.capgov.capacity.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.capgov.capacity.utilisation.CapacityFigures;
import org.capgov.shared.FigureCache;
import org.capgov.capacity.utilisation.Period;
import org.capgov.capacity.utilisation.Utilisation;
import org.capgov.capacity.utilisation.UtilisationService;
import org.capgov.catalog.CatalogService;
import org.capgov.catalog.Catalog;
import org.capgov.catalog.SourceDocument;
import org.capgov.catalog.Target;
import org.capgov.region.Region;
import org.capgov.region.RegionService;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DataScope;
import org.capgov.shared.Decimals;
import org.capgov.shared.DomainException;
import org.capgov.shared.Product;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Measures every target of the current catalogue as of a date. How each kind is measured (README, "Capacity",
 * Targets): UTILISATION from output reports and capacity in force (the deadline's year once it has passed, the
 * year to date before); CAP from annual capacity in force on the day; ELIMINATION from capacity (or, without a
 * product, enterprises) that left force between the document's effective date and the day; ENTERPRISE_COUNT from
 * enterprises not closed, exited or deregistered on the day; SHARE from the figures departments report per year.
 * Figures are aggregates over the target's region, so they are computed for every caller who may see the target.
 */
@Service
public class TargetProgressService {

    /** The product an industry-wide utilisation target is measured on (cement: clinker, the kiln's product). */
    static final Map<String, Product> INDUSTRY_PRODUCT = Map.of("STEEL", Product.CRUDE_STEEL, "CEMENT", Product.CLINKER,
            "ALUMINIUM", Product.ALUMINIUM, "FLAT_GLASS", Product.FLAT_GLASS, "SHIPBUILDING", Product.SHIP,
            "COAL", Product.RAW_COAL);

    private final CatalogService catalog;
    private final CapacityFigures figures;
    private final TargetMeasures measures;
    private final EnforcedExits exits;
    private final RegionService regions;
    private final MessageSource messages;
    private final Clock clock;
    private final FigureCache cache;

    TargetProgressService(CatalogService catalog, CapacityFigures figures, TargetMeasures measures, EnforcedExits exits,
            RegionService regions, MessageSource messages, Clock clock, FigureCache cache) {
        this.cache = cache;
        this.exits = exits;
        this.catalog = catalog;
        this.figures = figures;
        this.measures = measures;
        this.regions = regions;
        this.messages = messages;
        this.clock = clock;
    }

    public List<TargetProgress> progress(String region, String asOf) {
        LocalDate day = asOf == null || asOf.isBlank() ? ChinaTime.today(clock) : date(asOf);
        String path = null;
        if (region != null && !region.isBlank()) {
            try {
                path = regions.get(region.trim()).path();
            } catch (DomainException e) {
                throw DomainException.invalid("region", "error.region.notFound", region);
            }
        }
        Catalog c = catalog.current();
        DataScope scope = Actors.scope();
        String under = path;
        // the whole board kept as well: one look at the inputs' version instead of one per target
        return cache.get(java.util.Arrays.asList("board", c.version(), c.targets(), under, day, scope,
                ChinaTime.today(clock)), () -> {
                    List<TargetProgress> out = new ArrayList<>();
                    for (Target t : c.targets()) {
                        Region r = region(t.region());
                        if (r == null || (under != null && !r.path().startsWith(under)) || !visible(scope, r.path())) {
                            continue;
                        }
                        out.add(measure(t, c.documents().get(t.documentId()), r, day));
                    }
                    return List.copyOf(out);
                });
    }

    /**
     * The capacity-cut targets (elimination and cap) whose deadline has passed by {@code asOf} and that were missed,
     * whoever asks: a target is an aggregate over its region, and other modules price on it (the pricing module's
     * missed-target trigger). Only targets whose region lies in {@code path} or contains it are measured.
     */
    public List<TargetProgress> missedCuts(LocalDate asOf, String path) {
        Catalog c = catalog.current();
        List<TargetProgress> out = new ArrayList<>();
        for (Target t : c.targets()) {
            Region r = region(t.region());
            if (r == null || asOf.isBefore(t.deadline()) || !("ELIMINATION".equals(t.kind()) || "CAP".equals(t.kind()))
                    || !(r.path().startsWith(path) || path.startsWith(r.path()))) {
                continue;
            }
            TargetProgress p = measure(t, c.documents().get(t.documentId()), r, asOf);
            if ("MISSED".equals(p.status())) {
                out.add(p);
            }
        }
        return out;
    }

    public TargetProgress one(String targetId, String asOf) {
        return progress(null, asOf).stream().filter(p -> p.targetId().equals(targetId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("error.capacity.targetNotFound", targetId));
    }

    /** A target is seen by callers whose scope lies in its region or covers it (a district sees its city's targets). */
    static boolean visible(DataScope scope, String path) {
        return scope.coversRegion(path) || scope.grants().stream().anyMatch(g -> g.regionPath().startsWith(path));
    }

    /**
     * The target measured on {@code asOf}; kept until an input changes (the figures are aggregates, the same for every
     * caller who may see the target; today's date is part of the key since announced exits are read up to it).
     */
    TargetProgress measure(Target t, SourceDocument doc, Region r, LocalDate asOf) {
        return cache.get(java.util.Arrays.asList("target", t, doc, r, asOf, ChinaTime.today(clock)),
                () -> compute(t, doc, r, asOf));
    }

    private TargetProgress compute(Target t, SourceDocument doc, Region r, LocalDate asOf) {
        LocalDate start = start(t, doc);
        LocalDate until = asOf.isBefore(t.deadline()) ? asOf : t.deadline();
        BigDecimal factor = t.unit() != null && t.unit().startsWith("万") ? BigDecimal.valueOf(10000) : BigDecimal.ONE;
        Product product = t.product() != null ? Product.valueOf(t.product()) : null;
        BigDecimal value = null;
        BigDecimal startValue = null;
        boolean cumulative = false;
        String method;
        Object[] args = {};
        switch (t.kind()) {
            case "UTILISATION" -> {
                Product p = product != null ? product : INDUSTRY_PRODUCT.get(t.industry());
                Period period = utilisationPeriod(asOf, t.deadline());
                Utilisation u = p == null || period == null ? null : utilisation(p, r, period);
                value = u == null || u.reportingEnterprises() == 0 ? null : u.utilisation();
                Utilisation before = p == null ? null : utilisation(p, r, Period.parse(Integer.toString(start.getYear() - 1)));
                startValue = before == null || before.reportingEnterprises() == 0 ? null : before.utilisation();
                method = "UTILISATION_FROM_OUTPUT";
                args = new Object[] {p == null ? "—" : label("product." + p.name()), period == null ? "—" : period.code(),
                        u == null ? 0 : u.reportingEnterprises(),
                        u == null ? "—" : u.missingCapacityShare().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString()};
            }
            case "CAP" -> {
                value = product == null ? null : figures.inForceOn(product, r.path(), until).divide(factor, 4, RoundingMode.HALF_UP);
                startValue = product == null ? null : figures.inForceOn(product, r.path(), start).divide(factor, 4, RoundingMode.HALF_UP);
                method = "CAPACITY_IN_FORCE";
                args = new Object[] {product == null ? "—" : label("product." + product.name()), until.toString()};
            }
            case "ELIMINATION" -> {
                cumulative = true;
                if (product != null) {
                    value = exited(product, r, start, until).divide(factor, 4, RoundingMode.HALF_UP);
                    method = "EXITED_CAPACITY";
                    args = new Object[] {label("product." + product.name()), start.toString(), until.toString()};
                } else {
                    value = BigDecimal.valueOf(measures.exitedEnterprises(t.industry(), r.path(), start, until));
                    method = "EXITED_ENTERPRISES";
                    args = new Object[] {label("industry." + t.industry()), start.toString(), until.toString()};
                }
            }
            case "ENTERPRISE_COUNT" -> {
                boolean steel = "STEEL".equals(t.industry());
                value = BigDecimal.valueOf(measures.operatingEnterprises(t.industry(), r.path(), until, steel));
                startValue = BigDecimal.valueOf(measures.operatingEnterprises(t.industry(), r.path(), start, steel));
                method = steel ? "OPERATING_STEEL_SMELTING_ENTERPRISES" : "OPERATING_ENTERPRISES";
                args = new Object[] {label("industry." + t.industry()), until.toString()};
            }
            default -> {
                var figure = !asOf.isBefore(t.deadline()) ? measures.figureOfYear(t.id(), t.deadline().getYear())
                        : measures.latestFigure(t.id(), asOf.getYear());
                value = figure.map(TargetMeasures.Figure::value).orElse(null);
                startValue = measures.figureOfYear(t.id(), start.getYear() - 1).map(TargetMeasures.Figure::value).orElse(null);
                method = "REPORTED_FIGURE";
                args = new Object[] {figure.map(f -> f.year() + " " + f.document()).orElse("—")};
            }
        }
        TargetStatusRule.Outcome outcome = TargetStatusRule.status(t.comparator(), t.value(), value, cumulative, start,
                startValue, asOf, t.deadline());
        return new TargetProgress(t.id(), t.documentId(), t.kind(), t.industry(), t.product(), t.region(), t.comparator(),
                Decimals.plain(t.value()), Decimals.plain(value), outcome.projected(), t.unit(), t.deadline().toString(),
                asOf.toString(), outcome.status(), method, label("capacity.method." + method, args), t.citation());
    }

    /**
     * Capacity that left force in the window by the registry's statuses, plus the announced exits of enforcement's
     * exit lists whose equipment the registry does not (yet) show as gone.
     */
    BigDecimal exited(Product product, Region r, LocalDate from, LocalDate to) {
        BigDecimal registry = figures.exitedBetween(product, r.path(), from, to);
        var announced = exits.announced(product.name(), r.code(), from, to);
        if (announced.isEmpty()) {
            return registry;
        }
        java.util.Set<String> counted = new java.util.HashSet<>();
        figures.equipmentExitedBetween(product, r.path(), from, to, DataScope.all(), Integer.MAX_VALUE)
                .forEach(b -> counted.add(b.uscc() + "/" + b.equipmentCode()));
        return registry.add(EnforcedExits.notYetCounted(announced, counted));
    }

    /** The target's start: its document's effective date, else five years before the deadline. */
    static LocalDate start(Target t, SourceDocument doc) {
        return doc != null && doc.effective() != null ? doc.effective() : t.deadline().minusYears(5);
    }

    /** One target as the caller may see it, with its document and region; 404 otherwise. */
    Measured find(String targetId) {
        Catalog c = catalog.current();
        for (Target t : c.targets()) {
            Region r = region(t.region());
            if (t.id().equals(targetId) && r != null && visible(Actors.scope(), r.path())) {
                return new Measured(t, c.documents().get(t.documentId()), r);
            }
        }
        throw DomainException.notFound("error.capacity.targetNotFound", targetId);
    }

    /** A target with what it is measured against. */
    record Measured(Target target, SourceDocument document, Region region) {
    }

    /**
     * The target measured at the end of each year from its start to {@code asOf} (at most {@code points}, the latest
     * kept) and on {@code asOf} itself: the history its sparkline draws.
     */
    public List<TargetProgress> history(String targetId, String asOf, int points) {
        LocalDate day = asOf == null || asOf.isBlank() ? ChinaTime.today(clock) : date(asOf);
        Measured m = find(targetId);
        LocalDate start = start(m.target(), m.document());
        List<LocalDate> days = new ArrayList<>();
        for (int y = start.getYear(); y < day.getYear(); y++) {
            days.add(LocalDate.of(y, 12, 31));
        }
        days.add(day);
        List<LocalDate> kept = days.subList(Math.max(0, days.size() - points), days.size());
        return kept.stream().map(d -> measure(m.target(), m.document(), m.region(), d)).toList();
    }

    /** The deadline's year once it has passed; before, the months of this year up to the last complete one. */
    static Period utilisationPeriod(LocalDate asOf, LocalDate deadline) {
        if (!asOf.isBefore(deadline)) {
            return Period.parse(Integer.toString(deadline.getYear()));
        }
        YearMonth last = asOf.equals(YearMonth.from(asOf).atEndOfMonth()) ? YearMonth.from(asOf)
                : YearMonth.from(asOf).minusMonths(1);
        if (last.getYear() < asOf.getYear()) {
            return Period.parse(Integer.toString(last.getYear()));
        }
        LocalDate from = LocalDate.of(last.getYear(), 1, 1);
        return new Period(from.getYear() + "-01.." + last, from, last.plusMonths(1).atDay(1));
    }

    private Utilisation utilisation(Product p, Region r, Period period) {
        return UtilisationService.rollUp(p, r, period, figures.byRegionPath(p, r.path(), period, DataScope.all()));
    }

    private Region region(String code) {
        try {
            return code == null ? null : regions.get(code);
        } catch (DomainException e) {
            return null;
        }
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("asOf", "error.capacity.asOf", text);
        }
    }
}
