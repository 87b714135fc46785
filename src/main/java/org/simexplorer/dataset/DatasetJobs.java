package org.simexplorer.dataset;

import com.github.kagkarlsson.scheduler.exceptions.DbSchedulerException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.simexplorer.dataset.DatasetJobRepository.JobRow;
import org.simexplorer.errors.NotFoundException;
import org.simexplorer.errors.OverloadedException;
import org.simexplorer.scheduling.BackgroundScheduler;
import org.simexplorer.scheduling.SchedulingProperties;
import org.simexplorer.sse.EventStreams.Event;
import org.simexplorer.sse.PolledEventStreams.Reading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dataset creations that run in the background on whichever instance claims them. A start stores the incomplete
 * dataset, the job's row and its db-scheduler execution in one transaction ({@link ChunkedCreation}); the run
 * ({@link DatasetJobRunner}) embeds a chunk at a time and resumes from the committed cursor when its instance
 * stopped. Everything here reads the job's row, so status, progress and cancellation work from any instance. Past
 * {@link #MAX_UNFINISHED} queued or running jobs on the database the answer is 503 with Retry-After.
 */
@Service
public class DatasetJobs {

    private static final Logger log = LoggerFactory.getLogger(DatasetJobs.class);
    static final int MAX_UNFINISHED = 10;
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(60);
    private static final long CANCEL_POLL_MS = 100;

    /** What GET /api/datasets/jobs/{id} answers, and what the event stream's events carry. */
    public record Status(String id, String name, JobState state, int embedded, int total, int duplicates,
            Long etaSeconds, Long datasetId, String dataset, Integer status, String detail, int resumes,
            boolean resuming, String statusUrl, String eventsUrl) {

        static Status of(JobRow row, boolean resuming) {
            String base = "/api/datasets/jobs/" + row.id();
            return new Status(row.id(), row.name(), row.state(), row.embedded(), row.total(), row.duplicates(),
                    etaSeconds(row), row.datasetId(), row.datasetId() == null ? null : "/api/datasets/" + row.datasetId(),
                    row.errorStatus(), row.errorDetail(), row.resumes(), resuming, base, base + "/events");
        }

        /** Seconds left at the rate of the current run, as of its last chunk; null before its first. */
        private static Long etaSeconds(JobRow row) {
            int done = row.embedded() - row.runFrom();
            if (row.state() != JobState.RUNNING || done <= 0 || row.runStartedAt() == null
                    || row.heartbeatAt() == null) return null;
            double seconds = Duration.between(row.runStartedAt(), row.heartbeatAt()).toMillis() / 1000.0;
            return Math.round(seconds * (row.total() - row.embedded()) / done);
        }
    }

    private final DatasetJobRepository repository;
    private final ChunkedCreation creation;
    private final DatasetService datasets;
    private final BackgroundScheduler scheduler;
    private final Duration silentFor;
    private final TransactionTemplate transactions;

    DatasetJobs(DatasetJobRepository repository, ChunkedCreation creation, DatasetService datasets,
            BackgroundScheduler scheduler, SchedulingProperties scheduling,
            PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.creation = creation;
        this.datasets = datasets;
        this.scheduler = scheduler;
        // a run shows it is alive at each chunk; twice the time after which its execution is revived elsewhere
        this.silentFor = scheduling.deadAfter().multipliedBy(2);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Stores a checked creation (see {@link DatasetService#prepare}) with its scheduled run. */
    Status start(DatasetService.Prepared prepared) {
        if (repository.countUnfinished() >= MAX_UNFINISHED) {
            throw new OverloadedException("Too many datasets are being created at once; try again shortly.", 10);
        }
        String id = UUID.randomUUID().toString();
        creation.store(id, prepared, () -> scheduler.scheduler().schedule(execution(id), Instant.now()));
        scheduler.checkNow();
        return status(id);
    }

    public Status status(String id) {
        return status(row(id));
    }

    /** Jobs queued or running on any instance, and failed or interrupted ones not dismissed, oldest first. */
    public List<Status> unfinished() {
        return repository.listed().stream().map(this::status).toList();
    }

    /**
     * Takes a job off the home page. An unfinished one is cancelled first, and its incomplete dataset deleted.
     * 404 when there is no such job.
     */
    public void dismiss(String id) {
        JobRow row = row(id);
        if (!row.state().finished()) cancel(id);
        Long datasetId = row(id).datasetId();
        if (datasetId != null && row(id).state() != JobState.DONE) {
            try {
                datasets.delete(datasetId);
            } catch (NotFoundException gone) {
                // deleted already
            }
        }
        repository.dismiss(id);
    }

    /** The job's stream: its status now, then at each change; "done" or "failed" at its end. */
    Reading reading(String id) {
        Status status = status(id);
        if (!status.state().finished()) return new Reading(new Event("progress", status), false);
        return new Reading(new Event(status.state() == JobState.DONE ? "done" : "failed", status), true);
    }

    /** A dataset deleted while its job is unfinished: the job is cancelled before the deletion goes on. */
    @EventListener
    void cancelOnDeletion(DatasetEvents.DatasetDeleting deleting) {
        repository.runningOn(deleting.datasetId()).ifPresent(this::cancel);
    }

    /**
     * Jobs queued or running without a scheduled run (left by a version that ran jobs in memory) get one, so that
     * no job is left running: each resumes from its cursor or fails with the reason.
     */
    @EventListener(ApplicationReadyEvent.class)
    void scheduleOrphans() {
        for (String id : repository.unfinishedIds()) {
            if (scheduler.scheduler().scheduleIfNotExists(execution(id), Instant.now())) {
                log.info("Dataset job {} had no scheduled run; it was given one.", id);
            }
        }
    }

    /**
     * Stops an unfinished job wherever it runs, and returns once it has ended: a run not claimed yet is removed
     * with its execution; a claimed one sees the request at its next chunk (or, when its instance died, as soon
     * as another instance takes it over).
     */
    private void cancel(String id) {
        if (!repository.requestCancel(id)) return;
        try {
            transactions.executeWithoutResult(status -> {
                scheduler.scheduler().cancel(execution(id));
                repository.finished(id, JobState.CANCELLED, null, DatasetJobRunner.CANCELLED, Instant.now());
            });
            return;
        } catch (TaskInstanceNotFoundException ended) {
            // no execution: the run has just ended the job, or there never was one
            repository.finished(id, JobState.CANCELLED, null, DatasetJobRunner.CANCELLED, Instant.now());
        } catch (DbSchedulerException claimed) {
            // the execution is claimed (or was claimed just now): the run ends the job itself
        }
        awaitEnd(id);
    }

    private void awaitEnd(String id) {
        long deadline = System.nanoTime() + CANCEL_WAIT.toNanos();
        while (!row(id).state().finished()) {
            if (System.nanoTime() > deadline) {
                log.warn("Dataset job {} did not stop within {} of its cancellation", id, CANCEL_WAIT);
                return;
            }
            try {
                Thread.sleep(CANCEL_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Status status(JobRow row) {
        boolean silent = row.heartbeatAt() != null
                && row.heartbeatAt().isBefore(Instant.now().minus(silentFor));
        return Status.of(row, row.state() == JobState.RUNNING && silent);
    }

    private static TaskInstance<Void> execution(String id) {
        return new TaskInstance<>(DatasetJobRunner.TASK, id);
    }

    private JobRow row(String id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("There is no dataset job " + id + ".")
                .with("jobId", id));
    }
}
