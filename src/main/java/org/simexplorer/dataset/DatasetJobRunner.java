package org.simexplorer.dataset;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.simexplorer.dataset.DatasetJobRepository.JobRow;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.errors.DomainException;
import org.simexplorer.errors.ErrorStatus;
import org.simexplorer.errors.OverloadedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One run of a dataset job, as the db-scheduler task "dataset-job" whose instance id is the job id: whichever
 * instance claims the execution runs it from the job's committed cursor, so a run cut off by a crash (revived as
 * a dead execution) or by a shutdown (scheduled again at once) goes on where it stopped, on any instance. A run
 * ends its job done, cancelled or failed with the reason; it never leaves it running unless its instance stops.
 */
@Configuration(proxyBeanMethods = false)
class DatasetJobRunner {

    static final String TASK = "dataset-job";

    private static final Logger log = LoggerFactory.getLogger(DatasetJobRunner.class);
    private static final long MAX_OVERLOAD_PAUSE_SECONDS = 5;
    private static final long RETRY_AFTER_ERROR_SECONDS = 30;
    static final String CANCELLED = "The job was cancelled: its dataset was deleted before it was complete.";

    /** Leaves a run because its instance shuts down; the failure handler schedules the execution again. */
    static final class Stopping extends RuntimeException {
        Stopping() {
            super("the instance is shutting down", null, false, false);
        }
    }

    private final DatasetJobRepository repository;
    private final ChunkedCreation creation;
    private final DatasetLimits limits;
    private final ModelCatalog catalog;
    private final DatasetWarmUp warmUp;

    DatasetJobRunner(DatasetJobRepository repository, ChunkedCreation creation, DatasetLimits limits,
            ModelCatalog catalog, DatasetWarmUp warmUp) {
        this.repository = repository;
        this.warmUp = warmUp;
        this.creation = creation;
        this.limits = limits;
        this.catalog = catalog;
    }

    @Bean
    OneTimeTask<Void> datasetJobTask() {
        return Tasks.oneTime(TASK).onFailure(DatasetJobRunner::again).onDeadExecutionRevive()
                .execute((instance, context) -> run(instance.getId(), context));
    }

    /** A run left by a shutdown goes on at once elsewhere; one left by an error (a database gone) a little later. */
    private static void again(ExecutionComplete complete, ExecutionOperations<Void> operations) {
        boolean stopping = complete.getCause().filter(Stopping.class::isInstance).isPresent();
        operations.reschedule(complete, Instant.now().plusSeconds(stopping ? 0 : RETRY_AFTER_ERROR_SECONDS));
    }

    void run(String id, ExecutionContext context) {
        JobRow row = repository.find(id).orElse(null);
        if (row == null || row.state().finished()) return;
        String owner = context.getExecution().pickedBy;
        try {
            if (row.cancelRequested()) {
                end(id, JobState.CANCELLED, null, CANCELLED);
                return;
            }
            if (row.datasetId() == null) {
                fail(row, ErrorStatus.NOT_FOUND, "The job cannot go on: its dataset was deleted before it was"
                        + " complete.");
                return;
            }
            catalog.find(row.model());
            boolean resumption = row.state() == JobState.RUNNING;
            if (!repository.claim(id, owner, row.embedded(), resumption, Instant.now())) {
                stopped(id);
                return;
            }
            if (resumption) {
                log.info("Dataset job {} resumes on {} from {} of {} sentences.", id, owner, row.embedded(),
                        row.total());
            }
            // A run that embeds every chunk itself hands the vectors to memory; a resumed one leaves them to be read.
            float[][] vectors = row.embedded() == 0 ? new float[row.total()][] : null;
            for (int from = row.embedded(); from < row.total(); from += limits.embedChunk()) {
                if (context.getSchedulerState().isShuttingDown()) throw new Stopping();
                int to = Math.min(row.total(), from + limits.embedChunk());
                if (!embedChunk(row, owner, from, to, vectors, context)) {
                    stopped(id);
                    return;
                }
            }
            if (creation.complete(id, row.datasetId())) warmUp.completed(row.datasetId(), vectors);
            else end(id, JobState.CANCELLED, null, CANCELLED);
        } catch (Stopping stopping) {
            throw stopping;
        } catch (DomainException e) {
            fail(row, ErrorStatus.of(e), "The job cannot go on: " + e.getMessage());
        } catch (RuntimeException e) {
            if (context.getSchedulerState().isShuttingDown()) throw new Stopping();
            log.warn("Dataset job {} failed", id, e);
            fail(row, 500, "The dataset could not be created: " + e.getMessage());
        }
    }

    private boolean embedChunk(JobRow row, String owner, int from, int to, float[][] into, ExecutionContext context) {
        while (true) {
            try {
                return creation.embedChunk(row.id(), owner, row.datasetId(), row.model(), from, to, into);
            } catch (OverloadedException busy) {
                // a background job can wait for the model: pause, show it is alive, and try the chunk again
                if (repository.find(row.id()).map(JobRow::cancelRequested).orElse(true)) return false;
                repository.beat(row.id(), owner, Instant.now());
                pause(Math.min(MAX_OVERLOAD_PAUSE_SECONDS, Math.max(1, busy.retryAfterSeconds())), context);
            }
        }
    }

    /** The run may no longer write: its job was cancelled (it ends so), or another run has taken it over. */
    private void stopped(String id) {
        JobRow row = repository.find(id).orElse(null);
        if (row != null && row.cancelRequested()) end(id, JobState.CANCELLED, null, CANCELLED);
        else log.warn("Dataset job {} was taken over by another run; this one stops.", id);
    }

    private void fail(JobRow row, int status, String detail) {
        if (row.datasetId() != null) {
            try {
                creation.discard(row.datasetId());
            } catch (RuntimeException e) {
                log.warn("Could not remove the incomplete dataset {} of failed job {}", row.datasetId(), row.id(), e);
            }
        }
        end(row.id(), JobState.FAILED, status, detail);
    }

    private void end(String id, JobState state, Integer status, String detail) {
        repository.finished(id, state, status, detail, Instant.now());
    }

    private static void pause(long seconds, ExecutionContext context) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopping();
        }
        if (context.getSchedulerState().isShuttingDown()) throw new Stopping();
    }
}
