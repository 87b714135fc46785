package org.simexplorer.training;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
    private final ExecutorService executor;
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
        private boolean held = true;

        void release() {
            if (held) {
                held = false;
                slots.release();
            }
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

    void submit(Slot slot, Runnable job) {
        executor.execute(() -> {
            try {
                job.run();
            } finally {
                slot.release();
            }
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
