package org.capgov.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.capgov.catalog.CatalogChange;
import org.capgov.catalog.CatalogService;
import org.capgov.catalog.CatalogVersions;
import org.capgov.catalog.Catalog;
import org.capgov.region.Region;
import org.capgov.region.RegionService;
import org.capgov.registry.RegistryFacts;
import org.capgov.registry.RegistryFactsEnterprise;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.capgov.shared.DomainException;
import org.springframework.stereotype.Service;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * What-if: the registry in the caller's scope evaluated against the published catalogue and against another version
 * (normally a draft, before it is published), in one pass, in memory, storing nothing. Each enterprise is read once
 * and evaluated by both; only the differences are kept. One what-if at a time per node (it reads the whole scope).
 */
@Service
public class WhatIfService {

    /** Worst-status order, gravest first: must exit, fails, fails a soft rule, cannot tell, passes. */
    static final List<String> GRAVITY = List.of("ELIMINATED", "NONCOMPLIANT", "ADVISORY", "NO_DATA", "COMPLIANT");
    static final String NONE = "NONE";
    /** Changed enterprises per page of the detail, by default and at most. */
    static final int PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private final CatalogService catalog;
    private final CatalogVersions versions;
    private final RegistryFacts registry;
    private final RegionService regions;
    private final ComplianceRunMeasurementSource measurements;
    private final Semaphore one = new Semaphore(1);
    private final Clock clock;

    WhatIfService(Clock clock, CatalogService catalog, CatalogVersions versions, RegistryFacts registry, RegionService regions,
            ComplianceRunMeasurementSource measurements) {
        this.clock = clock;
        this.catalog = catalog;
        this.versions = versions;
        this.registry = registry;
        this.regions = regions;
        this.measurements = measurements;
    }

    /** Labels of the versions a what-if can compare with: drafts first, then the others, newest first. */
    public List<String> candidates() {
        List<String> out = new ArrayList<>();
        versions.list().stream().filter(v -> v.draft()).forEach(v -> out.add(v.label()));
        versions.list().stream().filter(v -> !v.draft() && !v.published()).forEach(v -> out.add(v.label()));
        return out;
    }

    public WhatIfResult compare(String draftLabel, LocalDate asOf) {
        return compare(draftLabel, asOf, 0, PAGE_SIZE);
    }

    /**
     * The comparison with one page of the changed enterprises in detail (in registry order; the counts always cover
     * all of them). Each call is a fresh pass, so pages of one draft agree as long as the registry does not change.
     */
    public WhatIfResult compare(String draftLabel, LocalDate asOf, int page, int size) {
        if (page < 0) {
            throw DomainException.invalid("page", "error.request.page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", "error.request.size", MAX_PAGE_SIZE);
        }
        return pass(draftLabel, asOf, new Tally(page, size, null));
    }

    /** Every changed enterprise of the comparison, handed to {@code sink} as it is found (for a streamed export). */
    public WhatIfResult export(String draftLabel, LocalDate asOf, Consumer<WhatIfResult.EnterpriseChange> sink) {
        return pass(draftLabel, asOf, new Tally(0, 0, sink));
    }

    private WhatIfResult pass(String draftLabel, LocalDate asOf, Tally tally) {
        if (draftLabel == null || draftLabel.isBlank()) {
            throw DomainException.invalid("draft", "error.compliance.draftRequired");
        }
        LocalDate date = asOf == null ? ChinaTime.today(clock) : asOf;
        Catalog published = catalog.current();
        Catalog draft;
        try {
            draft = versions.byLabel(draftLabel.trim());
        } catch (DomainException e) {
            throw DomainException.invalid("draft", "error.compliance.draftNotFound", draftLabel);
        }
        if (!one.tryAcquire()) {
            throw DomainException.conflict("error.compliance.whatIfBusy");
        }
        try {
            return compare(published, draft, date, Actors.scope(), tally);
        } finally {
            one.release();
        }
    }

