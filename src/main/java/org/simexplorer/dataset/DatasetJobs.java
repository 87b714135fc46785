package org.simexplorer.dataset;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.simexplorer.errors.DomainException;
import org.simexplorer.errors.NotFoundException;
import org.simexplorer.errors.OverloadedException;
import org.simexplorer.system.ApiExceptionHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Dataset creations that run in the background so the page can show their progress. A job runs the same
 * {@link DatasetService#create} as the synchronous API (so it ends in the same single transaction), reports how
 * many sentences have vectors, and is forgotten a while after it ends. Two run at a time and a few more wait;
 * past that the answer is 503 with Retry-After.
 */
@Service
class DatasetJobs implements DisposableBean {

    private static final Duration KEEP_FINISHED = Duration.ofMinutes(15);
    private static final long EVENTS_TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

    enum State { RUNNING, DONE, FAILED }

    /** What GET /api/datasets/jobs/{id} answers, and what the event stream's events carry. */
    record Status(String id, State state, int embedded, int total, Long datasetId, String dataset, Integer status,
            String detail, String statusUrl, String eventsUrl) {
    }

    private static final class Job {
        final String id = UUID.randomUUID().toString();
        final List<SseEmitter> listeners = new CopyOnWriteArrayList<>();
        volatile State state = State.RUNNING;
        volatile int embedded;
        volatile int total;
        volatile Long datasetId;
        volatile Integer status;
        volatile String detail;
        volatile Instant finishedAt;

        Status status() {
            String base = "/api/datasets/jobs/" + id;
            return new Status(id, state, embedded, total, datasetId,
                    datasetId == null ? null : "/api/datasets/" + datasetId, status, detail, base, base + "/events");
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor runner = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(8), runnable -> {
                Thread thread = new Thread(runnable, "dataset-job");
                thread.setDaemon(true);
                return thread;
            });

    /** Starts a creation; `work` gets the progress callback and returns the created dataset. */
    Status start(Function<DatasetService.EmbedProgress, DatasetService.Change> work) {
        forgetOldJobs();
        Job job = new Job();
        jobs.put(job.id, job);
        try {
            runner.execute(() -> run(job, work));
        } catch (RejectedExecutionException busy) {
            jobs.remove(job.id);
            throw new OverloadedException("Too many datasets are being created at once; try again shortly.", 10);
        }
        return job.status();
    }

    Status status(String id) {
        return find(id).status();
    }

    /** Server-sent events: "progress" while embedding, then "done" or "failed"; a finished job answers at once. */
    SseEmitter events(String id) {
        Job job = find(id);
        SseEmitter emitter = new SseEmitter(EVENTS_TIMEOUT_MS);
        job.listeners.add(emitter);
        Runnable drop = () -> job.listeners.remove(emitter);
        emitter.onCompletion(drop);
        emitter.onTimeout(drop);
        emitter.onError(error -> drop.run());
        send(job, emitter, job.state == State.RUNNING ? "progress" : eventName(job));
        if (job.state != State.RUNNING) {
            emitter.complete();
        }
        return emitter;
    }

    private void run(Job job, Function<DatasetService.EmbedProgress, DatasetService.Change> work) {
        try {
            DatasetService.Change change = work.apply((done, total) -> {
                job.embedded = done;
                job.total = total;
                broadcast(job, "progress");
            });
            job.datasetId = change.dataset().id();
            job.embedded = job.total;
            job.state = State.DONE;
        } catch (DomainException e) {
            job.status = ApiExceptionHandler.statusOf(e).value();
            job.detail = e.getMessage();
            job.state = State.FAILED;
        } catch (RuntimeException e) {
            job.status = 500;
            job.detail = "The dataset could not be created: " + e.getMessage();
            job.state = State.FAILED;
        }
        job.finishedAt = Instant.now();
        broadcast(job, eventName(job));
        job.listeners.forEach(SseEmitter::complete);
    }

    private static String eventName(Job job) {
        return job.state == State.DONE ? "done" : "failed";
    }

    private void broadcast(Job job, String event) {
        for (SseEmitter emitter : job.listeners) {
            send(job, emitter, event);
        }
    }

    private static void send(Job job, SseEmitter emitter, String event) {
        try {
            emitter.send(SseEmitter.event().name(event).data(job.status()));
        } catch (IOException | IllegalStateException gone) {
            // the page went away; the job goes on and its status stays readable
            job.listeners.remove(emitter);
        }
    }

    private Job find(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw new NotFoundException("There is no dataset job " + id + "; finished jobs are kept for "
                    + KEEP_FINISHED.toMinutes() + " minutes.").with("jobId", id);
        }
        return job;
    }

    private void forgetOldJobs() {
        Instant cutoff = Instant.now().minus(KEEP_FINISHED);
        jobs.values().removeIf(job -> job.finishedAt != null && job.finishedAt.isBefore(cutoff));
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
