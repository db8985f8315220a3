package org.capgov.capacity.warning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.capacity.utilisation.CapacityFigures;
import org.capgov.capacity.utilisation.MonthlyFigures;
import org.capgov.capacity.utilisation.Period;
import org.capgov.capacity.utilisation.Utilisation;
import org.capgov.capacity.utilisation.UtilisationService;
import org.capgov.identity.Role;
import org.capgov.notification.Notice;
import org.capgov.region.Region;
import org.capgov.region.RegionService;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DataScope;
import org.capgov.shared.DomainException;
import org.capgov.shared.Product;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates a month for every monitored product × region (each municipality / province and each district below it)
 * and keeps one warning per product × region while utilisation stays below a level: opened the first month, its
 * history grows each month, its level follows the figure, and it is closed (with the date) the first month the
 * figure is at or above every threshold. A region without capacity or without any report that month is not
 * evaluated: no figure is no evidence either way.
 */
@Service
public class WarningService {

    static final int MAX_ROWS = 2000;

    /** What one evaluation did. */
    public record Evaluation(String period, int evaluated, int opened, int continued, int closed,
            List<CapacityWarning> changed) {
    }

    private final MonthlyFigures monthly;
    private final WarningRepository warnings;
    private final WarningCatalogue catalogue;
    private final RegionService regions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WarningService(MonthlyFigures monthly, WarningRepository warnings, WarningCatalogue catalogue, RegionService regions,
            AuditTrail audit, ApplicationEventPublisher events, MessageSource messages, TransactionTemplate transaction,
            Clock clock) {
        this.monthly = monthly;
        this.warnings = warnings;
        this.catalogue = catalogue;
        this.regions = regions;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Evaluates {@code period} (a month, 2025-07), one transaction per product. */
    public Evaluation evaluate(String period) {
        Period p = Period.parse(period);
        if (!p.isMonth()) {
            throw DomainException.invalid("period", "error.capacity.evaluateMonth", period);
        }
        return evaluate(p.firstMonth(), p.firstMonth()).get(0);
    }

    /**
     * Evaluates every month from {@code first} to {@code last} in order, with the figures of all of them read in one
     * statement (docs/decisions/capacity-figures-performance.md); one transaction per month and product.
     */
    public List<Evaluation> evaluate(YearMonth first, YearMonth last) {
        if (last.isAfter(YearMonth.from(ChinaTime.today(clock)))) {
            throw DomainException.invalid("period", "error.capacity.futureMonth", last.toString());
        }
        List<Region> evaluated = regions.all(false).stream().filter(r -> r.level() <= 2).toList();
        List<Product> products = catalogue.monitored().products();
        Map<Product, Map<YearMonth, List<CapacityFigures.RegionSums>>> all = monthly.byRegionPath(products, first, last);
        List<Evaluation> out = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            Period p = Period.month(month);
            int[] counts = new int[4];
            List<Long> changed = new ArrayList<>();
            if (catalogue.monitored().inForce(p.from())) {
                for (Product product : products) {
                    List<CapacityFigures.RegionSums> sums = all.getOrDefault(product, Map.of()).getOrDefault(month, List.of());
                    transaction.executeWithoutResult(s -> {
                        Map<Region, Map<String, Object>> continued = new LinkedHashMap<>();
                        // the product's open warnings read and locked at once, their month rows and updates written
                        // as batches (docs/decisions/capacity-figures-performance.md)
                        Map<String, WarningRepository.Row> open = warnings.openOf(product.name());
                        WarningRepository.Writes writes = new WarningRepository.Writes();
                        for (Region region : evaluated) {
                            Utilisation u = UtilisationService.rollUp(product, region, p, sums);
                            if (u.capacity().signum() == 0 || u.reportingEnterprises() == 0) {
                                continue;
                            }
                            counts[0]++;
                            evaluateOne(product, region, p, u, counts, changed, continued, open.get(region.code()), writes);
                        }
                        warnings.write(writes);
                        // the warnings that went on at the same level: one entry per product, month and region
                        // (in that region's scope, so its district sees it), written as one batch rather than an
                        // audited update per warning (docs/decisions/capacity-figures-performance.md)
                        List<AuditEvent> entries = new ArrayList<>();
                        for (Map.Entry<Region, Map<String, Object>> c : continued.entrySet()) {
                            Map<String, Object> run = new LinkedHashMap<>();
                            run.put("product", product.name());
                            run.put("period", p.code());
                            run.put("region", c.getKey().code());
                            run.put("continued", List.of(c.getValue()));
                            entries.add(AuditEvent.created("capacity_warning_evaluation",
                                    product.name() + ":" + p.code() + ":" + c.getKey().code(), c.getKey().path(), run));
                        }
                        audit.recordAll(entries);
                    });
                }
            }
            List<CapacityWarning> touched = withHistory(warnings.byIds(changed));
            out.add(new Evaluation(p.code(), counts[0], counts[1], counts[2], counts[3], touched));
        }
        return out;
    }

