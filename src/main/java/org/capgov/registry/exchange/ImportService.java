package org.capgov.registry.exchange;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.capgov.shared.DomainException;
import org.capgov.shared.UploadFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Accepts import files and runs them one at a time on a background thread, so that no request waits for an
 * import and a second large file cannot starve the server: a small queue waits behind the running job, beyond it a
 * submission is refused (429). Jobs run as the person who submitted them, within that person's scope.
 */
@Service
public class ImportService {

    /** Writes an upload where the job will read it (a multipart part is moved, not copied, when it can be). */
    @FunctionalInterface
    public interface Upload {
        void saveTo(Path target) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final ImportJobRepository jobs;
    private final ImportRunner runner;
    private final ImportSettings settings;
    private final ImportErrorReport report;
    private final ThreadPoolExecutor executor;
    private final String node = UUID.randomUUID().toString();
    private final Path directory;

    ImportService(ImportJobRepository jobs, ImportRunner runner, ImportSettings settings, ImportErrorReport report,
            UploadFiles uploads) throws IOException {
        this.jobs = jobs;
        this.runner = runner;
        this.settings = settings;
        this.report = report;
        this.directory = uploads.newDirectory("imports-");
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(settings.queueCapacity()),
                r -> {
                    Thread t = new Thread(r, "capgov-import-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Queues a file for import; the answer is the queued job (its id is what the caller polls). */
    public ImportJob submit(ImportKind kind, ImportMode mode, String fileName, long size, Upload upload) {
        if (size > settings.maxFileBytes()) {
            throw new DomainException(413, "error.import.tooLarge", null, settings.maxFileBytes() / (1024 * 1024));
        }
        if (executor.getQueue().remainingCapacity() == 0) {
            throw new DomainException(429, "error.import.busy", null);
        }
        DataScope scope = Actors.scope();
        String home = scope.unrestricted() || scope.grants().isEmpty() ? null : scope.grants().get(0).regionPath();
        String name = cleanName(fileName, kind);
        long id = jobs.create(kind, mode, name, size, Actors.username(), home, node);
        Path file = directory.resolve("job-" + id + ".upload");
        try {
            upload.saveTo(file);
            long stored = Files.size(file);
            ImportRunner.Work work = new ImportRunner.Work(id, kind, mode, name, file, Actors.username(),
                    Actors.remoteAddress().orElse(null), scope, home);
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            executor.execute(() -> runAs(who, work));
            log.info("Import {} queued: {} {} {} ({} bytes) by {}", id, kind, mode, name, stored, Actors.username());
        } catch (IOException | RejectedExecutionException e) {
            jobs.finish(id, ImportJob.Status.FAILED, 0, 0, 0, 0, e instanceof IOException
                    ? "上传的文件未能保存：" + e.getMessage() : "导入任务已满，请稍后再试");
            deleteQuietly(file);
            if (e instanceof RejectedExecutionException) {
                throw new DomainException(429, "error.import.busy", null);
            }
            throw new IllegalStateException(e);
        }
        return jobs.find(id).orElseThrow();
    }

    /** A job the caller may follow (their own, or submitted within their scope). */
    public ImportJob get(long id) {
        return jobs.visible(id, Actors.username(), Actors.scope())
                .orElseThrow(() -> DomainException.notFound("error.import.notFound", id));
    }

    public List<ImportJob> recent(int limit) {
        return jobs.recent(Actors.username(), Actors.scope(), limit);
    }

    /** The first stored errors of a job, by row. */
    public List<ImportError> errors(long id, int limit) {
        return jobs.errors(get(id).id(), limit);
    }

    /** The stored errors of a job as an .xlsx, streamed. */
    public void writeErrorReport(long id, OutputStream out) throws IOException {
        ImportJob job = get(id);
        report.write(job, settings.maxStoredErrors(), sink -> jobs.streamErrors(job.id(), sink), out);
    }

    int maxStoredErrors() {
        return settings.maxStoredErrors();
    }

    private void runAs(Authentication who, ImportRunner.Work work) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(who);
        SecurityContextHolder.setContext(context);
        try {
            runner.run(work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Keeps this node's queued and running jobs visibly alive for {@link #abandonStale()} on other nodes. */
    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void heartbeat() {
        jobs.heartbeat(node);
        abandonStale();
    }

    @EventListener(ApplicationReadyEvent.class)
    void abandonStale() {
        int n = jobs.abandonStale("服务重启或中断，导入未完成，未导入任何数据；请重新上传");
        if (n > 0) {
            log.warn("{} import job(s) abandoned by a stopped node were closed as failed", n);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** The file's own name without any path, control characters or excess length (it is shown and audited). */
    static String cleanName(String fileName, ImportKind kind) {
        String n = fileName == null ? "" : fileName;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (n.isEmpty()) {
            n = kind.fileName() + ".csv";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }
}