    private WhatIfResult compare(Catalog published, Catalog draft, LocalDate date, DataScope scope, Tally tally) {
        List<Region> all = regions.all(true);
        all.forEach(r -> tally.regions.put(r.code(), r));
        FactsBuilder before = FactsBuilder.over(published, date, all);
        FactsBuilder after = FactsBuilder.over(draft, date, all);
        ComplianceEngine.Prepared rulesBefore = ComplianceEngine.prepare(published, date);
        ComplianceEngine.Prepared rulesAfter = ComplianceEngine.prepare(draft, date);
        boolean pointReads = registry.count(scope) <= ComplianceRunExecution.POINT_READS;
        try (ComplianceRunMeasurements feed = pointReads ? null
                : new ComplianceRunMeasurements(sink -> measurements.readAll(date, sink), "capgov-what-if-measurements")) {
            registry.forEach(scope, date, (RegistryFactsEnterprise e) -> {
                List<Facts.MeasurementFact> ms = feed != null ? feed.of(e.enterpriseId())
                        : measurements.of(e.enterpriseId(), date);
                List<Finding> was = ComplianceEngine.evaluate(rulesBefore, before.facts(e, ms));
                List<Finding> will = ComplianceEngine.evaluate(rulesAfter, after.facts(e, ms));
                tally.add(e, was, will);
            });
        }
        return tally.result(published.version(), draft.version(), date,
                versions.changes(published.version(), draft.version()));
    }

    /** The gravest of two statuses; NONE (no finding at all) is below every status. */
    static String graver(String a, String b) {
        return rank(a) <= rank(b) ? a : b;
    }

    static int rank(String status) {
        int i = GRAVITY.indexOf(status);
        return i < 0 ? GRAVITY.size() : i;
    }

