package org.capgov.pricing.surcharge;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.capgov.capacity.CapacityTargets;
import org.capgov.pricing.scale.EnterpriseFacts;
import org.capgov.pricing.scale.GreenPowerRelief;
import org.capgov.pricing.scale.PriceCatalogue;
import org.capgov.pricing.scale.PriceScale;
import org.capgov.pricing.scale.SurchargeRules;
import org.capgov.region.RegionService;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DataScope;
import org.capgov.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly surcharge list: every grid account in force during the month gets the surcharges its enterprise's
 * facts trigger under the scales in force (docs/decisions/pricing-readings.md P1–P5), minus kinds withdrawn by an
 * upheld objection. Computed from the data until the grid company acknowledges it; from then on the stored rows are
 * returned until a coordinator regenerates the list (P9).
 */
@Service
public class SurchargeService {

    private final SurchargeRepository repository;
    private final StoredLists stored;
    private final PriceCatalogue catalogue;
    private final RegionService regions;
    private final CapacityTargets targets;
    private final Clock clock;

    SurchargeService(SurchargeRepository repository, StoredLists stored, PriceCatalogue catalogue, RegionService regions,
            CapacityTargets targets, Clock clock) {
        this.repository = repository;
        this.stored = stored;
        this.catalogue = catalogue;
        this.regions = regions;
        this.targets = targets;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SurchargeList list(String month, String region) {
        YearMonth m = month(month);
        String path = regionPath(region);
        return list(m, region.trim(), path, Actors.scope());
    }

    SurchargeList list(YearMonth m, String region, String path, DataScope scope) {
        List<SurchargeItem> items = new ArrayList<>();
        List<SurchargeList.ConflictItem> conflicts = new ArrayList<>();
        List<SurchargeItem> drafts = new ArrayList<>();
        Optional<StoredLists.Stored> s = stored.covering(m, path);
        if (s.isPresent()) {
            Set<String> withdrawn = repository.withdrawn(m, path);
            stored.rows(s.get().id(), "ITEM", path, scope, SurchargeItem.class, i -> {
                if (!withdrawn.contains(i.gridAccount() + "|" + i.kind())) {
                    items.add(i);
                }
            });
            stored.rows(s.get().id(), "CONFLICT", path, scope, SurchargeList.ConflictItem.class, conflicts::add);
            stored.rows(s.get().id(), "DRAFT", path, scope, SurchargeItem.class, drafts::add);
            return new SurchargeList(m.toString(), region, catalogue.version(), items, conflicts, drafts,
                    s.get().storedAt());
        }
        compute(m, path, scope, items::add, conflicts::add, drafts::add);
        return new SurchargeList(m.toString(), region, catalogue.version(), items, conflicts, drafts, null);
    }

    /** Every item of the list in account order (stored rows once acknowledged), for downloads. */
    @Transactional(readOnly = true)
    public void forEach(String month, String region, Consumer<SurchargeItem> sink) {
        rows(month(month), regionPath(region), Actors.scope(), sink);
    }

    /** The items of a month's list for a subtree: the stored rows where a stored list covers it, else computed. */
    void rows(YearMonth m, String path, DataScope scope, Consumer<SurchargeItem> sink) {
        Optional<StoredLists.Stored> s = stored.covering(m, path);
        if (s.isPresent()) {
            Set<String> withdrawn = repository.withdrawn(m, path);
            stored.rows(s.get().id(), "ITEM", path, scope, SurchargeItem.class, i -> {
                if (!withdrawn.contains(i.gridAccount() + "|" + i.kind())) {
                    sink.accept(i);
                }
            });
        } else {
            compute(m, path, scope, sink, c -> { }, d -> { });
        }
    }

    /**
     * Computes the list afresh and stores it (an acknowledgement, or a coordinator's explicit regeneration after the
     * findings changed); later fetches return these rows.
     */
    @Transactional
    public SurchargeList store(YearMonth m, String region, String path, String cause) {
        List<SurchargeItem> items = new ArrayList<>();
        List<SurchargeList.ConflictItem> conflicts = new ArrayList<>();
        List<SurchargeItem> drafts = new ArrayList<>();
        compute(m, path, Actors.scope(), items::add, conflicts::add, drafts::add);
        stored.store(m, region, path, catalogue.version(), items, conflicts, drafts, cause, Actors.username());
        return list(m, region, path, Actors.scope());
    }

    /** Whether a stored list covers the subtree for the month. */
    public boolean isStored(YearMonth m, String path) {
        return stored.covering(m, path).isPresent();
    }

    public void compute(YearMonth m, String path, DataScope scope, Consumer<SurchargeItem> items,
            Consumer<SurchargeList.ConflictItem> conflicts) {
        compute(m, path, scope, items, conflicts, d -> { });
    }

    /**
     * The list computed for a subtree path and scope: the facts in a few set-wise reads, then the accounts streamed,
     * the rules evaluated once per enterprise; the green-power relief per account (reading G1–G3); what draft scales
     * would catch goes to {@code drafts}.
     */
    public void compute(YearMonth m, String path, DataScope scope, Consumer<SurchargeItem> items,
            Consumer<SurchargeList.ConflictItem> conflicts, Consumer<SurchargeItem> drafts) {
        SurchargeRules rules = catalogue.rules();
        List<PriceScale> inForce = rules.inForce(m);
        List<PriceScale> draftScales = rules.draftsInForce(m);
        List<String> metrics = inForce.stream().filter(s -> "METRIC_BRACKET".equals(s.trigger().type()))
                .map(s -> s.trigger().metric()).distinct().toList();
        SurchargeRepository.Facts facts = repository.facts(m, path, scope, metrics);
        List<EnterpriseFacts.MissedTarget> missed = missedTargets(m, path, java.util.stream.Stream.concat(
                inForce.stream(), draftScales.stream()).filter(s -> "MISSED_TARGET".equals(s.trigger().type())).toList());
        var state = new Object() {
            long last = -1;
            SurchargeRules.Outcome outcome;
            List<SurchargeRules.Due> drafts = List.of();
        };
        repository.accounts(m, path, scope, a -> {
            if (a.enterpriseId() != state.last) {
                state.last = a.enterpriseId();
                EnterpriseFacts f = new EnterpriseFacts(a.regionPath(), a.industries(),
                        facts.eliminated().getOrDefault(a.enterpriseId(), List.of()),
                        facts.noncompliant().getOrDefault(a.enterpriseId(), List.of()),
                        facts.verified().getOrDefault(a.enterpriseId(), List.of()),
                        facts.activities().getOrDefault(a.enterpriseId(), Set.of()), missed);
                state.outcome = rules.evaluate(f, m);
                state.drafts = draftScales.isEmpty() ? List.of() : rules.drafts(f, m);
            }
            GreenPowerRelief.GreenShare green = facts.greenShares().get(a.accountNo());
            for (SurchargeRules.Due d : state.outcome.items()) {
                if (!facts.withdrawn().contains(a.accountNo() + "|" + d.kind().name())) {
                    items.accept(item(a, GreenPowerRelief.apply(d, green)));
                }
            }
            for (SurchargeRules.Conflict c : state.outcome.conflicts()) {
                conflicts.accept(new SurchargeList.ConflictItem(a.uscc(), a.accountNo(), c.reason(), item(a, c.first()),
                        item(a, c.second())));
            }
            for (SurchargeRules.Due d : state.drafts) {
                drafts.accept(item(a, d));
            }
        });
    }

    /**
     * The capacity-cut targets missed by the first of the month, through capacity's API, measured only where a
     * missed-target scale governs the list's subtree (its jurisdiction and the list's region overlap).
     */
    private List<EnterpriseFacts.MissedTarget> missedTargets(YearMonth m, String path, List<PriceScale> scales) {
        Set<String> subtrees = new java.util.LinkedHashSet<>();
        for (PriceScale s : scales) {
            String governed = s.jurisdiction() == null ? "/" : regions.get(s.jurisdiction()).path();
            if (governed.startsWith(path)) {
                subtrees.add(governed);
            } else if (path.startsWith(governed)) {
                subtrees.add(path);
            }
        }
        List<EnterpriseFacts.MissedTarget> out = new ArrayList<>();
        for (String subtree : subtrees) {
            targets.missedAsOf(m.atDay(1), subtree).forEach(t -> out.add(new EnterpriseFacts.MissedTarget(t.targetId(),
                    t.documentId(), t.regionPath(), t.industry())));
        }
        return out;
    }

    private static SurchargeItem item(SurchargeRepository.Account a, SurchargeRules.Due d) {
        PriceScale.ScaleCitation c = d.citation();
        return new SurchargeItem(a.uscc(), a.name(), a.accountNo(), a.regionPath(), d.kind().name(), d.rate(),
                d.unit() == null ? null : unit(d.unit()), d.base(), new SurchargeItem.Basis(d.scaleId(), d.findingId(),
                        d.ruleId(), d.measurementId(), d.value(), new SurchargeItem.Citation(c.document(), c.section(),
                                c.text()), d.catalogueVersion(), d.confidence(), d.reliefPercent()));
    }

    /** The unit as people read it: 元/kWh, or % (of the catalogue tariff). */
    static String unit(String code) {
        return "PERCENT_OF_TARIFF".equals(code) ? "%" : "元/kWh";
    }

    /** A month "yyyy-MM", not after the current one. */
    public YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("month", "error.request.missingParameter", "month");
        }
        YearMonth m;
        try {
            if (!text.trim().matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-MM", text, 0);
            }
            m = YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("month", "error.pricing.month", text);
        }
        if (m.isAfter(YearMonth.from(ChinaTime.today(clock))) || m.getYear() < 2010) {
            throw DomainException.invalid("month", "error.pricing.monthOutOfRange", m.toString());
        }
        return m;
    }

    public String regionPath(String region) {
        if (region == null || region.isBlank()) {
            throw DomainException.invalid("region", "error.request.missingParameter", "region");
        }
        try {
            return regions.get(region.trim()).path();
        } catch (DomainException e) {
            throw DomainException.invalid("region", "error.region.notFound", region);
        }
    }

    /** The list's item for an account and kind, if the account pays it in the month (billing and objections check). */
    public Optional<SurchargeItem> itemOf(String accountNo, String kind, YearMonth month, DataScope scope) {
        return repository.account(accountNo, month).flatMap(a -> {
            Map<String, SurchargeItem> found = new HashMap<>();
            rows(month, a.regionPath(), scope, i -> {
                if (i.gridAccount().equals(accountNo)) {
                    found.put(i.kind(), i);
                }
            });
            return Optional.ofNullable(found.get(kind));
        });
    }

    /** The items due for the given accounts in a month, keyed "account|kind", read region by region. */
    public Map<String, SurchargeItem> dueFor(java.util.Collection<String> accountNos, YearMonth month, DataScope scope) {
        Map<String, SurchargeItem> due = new HashMap<>();
        Set<String> wanted = new java.util.HashSet<>(accountNos);
        for (String path : repository.regionsOf(wanted, month)) {
            rows(month, path, scope, i -> {
                if (wanted.contains(i.gridAccount())) {
                    due.put(i.gridAccount() + "|" + i.kind(), i);
                }
            });
        }
        return due;
    }

    /** Enterprise's own list items for a month (its scope limits it to its own accounts). */
    public List<SurchargeItem> ownItems(String uscc, YearMonth month, String regionPath) {
        List<SurchargeItem> items = new ArrayList<>();
        rows(month, regionPath, Actors.scope(), i -> {
            if (i.uscc().equals(uscc)) {
                items.add(i);
            }
        });
        return items;
    }
}
