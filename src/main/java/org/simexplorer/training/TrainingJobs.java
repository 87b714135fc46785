package org.simexplorer.training;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.simexplorer.errors.OverloadedException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The bounded background executor for trainings: {@code concurrency} run, {@code queueCapacity} wait. A slot is
 * reserved before anything is saved, so a refused request (503 with Retry-After) leaves nothing behind.
 */
@Component
class TrainingJobs implements DisposableBean {

    private final Semaphore slots;
    private final ThreadPoolExecutor executor;
    private final TrainingProperties properties;

    TrainingJobs(TrainingProperties properties) {
        this.properties = properties;
        this.slots = new Semaphore(properties.concurrency() + properties.queueCapacity());
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.concurrency(), properties.concurrency(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "adapter-training-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** A held place in the queue; give it to {@link #submit} or {@link #release()} it. */
    final class Slot {
        private final AtomicBoolean held = new AtomicBoolean(true);

        void release() {
            if (held.compareAndSet(true, false)) slots.release();
        }
    }

    /** @throws OverloadedException when every running and queued place is taken */
    Slot reserve() {
        if (!slots.tryAcquire()) {
            throw new OverloadedException("Training is busy: " + properties.concurrency() + " running and "
                    + properties.queueCapacity() + " waiting. Try again later, or cancel a training.",
                    properties.retryAfterSeconds());
        }
        return new Slot();
    }

    /** A submitted training, to be stopped when what it depends on goes away. */
    final class Job {
        private final Slot slot;
        private final FutureTask<Void> task;

        private Job(Slot slot, FutureTask<Void> task) {
            this.slot = slot;
            this.task = task;
        }

        /**
         * Takes a queued job out of the queue and frees its slot; for a running one (whose cancel flag the caller
         * has set) waits until it has ended and freed its slot.
         *
         * @return false when it was still running after the timeout
         */
        boolean stop(Duration timeout) throws InterruptedException {
            if (executor.remove(task)) {
                slot.release();
                return true;
            }
            try {
                task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | CancellationException ended) {
                // Ended all the same; the runner has recorded how.
            } catch (TimeoutException stillRunning) {
                return false;
            }
            return true;
        }
    }

    Job submit(Slot slot, Runnable job) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            try {
                job.run();
            } finally {
                slot.release();
            }
        }, null);
        executor.execute(task);
        return new Job(slot, task);
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
