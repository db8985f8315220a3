package org.capgov.registry.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bookkeeping of a running import job: progress and the outcome with its error report are written in
 * transactions of their own, so that they are visible while the import runs and survive its rollback.
 */
@Component
class ImportJobBook {

    private static final Logger log = LoggerFactory.getLogger(ImportJobBook.class);

    private final ImportJobRepository jobs;
    private final ImportUpkeep upkeep;
    private final TransactionTemplate sideTx;

    ImportJobBook(ImportJobRepository jobs, ImportUpkeep upkeep, PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.upkeep = upkeep;
        this.sideTx = new TransactionTemplate(transactions);
        sideTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void progress(long id, String phase, long rows, long bytes) {
        sideTx.executeWithoutResult(s -> jobs.progress(id, phase, rows, bytes));
    }

    /** Records the outcome and the error report, schedules the upkeep after a success and deletes the upload. */
    void finish(ImportRunner.Work work, ImportRunner.Result result, ImportErrors errors) {
        try {
            String message = result.message();
            List<ImportError> kept = errors.kept();
            long errorCount = errors.total();
            if (result.status() != ImportJob.Status.SUCCEEDED && message != null && kept.isEmpty()) {
                // a file-level refusal is also the first line of the error report
                kept = List.of(new ImportError(0, "文件", work.fileName(), message));
                errorCount = 1;
            }
            List<ImportError> stored = kept;
            long total = errorCount;
            ImportRows.Counts counts = result.counts() == null ? new ImportRows.Counts(0, 0) : result.counts();
            sideTx.executeWithoutResult(s -> {
                jobs.saveErrors(work.id(), stored);
                jobs.finish(work.id(), result.status(), result.rows(), counts.inserted(), counts.updated(), total, message);
            });
            if (result.status() == ImportJob.Status.SUCCEEDED) {
                upkeep.afterSuccess(work, result.rows());
            }
        } catch (RuntimeException e) {
            log.error("Import {} could not record its outcome", work.id(), e);
        } finally {
            try {
                Files.deleteIfExists(work.file());
            } catch (IOException e) {
                log.warn("Import {} left its file {}", work.id(), work.file(), e);
            }
        }
    }
}