    /** Worst status per subject of an enterprise's findings. */
    static Map<String, String> worstBySubject(List<Finding> findings) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Finding f : findings) {
            out.merge(f.subject(), f.status(), WhatIfService::graver);
        }
        return out;
    }

    /**
     * Accumulates the differences of a pass; keeps the changed enterprises of one page in full and hands every one
     * to the sink, if any.
     */
    private static final class Tally {
        private final Map<String, Region> regions = new HashMap<>();
        private final int page;
        private final int size;
        private final Consumer<WhatIfResult.EnterpriseChange> sink;
        private final Map<String, int[]> transitions = new LinkedHashMap<>();
        private final Map<String, int[]> byRegion = new HashMap<>();
        private final Map<String, int[]> byIndustry = new HashMap<>();
        private final List<WhatIfResult.EnterpriseChange> changes = new ArrayList<>();
        private int enterprises;
        private int equipment;
        private int enterprisesChanged;
        private int equipmentChanged;

        Tally(int page, int size, Consumer<WhatIfResult.EnterpriseChange> sink) {
            this.page = page;
            this.size = size;
            this.sink = sink;
        }

        void add(RegistryFactsEnterprise e, List<Finding> was, List<Finding> will) {
            enterprises++;
            equipment += e.equipment().size();
            Map<String, String> before = worstBySubject(was);
            Map<String, String> after = worstBySubject(will);
            Set<String> subjects = new TreeSet<>(before.keySet());
            subjects.addAll(after.keySet());
            List<WhatIfResult.EquipmentChange> changed = new ArrayList<>();
            String enterpriseBefore = NONE;
            String enterpriseAfter = NONE;
            for (String s : subjects) {
                String from = before.getOrDefault(s, NONE);
                String to = after.getOrDefault(s, NONE);
                enterpriseBefore = graver(enterpriseBefore, from);
                enterpriseAfter = graver(enterpriseAfter, to);
                if (!from.equals(to)) {
                    changed.add(new WhatIfResult.EquipmentChange(s, typeOf(e, s), from, to, rulesBehind(s, was, will)));
                }
            }
            if (changed.isEmpty()) {
                return;
            }
            int index = enterprisesChanged++;
            long items = changed.stream().filter(c -> !ComplianceEngine.ENTERPRISE.equals(c.subject())).count();
            equipmentChanged += (int) items;
            int worse = rank(enterpriseAfter) < rank(enterpriseBefore) ? 1 : 0;
            int better = rank(enterpriseAfter) > rank(enterpriseBefore) ? 1 : 0;
            count(transitions, enterpriseBefore + ">" + enterpriseAfter, 1, 0, 0, 0);
            for (WhatIfResult.EquipmentChange c : changed) {
                if (!ComplianceEngine.ENTERPRISE.equals(c.subject())) {
                    count(transitions, c.from() + ">" + c.to(), 0, 1, 0, 0);
                }
            }
            count(byRegion, district(e), 1, (int) items, worse, better);
            for (String industry : new TreeSet<>(e.industries())) {
                count(byIndustry, industry, 1, (int) items, worse, better);
            }
            boolean onPage = size > 0 && index / size == page;
            if (onPage || sink != null) {
                WhatIfResult.EnterpriseChange change = new WhatIfResult.EnterpriseChange(e.uscc(), e.regionCode(),
                        List.copyOf(new TreeSet<>(e.industries())), enterpriseBefore, enterpriseAfter, changed);
                if (onPage) {
                    changes.add(change);
                }
                if (sink != null) {
                    sink.accept(change);
                }
            }
        }

        /** The district (second level of the path) the enterprise lies in, or its own region above that. */
        private String district(RegistryFactsEnterprise e) {
            String[] parts = e.regionPath().split("/");
            return parts.length > 2 ? parts[2] : e.regionCode();
        }

        private static String typeOf(RegistryFactsEnterprise e, String subject) {
            return e.equipment().stream().filter(q -> q.code().equals(subject)).map(RegistryFactsEnterprise.Item::type)
                    .findFirst().orElse(null);
        }

        /** Rules whose findings on the subject differ between the two evaluations. */
        private static List<String> rulesBehind(String subject, List<Finding> was, List<Finding> will) {
            Map<String, String> a = byRule(subject, was);
            Map<String, String> b = byRule(subject, will);
            Set<String> ids = new TreeSet<>(a.keySet());
            ids.addAll(b.keySet());
            ids.removeIf(id -> a.getOrDefault(id, NONE).equals(b.getOrDefault(id, NONE)));
            return List.copyOf(ids);
        }

        private static Map<String, String> byRule(String subject, List<Finding> findings) {
            Map<String, String> out = new HashMap<>();
            for (Finding f : findings) {
                if (f.subject().equals(subject)) {
                    out.merge(f.ruleId(), f.status(), WhatIfService::graver);
                }
            }
            return out;
        }

        private static void count(Map<String, int[]> map, String key, int enterprises, int equipment, int worse,
                int better) {
            int[] c = map.computeIfAbsent(key, k -> new int[4]);
            c[0] += enterprises;
            c[1] += equipment;
            c[2] += worse;
            c[3] += better;
        }

        WhatIfResult result(String publishedVersion, String draftVersion, LocalDate date,
                List<CatalogChange> catalogueChanges) {
            List<WhatIfResult.Transition> ts = new ArrayList<>();
            transitions.forEach((k, c) -> {
                String[] ft = k.split(">");
                ts.add(new WhatIfResult.Transition(ft[0], ft[1], c[0], c[1]));
            });
            ts.sort(Comparator.comparing((WhatIfResult.Transition t) -> rank(t.from())).thenComparing(t -> rank(t.to())));
            return new WhatIfResult(publishedVersion, draftVersion, date, enterprises, equipment, enterprisesChanged,
                    equipmentChanged, ts, groups(byRegion, true), groups(byIndustry, false), catalogueChanges, changes,
                    page, size, size == 0 ? 1 : Math.max(1, (enterprisesChanged + size - 1) / size));
        }

        private List<WhatIfResult.Group> groups(Map<String, int[]> map, boolean region) {
            List<WhatIfResult.Group> out = new ArrayList<>();
            map.forEach((k, c) -> out.add(new WhatIfResult.Group(k, region && regions.containsKey(k) ? regions.get(k).name()
                    : null, c[0], c[1], c[2], c[3])));
            out.sort(Comparator.comparing(WhatIfResult.Group::enterprisesChanged).reversed()
                    .thenComparing(WhatIfResult.Group::code));
            return out;
        }
    }
}
