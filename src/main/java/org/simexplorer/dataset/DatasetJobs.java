package org.simexplorer.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.simexplorer.dataset.DatasetJobRepository.JobRow;
import org.simexplorer.errors.DomainException;
import org.simexplorer.errors.NotFoundException;
import org.simexplorer.errors.OverloadedException;
import org.simexplorer.errors.ErrorStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Dataset creations that run in the background, stored in the dataset_jobs table so that their state outlives
 * the process: the dataset and its sentences are stored first, then the vectors a chunk at a time
 * ({@link ChunkedCreation}). A job cut off by the end of the process is found at the next start and marked
 * interrupted, with how far it got. Two run at a time and a few more wait; past that the answer is 503 with
 * Retry-After. Deleting the dataset of a running job cancels the job before the deletion answers.
 */
@Service
public class DatasetJobs implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatasetJobs.class);
    private static final long CANCEL_WAIT_SECONDS = 60;
    private static final long MAX_OVERLOAD_PAUSE_SECONDS = 5;

    /** What GET /api/datasets/jobs/{id} answers, and what the event stream's events carry. */
    public record Status(String id, String name, JobState state, int embedded, int total, int duplicates,
            Long etaSeconds, Long datasetId, String dataset, Integer status, String detail, String statusUrl,
            String eventsUrl) {

        static Status of(JobRow row, Long etaSeconds) {
            String base = "/api/datasets/jobs/" + row.id();
            return new Status(row.id(), row.name(), row.state(), row.embedded(), row.total(), row.duplicates(),
                    etaSeconds, row.datasetId(), row.datasetId() == null ? null : "/api/datasets/" + row.datasetId(),
                    row.errorStatus(), row.errorDetail(), base, base + "/events");
        }
    }

    private final String instance = UUID.randomUUID().toString();
    private final Map<String, LiveJob> live = new ConcurrentHashMap<>();
    private final DatasetJobRepository repository;
    private final ChunkedCreation creation;
    private final DatasetService datasets;
    private final DatasetLimits limits;
    private final ThreadPoolExecutor runner = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(8), runnable -> {
                Thread thread = new Thread(runnable, "dataset-job");
                thread.setDaemon(true);
                return thread;
            });

    DatasetJobs(DatasetJobRepository repository, ChunkedCreation creation, DatasetService datasets,
            DatasetLimits limits) {
        this.repository = repository;
        this.creation = creation;
        this.datasets = datasets;
        this.limits = limits;
    }

    /** With one instance, every job still queued or running at start-up was cut off when the last process ended. */
    @Override
    public void afterPropertiesSet() {
        int interrupted = repository.interruptOthers(instance, Instant.now());
        if (interrupted > 0) log.warn("{} dataset job(s) did not finish before the last stop; marked interrupted.",
                interrupted);
    }

    /** Queues a checked creation (see {@link DatasetService#prepare}). */
    Status start(DatasetService.Prepared prepared) {
        LiveJob job = new LiveJob(UUID.randomUUID().toString(), prepared);
        repository.insertQueued(job.id, prepared.name(), prepared.model(), job.total, job.duplicates, instance,
                Instant.now());
        live.put(job.id, job);
        try {
            runner.execute(() -> run(job));
        } catch (RejectedExecutionException busy) {
            live.remove(job.id);
            repository.finished(job.id, JobState.FAILED, 503, "Too many datasets were being created at once.",
                    Instant.now());
            throw new OverloadedException("Too many datasets are being created at once; try again shortly.", 10);
        }
        return job.status();
    }

    /** The job's state: from memory while this process runs it, else from its row. */
    public Status status(String id) {
        LiveJob job = live.get(id);
        return job != null ? job.status() : Status.of(row(id), null);
    }

    /** Jobs queued, running, or interrupted and not dismissed, oldest first: the home page lists them. */
    public List<Status> unfinished() {
        return repository.unfinished().stream().map(row -> status(row.id())).toList();
    }

    /**
     * Takes a job off the home page. A running one is cancelled first; an unfinished one's incomplete dataset is
     * deleted. 404 when there is no such job.
     */
    public void dismiss(String id) {
        JobRow row = row(id);
        LiveJob job = live.get(id);
        Long datasetId = job != null ? job.datasetId : row.datasetId();
        if (job != null) job.cancelled = true;
        if (datasetId != null && row.state() != JobState.DONE) {
            try {
                datasets.delete(datasetId);
            } catch (NotFoundException gone) {
                // deleted already
            }
        }
        if (job != null) await(job);
        repository.dismiss(id);
    }

    /** Server-sent events: "progress" while embedding, then "done" or "failed"; a finished job answers at once. */
    SseEmitter events(String id) {
        LiveJob job = live.get(id);
        if (job == null) return JobEvents.finished(status(id));
        return job.events.subscribe(job.status());
    }

    /** A dataset deleted while its job runs: the job stops at its next chunk, before the deletion answers. */
    @EventListener
    void cancelOnDeletion(DatasetEvents.DatasetDeleted deleted) {
        for (LiveJob job : live.values()) {
            if (Objects.equals(job.datasetId, deleted.datasetId())) {
                job.cancelled = true;
                await(job);
            }
        }
    }

    private void run(LiveJob job) {
        try {
            if (!job.cancelled) {
                job.state = JobState.RUNNING;
                long datasetId = creation.store(job.id, job.takeInput());
                job.datasetId = datasetId;
                job.progress(0);
                for (int from = 0; from < job.total && !job.cancelled; from += limits.embedChunk()) {
                    int to = Math.min(job.total, from + limits.embedChunk());
                    embedChunk(job, datasetId, from, to);
                    job.progress(to);
                }
                if (!job.cancelled && creation.complete(job.id, datasetId)) job.state = JobState.DONE;
            }
            if (job.state != JobState.DONE) end(job, JobState.CANCELLED, null, "The job was cancelled: its dataset was"
                    + " deleted before it was complete.");
        } catch (DomainException e) {
            fail(job, ErrorStatus.of(e), e.getMessage());
        } catch (RuntimeException e) {
            if (job.cancelled) end(job, JobState.CANCELLED, null, "The job was cancelled.");
            else fail(job, 500, "The dataset could not be created: " + e.getMessage());
        } finally {
            live.remove(job.id);
            job.events.finish(job.status());
            job.done.countDown();
        }
    }

    private void embedChunk(LiveJob job, long datasetId, int from, int to) {
        while (true) {
            try {
                creation.embedChunk(job.id, datasetId, job.model, from, to);
                return;
            } catch (OverloadedException busy) {
                // a background job can wait for the model: pause and try the chunk again
                if (job.cancelled) return;
                pause(Math.min(MAX_OVERLOAD_PAUSE_SECONDS, Math.max(1, busy.retryAfterSeconds())));
            }
        }
    }

    private void fail(LiveJob job, int status, String detail) {
        if (job.datasetId != null) {
            try {
                creation.discard(job.datasetId);
            } catch (RuntimeException e) {
                log.warn("Could not remove the incomplete dataset {} of failed job {}", job.datasetId, job.id, e);
            }
        }
        end(job, JobState.FAILED, status, detail);
    }

    private void end(LiveJob job, JobState state, Integer status, String detail) {
        job.state = state;
        job.errorStatus = status;
        job.detail = detail;
        repository.finished(job.id, state, status, detail, Instant.now());
    }

    private static void await(LiveJob job) {
        try {
            if (!job.done.await(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Dataset job {} did not stop within {} s of its cancellation", job.id, CANCEL_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model", e);
        }
    }

    private JobRow row(String id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("There is no dataset job " + id + ".")
                .with("jobId", id));
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
