package org.capgov.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.capgov.region.RegionService;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.capgov.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored findings of DONE runs, always within the caller's scope: lists with filters, counts per enterprise and
 * dimension, and the rows for exports.
 */
@Service
public class FindingsService {

    public static final int MAX_SIZE = 200;
    public static final int MAX_SUMMARY_SIZE = 100;

    /** One page of findings of a run. */
    public record Page(ComplianceRun run, int page, int size, long total, boolean totalCapped, List<FindingsRow> items) {
        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** Counts per dimension and status of one enterprise. */
    public record EnterpriseSummary(String uscc, String name, Map<String, Map<String, Long>> dimensions,
            String worst) {
    }

    /** Counts of a run per enterprise × dimension × status, and over all those enterprises. */
    public record Summary(ComplianceRun run, Map<String, Map<String, Long>> totals, int page, int size,
            List<EnterpriseSummary> enterprises) {
    }

    private final FindingsRepository findings;
    private final ComplianceRunRepository runs;
    private final RegionService regions;
    private final ComplianceRunFindingTable tables;

    FindingsService(FindingsRepository findings, ComplianceRunRepository runs, RegionService regions,
            ComplianceRunFindingTable tables) {
        this.findings = findings;
        this.runs = runs;
        this.regions = regions;
        this.tables = tables;
    }

    /** "latest" (or blank): the latest DONE run; otherwise a run id, which must be DONE. */
    public ComplianceRun run(String run) {
        if (run == null || run.isBlank() || "latest".equalsIgnoreCase(run.trim())) {
            return runs.latestDone().orElseThrow(() -> DomainException.notFound("error.compliance.noRun"));
        }
        long id;
        try {
            id = Long.parseLong(run.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("run", "error.compliance.badRun", run);
        }
        ComplianceRun r = runs.find(id).orElseThrow(() -> DomainException.notFound("error.compliance.runNotFound", id));
        if (!ComplianceRun.DONE.equals(r.status())) {
            throw DomainException.conflict("error.compliance.runNotDone", id, r.status());
        }
        if (!tables.exists(id)) {
            throw DomainException.notFound("error.compliance.findingsDropped", id);
        }
        return r;
    }

    @Transactional(readOnly = true)
    public Page page(String run, FindingsFilter filter, int page, int size) {
        checkPaging(page, size, MAX_SIZE);
        ComplianceRun r = run(run);
        FindingsRepository.Page p = findings.page(r.id(), filter, regionPath(filter), Actors.scope(), page, size);
        return new Page(r, page, size, p.total(), p.capped(), p.rows());
    }

    /** Every row the filter and the caller's scope let through, in list order, for an export. */
    @Transactional(readOnly = true)
    public void forEach(ComplianceRun run, FindingsFilter filter, Consumer<FindingsRow> sink) {
        findings.stream(run.id(), filter, regionPath(filter), Actors.scope(), sink);
    }

    /**
     * Counts by dimension and status of the latest done run within the caller's scope (the home pages); empty when no
     * run is done yet or its findings were dropped.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Summary> latestTotals() {
        java.util.Optional<ComplianceRun> r = runs.latestDone().filter(run -> tables.exists(run.id()));
        return r.map(run -> new Summary(run, findings.totals(run.id(), FindingsFilter.none(), null, Actors.scope()), 0, 0,
                List.of()));
    }

    /** Counts of the latest DONE run for one enterprise (uscc) or the enterprises of a region subtree. */
    @Transactional(readOnly = true)
    public Summary summary(String run, FindingsFilter filter, int page, int size) {
        checkPaging(page, size, MAX_SUMMARY_SIZE);
        if (filter.uscc() == null && filter.region() == null) {
            throw DomainException.invalid("uscc", "error.compliance.summaryTarget");
        }
        ComplianceRun r = run(run);
        DataScope scope = Actors.scope();
        String path = regionPath(filter);
        Map<String, EnterpriseSummary> byEnterprise = new LinkedHashMap<>();
        for (FindingsRepository.Tally t : findings.tallies(r.id(), filter, path, scope, page, size)) {
            EnterpriseSummary s = byEnterprise.computeIfAbsent(t.uscc(),
                    u -> new EnterpriseSummary(u, t.name(), new LinkedHashMap<>(), null));
            s.dimensions().put(t.dimension(), t.counts());
        }
        List<EnterpriseSummary> enterprises = new ArrayList<>();
        byEnterprise.values().forEach(s -> enterprises.add(new EnterpriseSummary(s.uscc(), s.name(), s.dimensions(),
                worst(s.dimensions()))));
        return new Summary(r, findings.totals(r.id(), filter, path, scope), page, size, enterprises);
    }

    /**
     * The finding named by {@code findingId} = {@code <runId>:<uscc>:<ruleId>:<subject>} (subject: an equipment code or
     * {@code enterprise}), within the caller's scope; empty when the id is malformed or names nothing visible.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<FindingsRow> find(String findingId) {
        String[] parts = findingId == null ? new String[0] : findingId.trim().split(":", -1);
        if (parts.length != 4 || parts[1].isBlank() || parts[2].isBlank() || parts[3].isBlank()) {
            return java.util.Optional.empty();
        }
        long runId;
        try {
            runId = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
        return findings.one(runId, parts[1].toUpperCase(java.util.Locale.ROOT), parts[2], parts[3], Actors.scope());
    }

    /** The id {@link #find} takes for a row. */
    public static String findingId(FindingsRow row) {
        return row.runId() + ":" + row.uscc() + ":" + row.ruleId() + ":" + row.subject();
    }

    /** The gravest status among counts, in the order of {@link WhatIfService#GRAVITY}; conflicts are not a status. */
    static String worst(Map<String, Map<String, Long>> byDimension) {
        for (String s : WhatIfService.GRAVITY) {
            if (byDimension.values().stream().anyMatch(c -> c.getOrDefault(s, 0L) > 0)) {
                return s;
            }
        }
        return null;
    }

    private String regionPath(FindingsFilter filter) {
        if (filter.region() == null) {
            return null;
        }
        try {
            return regions.get(filter.region()).path();
        } catch (DomainException e) {
            throw DomainException.invalid("region", "error.compliance.badCode", "region", filter.region());
        }
    }

    private static void checkPaging(int page, int size, int max) {
        if (page < 0) {
            throw DomainException.invalid("page", "error.request.page");
        }
        if (size < 1 || size > max) {
            throw DomainException.invalid("size", "error.request.size", max);
        }
    }
}
