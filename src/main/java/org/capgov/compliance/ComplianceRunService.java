package org.capgov.compliance;

import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.capgov.catalog.CatalogService;
import org.capgov.catalog.Catalog;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * Starts evaluation runs over the whole registry and lets people follow them. One run at a time, across nodes too
 * (a unique index on the active run): a second start while one is queued or running is refused with 409. The run
 * itself goes on a single background thread, as the person who started it (so that the audit names them).
 */
@Service
public class ComplianceRunService {

    private static final Logger log = LoggerFactory.getLogger(ComplianceRunService.class);

    private final ComplianceRunRepository runs;
    private final ComplianceRunExecution execution;
    private final CatalogService catalog;
    private final ApplicationEventPublisher events;
    private final ThreadPoolExecutor executor;
    private volatile Long current;
    private final Clock clock;

    ComplianceRunService(Clock clock, ComplianceRunRepository runs, ComplianceRunExecution execution, CatalogService catalog,
            ApplicationEventPublisher events) {
        this.clock = clock;
        this.runs = runs;
        this.execution = execution;
        this.catalog = catalog;
        this.events = events;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), r -> {
            Thread t = new Thread(r, "capgov-evaluation");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Queues a run of the published catalogue as of {@code asOf} (today in China when null). {@code incremental}
     * asks to build on the latest DONE run of the same version and date; without one the run is full.
     */
    public ComplianceRun start(LocalDate asOf, boolean incremental) {
        LocalDate date = asOf == null ? ChinaTime.today(clock) : asOf;
        Catalog catalogue = catalog.current();
        runs.failStale();
        long id;
        try {
            id = runs.insert(catalogue.version(), date, incremental, Actors.username());
        } catch (DuplicateKeyException e) {
            throw busy();
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        ComplianceRunExecution.Work work = new ComplianceRunExecution.Work(id, catalogue, date, incremental);
        try {
            executor.execute(() -> runAs(who, work));
        } catch (RejectedExecutionException e) {
            runs.fail(id, "评价任务未能启动：后台线程繁忙");
            throw busy();
        }
        log.info("Evaluation run {} queued: catalogue {}, as of {}, incremental {}, by {}", id, catalogue.version(), date,
                incremental, Actors.username());
        return runs.find(id).orElseThrow();
    }

    private DomainException busy() {
        ComplianceRun active = runs.recent(5).stream().filter(r -> !r.finished()).findFirst().orElse(null);
        return DomainException.conflict("error.compliance.runBusy", active == null ? "" : active.id());
    }

    private void runAs(Authentication who, ComplianceRunExecution.Work work) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(who);
        SecurityContextHolder.setContext(context);
        current = work.id();
        try {
            execution.run(work);
            runs.find(work.id()).filter(r -> ComplianceRun.DONE.equals(r.status())).ifPresent(r -> events.publishEvent(
                    new ComplianceRunCompleted(r.id(), r.asOf(), r.catalogueVersion())));
        } catch (RuntimeException e) {
            log.error("A listener of the end of run {} failed", work.id(), e);
        } finally {
            current = null;
            SecurityContextHolder.clearContext();
        }
    }

    public ComplianceRun get(long id) {
        return runs.find(id).orElseThrow(() -> DomainException.notFound("error.compliance.runNotFound", id));
    }

    public List<ComplianceRun> recent(int limit) {
        return runs.recent(limit);
    }

    public Optional<ComplianceRun> latestDone() {
        return runs.latestDone();
    }

    /** On shutdown a run in progress ends as FAILED at once rather than when its heartbeat goes stale. */
    @PreDestroy
    void stop() {
        executor.shutdownNow();
        Long running = current;
        if (running != null) {
            try {
                runs.fail(running, "评价中断：服务已停止");
            } catch (RuntimeException e) {
                log.warn("Could not mark run {} as failed on shutdown", running, e);
            }
        }
    }
}
