package org.capgov.compliance;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.catalog.Catalog;
import org.capgov.region.Region;
import org.capgov.region.RegionService;
import org.capgov.registry.RegistryFacts;
import org.capgov.registry.RegistryFactsEnterprise;
import org.capgov.shared.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import java.time.Clock;

/**
 * Carries out one run: reads the registry and the measurements as two merged streams, evaluates each enterprise,
 * COPYs the findings into the run's own table, then indexes and attaches that table and marks the run DONE, with one
 * audit entry, in one transaction. Incremental: when a DONE run of the same catalogue version and date exists and
 * no region changed its air zone since, the findings of the enterprises unchanged since that run started are
 * copied forward in SQL and only the changed enterprises are evaluated.
 */
@Component
class ComplianceRunExecution {

    /** Progress is written every this many enterprises (each write is a small transaction of its own). */
    static final int PROGRESS_EVERY = 2000;
    /** Up to this many changed enterprises, their measurements are read one enterprise at a time. */
    static final int POINT_READS = 5000;
    private static final Logger log = LoggerFactory.getLogger(ComplianceRunExecution.class);

    /** What a run needs to go on without the request that started it. */
    record Work(long id, Catalog catalogue, LocalDate asOf, boolean incremental) {
    }

    private final ComplianceRunRepository runs;
    private final ComplianceRunFindingTable findings;
    private final ComplianceRunMeasurementSource measurements;
    private final RegistryFacts registry;
    private final RegionService regions;
    private final AuditTrail audit;
    private final TransactionTemplate ownTx;
    private final int keepRuns;
    private final Clock clock;

