package org.capgov.pricing.surcharge;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.capgov.pricing.scale.EnterpriseFacts;
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
 * upheld objection. Computed from the data each time, so a correction shows in the next fetch.
 */
@Service
public class SurchargeService {

    private final SurchargeRepository repository;
    private final PriceCatalogue catalogue;
    private final RegionService regions;
    private final Clock clock;

    SurchargeService(SurchargeRepository repository, PriceCatalogue catalogue, RegionService regions, Clock clock) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.regions = regions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SurchargeList list(String month, String region) {
        YearMonth m = month(month);
        String path = regionPath(region);
        List<SurchargeItem> items = new ArrayList<>();
        List<SurchargeList.ConflictItem> conflicts = new ArrayList<>();
        compute(m, path, Actors.scope(), items::add, conflicts::add);
        return new SurchargeList(m.toString(), region.trim(), catalogue.version(), items, conflicts);
    }

    /** Every item of the list in account order, for downloads. */
    @Transactional(readOnly = true)
    public void forEach(String month, String region, Consumer<SurchargeItem> sink) {
        compute(month(month), regionPath(region), Actors.scope(), sink, c -> { });
    }

    /**
     * The list computed for a subtree path and scope: the facts in a few set-wise reads, then the accounts streamed,
     * the rules evaluated once per enterprise.
     */
    public void compute(YearMonth m, String path, DataScope scope, Consumer<SurchargeItem> items,
            Consumer<SurchargeList.ConflictItem> conflicts) {
        SurchargeRules rules = catalogue.rules();
        List<PriceScale> inForce = rules.inForce(m);
        List<String> metrics = inForce.stream().filter(s -> "METRIC_BRACKET".equals(s.trigger().type()))
                .map(s -> s.trigger().metric()).distinct().toList();
        SurchargeRepository.Facts facts = repository.facts(m, path, scope, metrics);
        long[] last = {-1};
        SurchargeRules.Outcome[] outcome = {null};
        repository.accounts(m, path, scope, a -> {
            if (a.enterpriseId() != last[0]) {
                last[0] = a.enterpriseId();
                outcome[0] = rules.evaluate(new EnterpriseFacts(a.regionPath(), a.industries(),
                        facts.eliminated().getOrDefault(a.enterpriseId(), List.of()),
                        facts.noncompliant().getOrDefault(a.enterpriseId(), List.of()),
                        facts.verified().getOrDefault(a.enterpriseId(), List.of()),
                        facts.activities().getOrDefault(a.enterpriseId(), java.util.Set.of())), m);
            }
            for (SurchargeRules.Due d : outcome[0].items()) {
                if (!facts.withdrawn().contains(a.accountNo() + "|" + d.kind().name())) {
                    items.accept(item(a, d));
                }
            }
            for (SurchargeRules.Conflict c : outcome[0].conflicts()) {
                conflicts.accept(new SurchargeList.ConflictItem(a.uscc(), a.accountNo(), c.reason(), item(a, c.first()),
                        item(a, c.second())));
            }
        });
    }

    private static SurchargeItem item(SurchargeRepository.Account a, SurchargeRules.Due d) {
        PriceScale.ScaleCitation c = d.citation();
        return new SurchargeItem(a.uscc(), a.name(), a.accountNo(), a.regionPath(), d.kind().name(), d.rate(), unit(d.unit()),
                d.base(), new SurchargeItem.Basis(d.scaleId(), d.findingId(), d.ruleId(), d.measurementId(), d.value(),
                        new SurchargeItem.Citation(c.document(), c.section(), c.text()), d.catalogueVersion(),
                        d.confidence()));
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
    public java.util.Optional<SurchargeItem> itemOf(String accountNo, String kind, YearMonth month, DataScope scope) {
        return repository.account(accountNo, month).flatMap(a -> {
            Map<String, SurchargeItem> found = new HashMap<>();
            String path = a.regionPath();
            compute(month, path, scope, i -> {
                if (i.gridAccount().equals(accountNo)) {
                    found.put(i.kind(), i);
                }
            }, c -> { });
            return java.util.Optional.ofNullable(found.get(kind));
        });
    }

    /** Enterprise's own list items for a month (its scope limits it to its own accounts). */
    public List<SurchargeItem> ownItems(String uscc, YearMonth month, String regionPath) {
        List<SurchargeItem> items = new ArrayList<>();
        compute(month, regionPath, Actors.scope(), i -> {
            if (i.uscc().equals(uscc)) {
                items.add(i);
            }
        }, c -> { });
        return items;
    }
}