    private void evaluateOne(Product product, Region region, Period p, Utilisation u, int[] counts, List<Long> changed,
            Map<Region, Map<String, Object>> continued, WarningRepository.Row openWarning,
            WarningRepository.Writes writes) {
        YearMonth month = p.firstMonth();
        BigDecimal exact = Utilisation.exactPercent(u.output(), u.capacity());
        WarningCatalogue.Level level = catalogue.levelOf(exact, p.from());
        var open = java.util.Optional.ofNullable(openWarning);
        if (level != null && open.isEmpty()) {
            long id = warnings.insert(product.name(), region.code(), region.path(), level.level(), month, u.utilisation());
            writes.month(id, month, level.level(), u.utilisation(), u);
            audit.record(AuditEvent.created("capacity_warning", Long.toString(id), region.path(),
                    state(product, region, level.level(), month, u)));
            notice(id, product, region, level, u, month, false);
            counts[1]++;
            changed.add(id);
        } else if (level != null) {
            WarningRepository.Row w = open.get();
            writes.month(w.id(), month, level.level(), u.utilisation(), u);
            if (!month.isBefore(w.lastPeriod())) {
                writes.update(w.id(), level.level(), month, u.utilisation());
                if (!w.level().equals(level.level())) {
                    audit.record(AuditEvent.updated("capacity_warning", Long.toString(w.id()), region.path(),
                            state(product, region, w.level(), w.lastPeriod(), null),
                            state(product, region, level.level(), month, u)));
                    notice(w.id(), product, region, level, u, month, false);
                } else {
                    Map<String, Object> one = state(product, region, level.level(), month, u);
                    one.put("warning", w.id());
                    continued.put(region, one);
                }
            }
            counts[2]++;
            changed.add(w.id());
        } else if (open.isPresent() && !month.isBefore(open.get().lastPeriod())) {
            WarningRepository.Row w = open.get();
            warnings.close(w.id(), month, ChinaTime.today(clock));
            audit.record(AuditEvent.updated("capacity_warning", Long.toString(w.id()), region.path(),
                    state(product, region, w.level(), w.lastPeriod(), null), Map.of("status", "CLOSED",
                            "closedPeriod", month.toString(), "utilisation", String.valueOf(u.utilisation()))));
            notice(w.id(), product, region, null, u, month, true);
            counts[3]++;
            changed.add(w.id());
        }
    }

    private static Map<String, Object> state(Product product, Region region, String level, YearMonth month, Utilisation u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", product.name());
        m.put("region", region.code());
        m.put("level", level);
        m.put("period", month.toString());
        if (u != null) {
            m.put("utilisation", String.valueOf(u.utilisation()));
            m.put("missingCapacityShare", String.valueOf(u.missingCapacityShare()));
        }
        return m;
    }

    /** To the industry departments of the region and its parent, the coordinators and the financial institutions. */
    private void notice(long id, Product product, Region region, WarningCatalogue.Level level, Utilisation u,
            YearMonth month, boolean closed) {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        String productName = messages.getMessage("product." + product.name(), null, product.name(), zh);
        String title = closed
                ? messages.getMessage("capacity.notice.closedTitle", new Object[] {region.name(), productName}, zh)
                : messages.getMessage("capacity.notice.title", new Object[] {region.name(), productName,
                        messages.getMessage("capacity.level." + level.level(), null, zh), u.utilisation()}, zh);
        String body = messages.getMessage(closed ? "capacity.notice.closedBody" : "capacity.notice.body",
                new Object[] {month.toString(), region.name(), productName, u.utilisation(), u.output().toPlainString(),
                        u.capacity().toPlainString(), product.unit(), u.reportingEnterprises(),
                        u.missingCapacityShare().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString(),
                        level == null ? "" : level.citation().document() + " " + level.citation().section()}, zh);
        List<String> codes = new ArrayList<>(List.of(region.code()));
        if (region.parentCode() != null) {
            codes.add(region.parentCode());
        }
        events.publishEvent(Notice.of("CAPACITY_WARNING", title, body).linkingTo("/capacity/warnings/" + id)
                .inRegion(region.path()).toDepartments(warnings.industryDepartments(codes).toArray(String[]::new))
                .toRoles(Role.COORDINATOR, Role.FINANCIAL_INSTITUTION)
                .once("CAPACITY_WARNING:" + id + ":" + month + ":" + (closed ? "CLOSED" : level.level())));
    }

    /** Warnings under {@code region} (subtree) in the caller's scope; no enterprise figures are part of them. */
    public List<CapacityWarning> search(String region, String product, String status) {
        String path;
        if (region == null || region.isBlank()) {
            path = "/";
        } else {
            try {
                path = regions.get(region.trim()).path();
            } catch (DomainException e) {
                throw DomainException.invalid("region", "error.region.notFound", region);
            }
        }
        String p = product == null || product.isBlank() ? null : UtilisationService.product(product).name();
        String s = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (s != null && !List.of("OPEN", "CLOSED").contains(s)) {
            throw DomainException.invalid("status", "error.capacity.warningStatus", status);
        }
        DataScope scope = Actors.scope();
        return withHistory(warnings.search(path, p, s, MAX_ROWS).stream()
                .filter(w -> scope.coversRegion(w.regionPath())).toList());
    }

    /** Open warnings of every region, for the public page (no scope: warnings hold no enterprise figures). */
    public List<CapacityWarning> publicOpen() {
        return withHistory(warnings.search("/", null, "OPEN", MAX_ROWS));
    }

    public CapacityWarning get(long id) {
        DataScope scope = Actors.scope();
        return withHistory(warnings.byIds(List.of(id)).stream()
                .filter(w -> scope.coversRegion(w.regionPath())).toList()).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("error.capacity.warningNotFound", id));
    }

    private List<CapacityWarning> withHistory(List<WarningRepository.Row> rows) {
        Map<Long, List<CapacityWarning.Month>> history = warnings.history(rows.stream().map(WarningRepository.Row::id).toList());
        return rows.stream().map(w -> new CapacityWarning(w.id(), w.product(), w.regionCode(), w.regionName(), w.level(),
                w.status(), w.since().toString(), w.lastPeriod().toString(), w.utilisation(),
                w.closedPeriod() == null ? null : w.closedPeriod().toString(),
                w.closedOn() == null ? null : w.closedOn().toString(), catalogue.level(w.level()).citation(),
                history.getOrDefault(w.id(), List.of()))).toList();
    }
}