    ComplianceRunExecution(Clock clock, ComplianceRunRepository runs, ComplianceRunFindingTable findings,
            ComplianceRunMeasurementSource measurements, RegistryFacts registry, RegionService regions,
            AuditTrail audit, PlatformTransactionManager transactions,
            @Value("${capgov.compliance.keep-runs:20}") int keepRuns) {
        this.clock = clock;
        this.keepRuns = Math.max(2, keepRuns);
        this.runs = runs;
        this.findings = findings;
        this.measurements = measurements;
        this.registry = registry;
        this.regions = regions;
        this.audit = audit;
        this.ownTx = new TransactionTemplate(transactions);
        // progress must commit while the run's read transaction is still open on the same thread
        ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs to the end; never throws (a failure is recorded on the run). */
    void run(Work work) {
        long t0 = System.nanoTime();
        try {
            Outcome outcome = evaluate(work);
            long t1 = System.nanoTime();
            ownTx.executeWithoutResult(tx -> {
                Map<String, Long> counts = findings.indexAndAttach(work.id());
                runs.finish(work.id(), outcome.total(), outcome.evaluated(), counts);
                ComplianceRun done = runs.find(work.id()).orElseThrow();
                audit.record(new AuditEvent(AuditAction.CREATE, "evaluation_run", Long.toString(work.id()), null,
                        "合规评价 " + work.id() + "：目录版本 " + work.catalogue().version() + "，评价日期 " + work.asOf()
                                + "，" + done.enterprisesTotal() + " 家企业（重新评价 " + done.enterprisesEvaluated() + " 家），"
                                + done.findings() + " 条结论",
                        null, summary(done)));
            });
            long t2 = System.nanoTime();
            dropOld();
            log.info("Evaluation run {} done in {} ms (read, evaluate, COPY {} ms; index, attach {} ms): {} enterprises "
                    + "({} evaluated), based on {}", work.id(), (t2 - t0) / 1_000_000, (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, outcome.total(), outcome.evaluated(), outcome.basedOn());
        } catch (RuntimeException | SQLException | Error e) {
            // an Error too (memory, a missing class): the run must end as FAILED, never stay RUNNING for ever
            log.error("Evaluation run {} failed", work.id(), e);
            fail(work, e);
        }
    }

    /** Retention after a run is DONE: a failure here must not turn the finished run into a failed one. */
    private void dropOld() {
        try {
            int dropped = findings.dropBeyond(keepRuns);
            if (dropped > 0) {
                log.info("Findings of {} older runs dropped (capgov.compliance.keep-runs = {})", dropped, keepRuns);
            }
        } catch (RuntimeException e) {
            log.warn("Dropping the findings of older runs failed; they stay until the next run", e);
        }
    }

    private record Outcome(int total, int evaluated, Long basedOn) {
    }

    private Outcome evaluate(Work work) throws SQLException {
        DataScope everything = DataScope.all();
        // started_at first: the next incremental run looks for changes after it, so nothing falls in between
        ownTx.executeWithoutResult(tx -> runs.begin(work.id()));
        List<Region> allRegions = regions.all(true);
        Optional<ComplianceRun> base = work.incremental() ? base(work, allRegions) : Optional.empty();
        Set<Long> changed = base.map(b -> registry.changedSince(runs.changesAfter(b.id()).orElse(b.startedAt())))
                .orElse(null);
        int total = registry.count(everything);
        int toEvaluate = changed == null ? total : registry.count(everything, changed);
        ownTx.executeWithoutResult(tx -> runs.start(work.id(), base.map(ComplianceRun::id).orElse(null), total, toEvaluate));
        findings.create(work.id());
        base.ifPresent(b -> findings.copyForward(work.id(), b.id(), changed));

        FactsBuilder facts = FactsBuilder.over(work.catalogue(), work.asOf(), allRegions);
        ComplianceEngine.Prepared rules = ComplianceEngine.prepare(work.catalogue(), work.asOf());
        ComplianceRunConflicts conflicts = new ComplianceRunConflicts(work.catalogue());
        int copied = total - toEvaluate;
        int[] evaluated = {0};
        // where the time of the streaming phase goes (the rest is reading the registry), for the log
        long[] nanos = new long[3];
        boolean pointReads = changed != null && changed.size() <= POINT_READS;
        String reader = "capgov-evaluation-" + work.id() + "-measurements";
        try (ComplianceRunFindingTable.Copy copy = findings.copy(work.id(), work.catalogue());
                ComplianceRunMeasurements feed = pointReads ? null
                        : new ComplianceRunMeasurements(sink -> measurements.readAll(work.asOf(), sink), reader)) {
            java.util.function.Consumer<RegistryFactsEnterprise> each = e -> {
                long a = System.nanoTime();
                List<Facts.MeasurementFact> ms = feed != null ? feed.of(e.enterpriseId())
                        : measurements.of(e.enterpriseId(), work.asOf());
                long b = System.nanoTime();
                List<Finding> found = ComplianceEngine.evaluate(rules, facts.facts(e, ms));
                List<Conflict> contradictions = conflicts.detect(found);
                long c = System.nanoTime();
                try {
                    copy.write(e, found, contradictions);
                } catch (SQLException ex) {
                    throw new IllegalStateException("writing findings failed: " + ex.getMessage(), ex);
                }
                nanos[0] += b - a;
                nanos[1] += c - b;
                nanos[2] += System.nanoTime() - c;
                if (++evaluated[0] % PROGRESS_EVERY == 0) {
                    ownTx.executeWithoutResult(tx -> runs.progress(work.id(), copied + evaluated[0], evaluated[0]));
                }
            };
            if (changed == null) {
                registry.forEach(everything, work.asOf(), each);
            } else {
                registry.forEach(everything, work.asOf(), changed, each);
            }
            long f = System.nanoTime();
            copy.finish();
            nanos[2] += System.nanoTime() - f;
        }
        log.info("Evaluation run {}: waiting for measurements {} ms, evaluating {} ms, writing findings {} ms", work.id(),
                nanos[0] / 1_000_000, nanos[1] / 1_000_000, nanos[2] / 1_000_000);
        ownTx.executeWithoutResult(tx -> runs.progress(work.id(), copied + evaluated[0], evaluated[0]));
        return new Outcome(copied + evaluated[0], evaluated[0], base.map(ComplianceRun::id).orElse(null));
    }

    /**
     * The run to build on: the latest DONE run of the same version and date whose findings are still stored, unless
     * a region's air zone was set after it started (that changes findings without touching any enterprise).
     */
    private Optional<ComplianceRun> base(Work work, List<Region> allRegions) {
        return runs.latestDone(work.catalogue().version(), work.asOf())
                .filter(b -> b.startedAt() != null && findings.exists(b.id()))
                .filter(b -> allRegions.stream().noneMatch(r -> r.airZoneSetAt() != null
                        && !r.airZoneSetAt().isBefore(runs.changesAfter(b.id()).orElse(b.startedAt()))));
    }

    private void fail(Work work, Throwable e) {
        String reason = "服务器未能完成评价：" + rootMessage(e);
        try {
            findings.drop(work.id());
        } catch (RuntimeException dropFailed) {
            log.warn("Could not drop the findings table of failed run {}", work.id(), dropFailed);
        }
        ownTx.executeWithoutResult(tx -> {
            runs.fail(work.id(), reason);
            audit.record(new AuditEvent(AuditAction.CREATE, "evaluation_run", Long.toString(work.id()), null,
                    "合规评价 " + work.id() + " 失败：" + reason, null,
                    Map.of("catalogueVersion", work.catalogue().version(), "asOf", work.asOf().toString(),
                            "status", ComplianceRun.FAILED)));
        });
    }

    private Map<String, Object> summary(ComplianceRun r) {
        return Map.of("catalogueVersion", r.catalogueVersion(), "asOf", r.asOf().toString(), "status", r.status(),
                "basedOn", r.basedOn() == null ? "" : r.basedOn(), "enterprises", r.enterprisesTotal(),
                "evaluated", r.enterprisesEvaluated(), "findings", r.findings(), "counts", r.counts(),
                "finishedAt", String.valueOf(r.finishedAt() == null ? clock.instant() : r.finishedAt()));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
